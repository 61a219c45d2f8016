package io.limber.local.security;

import java.nio.file.Path;
import java.util.List;

/**
 * Prints a token from the running local stack's dev key pair, for curl: {@code deploy/local/token patient
 * USER_ID}, {@code deploy/local/token clinician}, {@code deploy/local/token admin}.
 */
public final class TokenMain {

    public static void main(String[] args) {
        if (args.length < 1 || !List.of(TokenIssuer.PATIENT, TokenIssuer.CLINICIAN, TokenIssuer.ADMIN).contains(args[0])
                || (args[0].equals(TokenIssuer.PATIENT) && args.length < 2)) {
            System.err.println("usage: deploy/local/token patient USER_ID | clinician [ID] | admin [ID]");
            System.exit(2);
        }
        String subject = args.length > 1 ? args[1] : args[0] + "-local";
        Path dir = Path.of(System.getProperty("limber.keys", ".local-stack/keys"));
        TokenIssuer issuer = new TokenIssuer(DevKeyPair.readFrom(dir).privateKey(), TokenIssuer.DEV_ISSUER);
        System.out.println(issuer.token(subject, List.of(args[0])));
    }
}
