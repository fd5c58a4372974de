package io.github.ocidiff.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Auth service's federation endpoint, {@code POST /v1/x509}, one per region as in OCI: an instance
 * presents its leaf and intermediate certificates and the public half of a fresh session key, signs the
 * request with the leaf's key (keyId {@code <tenancy>/fed-x509-sha256/<SHA-256 fingerprint of the
 * leaf>}), and gets a security token for the session key. Only leaves of the simulated instance's CA
 * are trusted.
 */
final class AuthApi {
    /** OCI's instance principal tokens live about 20 minutes; the SDK renews them as they expire. */
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(20);

    private final Supplier<InstanceIdentity> instance;
    private final boolean verifySignatures;

    AuthApi(Supplier<InstanceIdentity> instance, boolean verifySignatures) {
        this.instance = instance;
        this.verifySignatures = verifySignatures;
    }

    /** Whether a path below the region prefix is the federation endpoint's. */
    static boolean owns(List<String> segments) {
        return segments.size() == 2 && segments.get(0).equals("v1") && segments.get(1).equals("x509");
    }

    SimResponse handle(SimRequest r, String rawPathAndQuery) {
        if (!r.method().equals("POST")) {
            throw SimError.notFound("No such Auth operation: " + r.method() + " /v1/x509");
        }
        JsonNode request = readJson(r.body());
        InstanceIdentity identity = instance.get();
        X509Certificate leaf = certificate(request.path("certificate").asText());
        try {
            leaf.verify(identity.intermediate.getPublicKey());
            leaf.checkValidity();
        } catch (GeneralSecurityException e) {
            throw notAuthenticated("The certificate is not a valid instance certificate of this tenancy: " + e.getMessage());
        }
        if (!contains(request.path("intermediateCertificates"), identity.intermediate)) {
            throw notAuthenticated("The intermediate certificate that issued the leaf certificate is missing.");
        }
        if (verifySignatures) {
            String keyId = identity.tenancyId + "/fed-x509-sha256/" + fingerprint(leaf);
            String problem = SignatureVerifier.verify(r.method(), rawPathAndQuery, r::header, r.body(), id -> {
                if (!id.equals(keyId)) {
                    throw new IllegalArgumentException("keyId must be " + keyId + ", from the presented certificate.");
                }
                return leaf.getPublicKey();
            });
            if (problem != null) {
                throw notAuthenticated(problem);
            }
        }
        PublicKey sessionKey = publicKey(request.path("publicKey").asText());
        String token = SessionToken.issue(identity.authority.getPrivate(), sessionKey, identity.tenancyId,
                identity.instanceId, "instance", Instant.now().plus(TOKEN_LIFETIME));
        return SimResponse.json(SimResponse.JSON.createObjectNode().put("token", token));
    }

    /** The certificate fingerprint as the SDK writes it into the keyId: upper-case hex pairs joined by colons. */
    private static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean contains(JsonNode encodedCertificates, X509Certificate wanted) {
        for (JsonNode encoded : encodedCertificates) {
            if (certificate(encoded.asText()).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode readJson(byte[] body) {
        try {
            return SimResponse.JSON.readTree(body);
        } catch (IOException e) {
            throw SimError.badRequest("InvalidParameter", "The body is not JSON: " + e.getMessage());
        }
    }

    private static X509Certificate certificate(String base64) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw SimError.badRequest("InvalidParameter", "A certificate is not base64 DER X.509: " + e.getMessage());
        }
    }

    private static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw SimError.badRequest("InvalidParameter", "publicKey is not a base64 DER RSA public key: " + e.getMessage());
        }
    }

    private static SimError notAuthenticated(String message) {
        return new SimError(401, "NotAuthenticated", message, null);
    }
}
