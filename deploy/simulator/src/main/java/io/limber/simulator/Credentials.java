package io.limber.simulator;

import io.limber.local.security.DevKeyPair;
import io.limber.local.security.TokenIssuer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bearer tokens the simulated apps and their clinician present: each person's app holds a {@code patient}
 * token for its own user id; plans are prescribed with a {@code clinician} token. Signed with the local stack's
 * dev key pair (as an identity provider would); a token is renewed well before it expires.
 */
public final class Credentials {

    private static final Duration RENEW_AFTER = Duration.ofMinutes(30);

    private record Issued(String token, Instant at) {
    }

    private final TokenIssuer issuer;
    private final Map<String, Issued> patients = new ConcurrentHashMap<>();
    private volatile Issued clinician;

    public Credentials(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    /** Tokens from the key pair a local stack wrote into {@code keyDir}. */
    public static Credentials fromKeys(Path keyDir) {
        return new Credentials(new TokenIssuer(DevKeyPair.readFrom(keyDir).privateKey(), TokenIssuer.DEV_ISSUER));
    }

    /** The {@code Authorization} header value of a person's app. */
    public String patient(String userId) {
        Issued issued = patients.compute(userId, (id, old) -> fresh(old) ? old
                : new Issued(issuer.patient(id), Instant.now()));
        return "Bearer " + issued.token();
    }

    /** The {@code Authorization} header value of the prescribing clinician. */
    public String clinician() {
        Issued current = clinician;
        if (!fresh(current)) {
            current = new Issued(issuer.clinician("simulated-clinician"), Instant.now());
            clinician = current;
        }
        return "Bearer " + current.token();
    }

    private static boolean fresh(Issued issued) {
        return issued != null && issued.at().plus(RENEW_AFTER).isAfter(Instant.now());
    }
}
