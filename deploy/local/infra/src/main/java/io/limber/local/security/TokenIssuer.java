package io.limber.local.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Signs bearer tokens (JWT, RS256) as Limber's services expect them: {@code iss}, {@code sub} (the user id),
 * {@code groups} (the roles: {@code patient}, {@code clinician}, {@code admin}), {@code iat}, {@code exp},
 * {@code jti}. For the local stack, the simulator and tests; production tokens come from the OIDC provider.
 *
 * <p>Also makes the tokens an attacker would try (expired, unsigned, wrong issuer, signed by another key), so
 * tests can prove each is refused.
 */
public final class TokenIssuer {

    public static final String PATIENT = "patient";
    public static final String CLINICIAN = "clinician";
    public static final String ADMIN = "admin";

    /** The issuer of the local stack's tokens. */
    public static final String DEV_ISSUER = "https://limber.local/dev";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey key;
    private final String issuer;
    private final Clock clock;
    private final Duration lifetime;

    public TokenIssuer(PrivateKey key, String issuer) {
        this(key, issuer, Clock.systemUTC(), Duration.ofHours(1));
    }

    public TokenIssuer(PrivateKey key, String issuer, Clock clock, Duration lifetime) {
        this.key = key;
        this.issuer = issuer;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A person's token: may read and write only their own data. */
    public String patient(String userId) {
        return token(userId, List.of(PATIENT));
    }

    /** A clinician's token: prescribes plans, sees cohort figures and care reviews. */
    public String clinician(String clinicianId) {
        return token(clinicianId, List.of(CLINICIAN));
    }

    /** An administrator's token: edits the routine catalogue. */
    public String admin(String adminId) {
        return token(adminId, List.of(ADMIN));
    }

    /** A signed token with these roles, valid from now for the issuer's lifetime. */
    public String token(String subject, List<String> roles) {
        Instant now = clock.instant();
        return sign(claims(issuer, subject, roles, now, now.plus(lifetime)));
    }

    /** A correctly signed token that expired an hour ago. */
    public String expired(String subject, List<String> roles) {
        Instant issued = clock.instant().minus(lifetime).minus(Duration.ofHours(1));
        return sign(claims(issuer, subject, roles, issued, issued.plus(lifetime)));
    }

    /** A correctly signed token from another issuer. */
    public String fromIssuer(String otherIssuer, String subject, List<String> roles) {
        Instant now = clock.instant();
        return sign(claims(otherIssuer, subject, roles, now, now.plus(lifetime)));
    }

    /** A token with {@code alg: none} and no signature. */
    public String unsigned(String subject, List<String> roles) {
        Instant now = clock.instant();
        String header = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        return header + "." + encode(claims(issuer, subject, roles, now, now.plus(lifetime))) + ".";
    }

    /** A token signed by someone else's key (the right issuer and claims, the wrong signature). */
    public String forged(String subject, List<String> roles) {
        return new TokenIssuer(DevKeyPair.generate().privateKey(), issuer, clock, lifetime).token(subject, roles);
    }

    private String sign(String claims) {
        String signingInput = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + encode(claims);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }

    private static String claims(String issuer, String subject, List<String> roles, Instant issuedAt, Instant expires) {
        return "{\"iss\":" + quote(issuer)
                + ",\"sub\":" + quote(subject)
                + ",\"upn\":" + quote(subject)
                + ",\"groups\":[" + roles.stream().map(TokenIssuer::quote).collect(Collectors.joining(",")) + "]"
                + ",\"iat\":" + issuedAt.getEpochSecond()
                + ",\"exp\":" + expires.getEpochSecond()
                + ",\"jti\":" + quote(UUID.randomUUID().toString()) + "}";
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
