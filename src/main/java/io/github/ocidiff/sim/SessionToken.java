package io.github.ocidiff.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Function;

/**
 * Security tokens as OCI issues them, for {@code oci session authenticate} (principal type "user") and
 * to instance principals (type "instance"): a JWT naming the tenancy and carrying the session's public
 * key as a JSON string claim ({@code jwk}, the shape the SDK reads); requests are signed with the
 * session key and keyId {@code ST$<token>}. Which key issued a token depends on its principal type.
 */
public final class SessionToken {
    static final String KEY_ID_PREFIX = "ST$";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private SessionToken() {
    }

    /** Issues a token of a principal ({@code subject}, of type {@code principalType}) for {@code sessionKey}. */
    static String issue(PrivateKey issuerKey, PublicKey sessionKey, String tenancyId, String subject,
                        String principalType, Instant expires) {
        RSAPublicKey rsa = (RSAPublicKey) sessionKey;
        ObjectNode jwk = JSON.createObjectNode().put("kty", "RSA").put("alg", "RS256").put("kid", "session")
                .put("n", B64URL.encodeToString(unsigned(rsa.getModulus())))
                .put("e", B64URL.encodeToString(unsigned(rsa.getPublicExponent())));
        ObjectNode payload = JSON.createObjectNode()
                .put("sub", subject).put("tenant", tenancyId).put("exp", expires.getEpochSecond())
                .put("iat", Instant.now().getEpochSecond()).put("ptype", principalType).put("sess_exp", expires.toString())
                .put("jwk", jwk.toString());
        String header = B64URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = B64URL.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(issuerKey);
            signer.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
            return header + "." + body + "." + B64URL.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks a token and returns the session public key it carries.
     *
     * @param issuers the key that issues tokens of a principal type, or null for a type nobody issues
     * @throws IllegalArgumentException with the reason, when the token is forged, foreign or expired
     */
    static PublicKey verify(String token, Function<String, PublicKey> issuers, String tenancyId, Instant now) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("The session token is not a JWT.");
        }
        try {
            JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            PublicKey issuerKey = issuers.apply(payload.path("ptype").asText());
            if (issuerKey == null) {
                throw new IllegalArgumentException("The session token is of an unknown principal type.");
            }
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(issuerKey);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new IllegalArgumentException("The session token was not issued for this tenancy's key.");
            }
            if (!tenancyId.equals(payload.path("tenant").asText())) {
                throw new IllegalArgumentException("The session token belongs to another tenancy.");
            }
            if (payload.path("exp").asLong() <= now.getEpochSecond()) {
                throw new IllegalArgumentException("The session token has expired.");
            }
            JsonNode jwk = JSON.readTree(payload.path("jwk").asText());
            BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("n").asText()));
            BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("e").asText()));
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
        } catch (GeneralSecurityException | IOException | IllegalStateException e) {
            throw new IllegalArgumentException("The session token cannot be read: " + e.getMessage());
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 && bytes.length > 1 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
