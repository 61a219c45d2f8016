package io.limber.session;

import io.limber.platform.startup.InfrastructureCheck;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Starts session-service once PostgreSQL answers; see {@link InfrastructureCheck}. */
@QuarkusMain
public final class SessionServiceMain {

    private SessionServiceMain() {
    }

    public static void main(String... args) {
        if (!InfrastructureCheck.fromConfig().passes()) {
            System.exit(1);
        }
        Quarkus.run(args);
    }
}
