package io.limber.bench;

import io.limber.local.security.DevKeyPair;
import io.limber.local.security.TokenIssuer;
import java.nio.file.Path;
import java.util.Map;

/**
 * The bearer-token settings every service started by a benchmark gets: a dev key pair made once per run (the
 * services need a key to start; benchmarks talk to them over Kafka and SQL, and to the management port for
 * health, so no token is ever signed).
 */
public final class ServiceKeys {

    private static Path publicKey;

    private ServiceKeys() {
    }

    /** {@code JWT_ISSUER} and {@code JWT_PUBLIC_KEY_LOCATION}, as the local stack passes them. */
    public static synchronized Map<String, String> environment() {
        if (publicKey == null) {
            publicKey = DevKeyPair.generateIntoTemporaryDirectory("limber-bench-keys-")
                    .resolve(DevKeyPair.PUBLIC_KEY_FILE);
        }
        return Map.of("JWT_ISSUER", TokenIssuer.DEV_ISSUER, "JWT_PUBLIC_KEY_LOCATION", publicKey.toString());
    }
}
