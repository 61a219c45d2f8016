package io.limber.local.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenIssuerTest {

    @Test
    void signsRs256TokensThatThePublicKeyVerifies(@TempDir Path dir) throws Exception {
        DevKeyPair written = DevKeyPair.generateInto(dir);
        DevKeyPair read = DevKeyPair.readFrom(dir);
        assertThat(Files.readString(dir.resolve(DevKeyPair.PUBLIC_KEY_FILE))).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(read.publicKey()).isEqualTo(written.publicKey());

        String token = new TokenIssuer(read.privateKey(), "https://issuer.test").patient("u-\"1");
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(decode(parts[0])).isEqualTo("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String claims = decode(parts[1]);
        assertThat(claims).contains("\"iss\":\"https://issuer.test\"", "\"sub\":\"u-\\\"1\"", "\"groups\":[\"patient\"]");
        long exp = Long.parseLong(claims.replaceAll(".*\"exp\":(\\d+).*", "$1"));
        assertThat(exp).isBetween(Instant.now().getEpochSecond() + 3500, Instant.now().getEpochSecond() + 3700);

        Signature verify = Signature.getInstance("SHA256withRSA");
        verify.initVerify(written.publicKey());
        verify.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verify.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }

    @Test
    void hostileTokensAreWhatTheySayTheyAre() throws Exception {
        DevKeyPair keys = DevKeyPair.generate();
        TokenIssuer issuer = new TokenIssuer(keys.privateKey(), "https://issuer.test");

        String expired = decode(issuer.expired("u1", List.of("patient")).split("\\.")[1]);
        long exp = Long.parseLong(expired.replaceAll(".*\"exp\":(\\d+).*", "$1"));
        assertThat(exp).isLessThan(Instant.now().getEpochSecond());

        String unsigned = issuer.unsigned("u1", List.of("admin"));
        assertThat(unsigned).endsWith(".");
        assertThat(decode(unsigned.split("\\.")[0])).contains("\"alg\":\"none\"");

        assertThat(decode(issuer.fromIssuer("https://evil.test", "u1", List.of("admin")).split("\\.")[1]))
                .contains("\"iss\":\"https://evil.test\"");

        String[] forged = issuer.forged("u1", List.of("admin")).split("\\.");
        Signature verify = Signature.getInstance("SHA256withRSA");
        verify.initVerify(keys.publicKey());
        verify.update((forged[0] + "." + forged[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verify.verify(Base64.getUrlDecoder().decode(forged[2]))).isFalse();
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
