package io.limber.local.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * An RSA key pair for signing bearer tokens on this machine (local stack, tests, benchmarks). Generated at
 * start, written as PEM next to the run's logs, never committed. Services get only the public key
 * ({@code JWT_PUBLIC_KEY_LOCATION}); a real deployment points that at its OIDC provider's keys instead.
 */
public final class DevKeyPair {

    public static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    public static final String PUBLIC_KEY_FILE = "jwt-public.pem";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private DevKeyPair(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A new 2048-bit RSA key pair. */
    public static DevKeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new DevKeyPair(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no RSA in this JDK", e);
        }
    }

    /** Generates a key pair and writes both halves into {@code dir} (private key readable by the owner only). */
    public static DevKeyPair generateInto(Path dir) {
        DevKeyPair pair = generate();
        try {
            Files.createDirectories(dir);
            Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
            Files.deleteIfExists(privateFile);
            Files.writeString(privateFile, pem("PRIVATE KEY", pair.privateKey.getEncoded()));
            privateFile.toFile().setReadable(false, false);
            privateFile.toFile().setReadable(true, true);
            Files.writeString(dir.resolve(PUBLIC_KEY_FILE), pem("PUBLIC KEY", pair.publicKey.getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the dev key pair to " + dir, e);
        }
        return pair;
    }

    /**
     * Generates a key pair into a new temporary directory that is removed when the JVM exits, and returns the
     * directory. (Deletion on exit runs in the reverse order of registration: the files go first, then the
     * directory, which must be empty by then.)
     */
    public static Path generateIntoTemporaryDirectory(String prefix) {
        Path dir;
        try {
            dir = Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dir.toFile().deleteOnExit();
        generateInto(dir);
        dir.resolve(PRIVATE_KEY_FILE).toFile().deleteOnExit();
        dir.resolve(PUBLIC_KEY_FILE).toFile().deleteOnExit();
        return dir;
    }

    /** Reads a key pair written by {@link #generateInto(Path)}. */
    public static DevKeyPair readFrom(Path dir) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(
                    unpem(Files.readString(dir.resolve(PRIVATE_KEY_FILE)))));
            PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(
                    unpem(Files.readString(dir.resolve(PUBLIC_KEY_FILE)))));
            return new DevKeyPair(privateKey, publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException("no dev key pair in " + dir + " (is the local stack running?)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key pair in " + dir + " is not RSA PEM", e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
