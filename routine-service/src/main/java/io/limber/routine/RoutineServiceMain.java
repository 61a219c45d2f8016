package io.limber.routine;

import io.limber.platform.startup.InfrastructureCheck;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Starts routine-service once PostgreSQL answers; see {@link InfrastructureCheck}. */
@QuarkusMain
public final class RoutineServiceMain {

    private RoutineServiceMain() {
    }

    public static void main(String... args) {
        if (!InfrastructureCheck.fromConfig().passes()) {
            System.exit(1);
        }
        Quarkus.run(args);
    }
}
