package io.github.ocidiff.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * A throwaway API signing identity for talking to the simulator: an RSA key pair, the public key the
 * simulator verifies against, and an OCI SDK config file whose DEFAULT profile uses the key, exactly as
 * {@code oci setup config} would write it for a real tenancy.
 *
 * @param configFile the OCI config file (profile DEFAULT)
 * @param privateKey the PEM private key (mode 600)
 * @param publicKey  the PEM public key, for {@code ocidiff sim --public-key}
 */
public record SimCredentials(Path configFile, Path privateKey, Path publicKey, String fingerprint) {

    public static final String USER_ID = "ocid1.user.oc1..simulatoruser";

    /** Creates a key pair and config file in {@code dir} for {@code tenancyId}, defaulting to {@code region}. */
    public static SimCredentials create(Path dir, String tenancyId, String region) throws IOException {
        KeyPair pair = newKeyPair();
        Files.createDirectories(dir);
        Path privateKey = dir.resolve("oci_api_key.pem");
        Path publicKey = dir.resolve("oci_api_key_public.pem");
        writePrivateKey(privateKey, pair.getPrivate());
        Files.writeString(publicKey, Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded()));
        String fingerprint = SignatureVerifier.fingerprint(pair.getPublic());
        Path configFile = dir.resolve("oci-config");
        Files.writeString(configFile, "[DEFAULT]\n"
                + "user=" + USER_ID + "\n"
                + "fingerprint=" + fingerprint + "\n"
                + "tenancy=" + tenancyId + "\n"
                + "region=" + region + "\n"
                + "key_file=" + privateKey.toAbsolutePath() + "\n");
        return new SimCredentials(configFile, privateKey, publicKey, fingerprint);
    }

    /**
     * Adds a profile that authenticates with a session token, as {@code oci session authenticate}
     * writes it: a fresh session key pair and a token (valid for {@code validity}, negative for an
     * already expired one) issued against this identity's API key.
     */
    public void addSessionProfile(String profile, String tenancyId, Duration validity) throws IOException {
        KeyPair session = newKeyPair();
        Path dir = configFile.getParent();
        Path sessionKey = dir.resolve(profile.toLowerCase(java.util.Locale.ROOT) + "_session_key.pem");
        writePrivateKey(sessionKey, session.getPrivate());
        Path tokenFile = dir.resolve(profile.toLowerCase(java.util.Locale.ROOT) + "_token");
        String token = SessionToken.issue(readPrivateKey(privateKey), session.getPublic(), tenancyId, USER_ID, "user",
                Instant.now().plus(validity));
        Files.writeString(tokenFile, token);
        Files.writeString(configFile, "\n[" + profile + "]\n"
                + "fingerprint=" + fingerprint + "\n"
                + "tenancy=" + tenancyId + "\n"
                + "region=" + Files.readAllLines(configFile).stream().filter(l -> l.startsWith("region="))
                        .findFirst().orElse("region=us-ashburn-1").substring("region=".length()) + "\n"
                + "key_file=" + sessionKey.toAbsolutePath() + "\n"
                + "security_token_file=" + tokenFile.toAbsolutePath() + "\n", StandardOpenOption.APPEND);
    }

    /** Reads a PEM (X.509 SubjectPublicKeyInfo) RSA public key. */
    public static PublicKey readPublicKey(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        if (!text.contains("-----BEGIN PUBLIC KEY-----")) {
            throw new IOException(file + " is not a PEM public key (expected -----BEGIN PUBLIC KEY-----)");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pemBody(file)));
        } catch (GeneralSecurityException e) {
            throw new IOException(file + " is not a valid RSA public key: " + e.getMessage());
        }
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a private key readable by its owner only, as OCI's tools expect. */
    private static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, Pem.encode("PRIVATE KEY", key.getEncoded()));
    }

    private static PrivateKey readPrivateKey(Path file) throws IOException {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBody(file)));
        } catch (GeneralSecurityException e) {
            throw new IOException(file + " is not an unencrypted PKCS#8 RSA private key: " + e.getMessage());
        }
    }

    private static byte[] pemBody(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        try {
            return Base64.getDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not PEM: " + e.getMessage());
        }
    }
}
