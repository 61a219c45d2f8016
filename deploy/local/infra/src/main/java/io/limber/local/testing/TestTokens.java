package io.limber.local.testing;

import io.limber.local.security.DevKeyPair;
import io.limber.local.security.TokenIssuer;
import java.nio.file.Path;

/**
 * Tokens for a {@code @QuarkusTest}: signed with the key pair that {@link KafkaAndPostgresTestResource}
 * generated for this run and whose public half the service under test trusts. (The test resource and the test
 * may live in different class loaders; the key's directory travels as a system property.)
 */
public final class TestTokens {

    /** The issuer the service under test is configured to accept. */
    public static final String ISSUER = "https://limber.local/test";

    static final String KEY_DIR_PROPERTY = "limber.test.jwt.keys";

    private TestTokens() {
    }

    public static TokenIssuer issuer() {
        String dir = System.getProperty(KEY_DIR_PROPERTY);
        if (dir == null) {
            throw new IllegalStateException("no test key pair: is the test annotated with KafkaAndPostgresTestResource?");
        }
        return new TokenIssuer(DevKeyPair.readFrom(Path.of(dir)).privateKey(), ISSUER);
    }

    public static String patient(String userId) {
        return issuer().patient(userId);
    }

    public static String clinician() {
        return issuer().clinician("clinician-test");
    }

    public static String admin() {
        return issuer().admin("admin-test");
    }
}
