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

/**
 * Session tokens as OCI issues them for {@code oci session authenticate}: a JWT naming the tenancy and
 * carrying the session's public key ({@code jwk}); requests are signed with the session key and keyId
 * {@code ST$<token>}. The simulator trusts tokens signed with the registered API key, standing in for
 * OCI's token issuer.
 */
public final class SessionToken {
    static final String KEY_ID_PREFIX = "ST$";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private SessionToken() {
    }

    /** Issues a token for {@code sessionKey}, signed with the issuer's (API) private key. */
    public static String issue(PrivateKey issuerKey, PublicKey sessionKey, String tenancyId, String userId, Instant expires) {
        RSAPublicKey rsa = (RSAPublicKey) sessionKey;
        ObjectNode payload = JSON.createObjectNode()
                .put("sub", userId).put("tenant", tenancyId).put("exp", expires.getEpochSecond())
                .put("iat", Instant.now().getEpochSecond()).put("ptype", "user").put("sess_exp", expires.toString());
        payload.putObject("jwk").put("kty", "RSA").put("alg", "RS256").put("kid", "session")
                .put("n", B64URL.encodeToString(unsigned(rsa.getModulus())))
                .put("e", B64URL.encodeToString(unsigned(rsa.getPublicExponent())));
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
     * @throws IllegalArgumentException with the reason, when the token is forged, foreign or expired
     */
    static PublicKey verify(String token, PublicKey issuerKey, String tenancyId, Instant now) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("The session token is not a JWT.");
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(issuerKey);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new IllegalArgumentException("The session token was not issued for this tenancy's key.");
            }
            JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (!tenancyId.equals(payload.path("tenant").asText())) {
                throw new IllegalArgumentException("The session token belongs to another tenancy.");
            }
            if (payload.path("exp").asLong() <= now.getEpochSecond()) {
                throw new IllegalArgumentException("The session token has expired.");
            }
            JsonNode jwk = payload.path("jwk");
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
