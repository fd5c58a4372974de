package io.github.ocidiff.sim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Verifies OCI request signatures (draft-cavage HTTP signatures, RSA-SHA256) the way OCI does: the key
 * the keyId names, a signing string over the listed headers, the body digest in
 * {@code x-content-sha256}, and a bounded clock skew.
 */
final class SignatureVerifier {

    /** The public keys a server trusts, by keyId. */
    interface Keys {
        /**
         * The key that {@code keyId} names.
         *
         * @throws IllegalArgumentException with the reason for the 401 answer, when no trusted key has that id
         */
        PublicKey find(String keyId);
    }

    /** Headers OCI requires in every signature; body headers are required when a body is signed. */
    private static final List<String> REQUIRED = List.of("date", "(request-target)", "host");
    private static final Set<String> BODY_HEADERS = Set.of("content-length", "content-type", "x-content-sha256");
    private static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private SignatureVerifier() {
    }

    /** The OCI key fingerprint: MD5 of the DER-encoded public key, as colon-separated hex. */
    static String fingerprint(PublicKey key) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(key.getEncoded());
            return HexFormat.ofDelimiter(":").formatHex(md5);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks one request; returns null when it is authentic, else the reason (for the 401 body).
     *
     * @param header lower-case header name to its first value, or null
     */
    static String verify(String method, String rawPathAndQuery, Function<String, String> header, byte[] body, Keys keys) {
        String authorization = header.apply("authorization");
        if (authorization == null) {
            return "The required information to complete authentication was not provided.";
        }
        if (!authorization.startsWith("Signature ")) {
            return "Authorization header is not an OCI signature.";
        }
        Map<String, String> params = parseParams(authorization.substring("Signature ".length()));
        String keyId = params.get("keyId");
        String signature = params.get("signature");
        String headers = params.getOrDefault("headers", "date");
        if (keyId == null || signature == null) {
            return "Signature is missing keyId or signature.";
        }
        if (!"rsa-sha256".equalsIgnoreCase(params.getOrDefault("algorithm", "rsa-sha256"))) {
            return "Unsupported signature algorithm " + params.get("algorithm") + ".";
        }
        PublicKey signingKey;
        try {
            signingKey = keys.find(keyId);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        List<String> signed = List.of(headers.toLowerCase(Locale.ROOT).trim().split("\\s+"));
        for (String required : REQUIRED) {
            if (!signed.contains(required)) {
                return "Signature does not cover the required header " + required + ".";
            }
        }
        String skew = checkDate(header.apply("date"));
        if (skew != null) {
            return skew;
        }
        if (signed.contains("x-content-sha256")) {
            String digest = Base64.getEncoder().encodeToString(sha256(body));
            if (!digest.equals(header.apply("x-content-sha256"))) {
                return "x-content-sha256 does not match the request body.";
            }
        } else if (body.length > 0 && !isObjectUpload(method, rawPathAndQuery)) {
            return "Signature of a request with a body must cover " + BODY_HEADERS + ".";
        }
        StringBuilder signingString = new StringBuilder();
        for (String name : signed) {
            if (signingString.length() > 0) {
                signingString.append('\n');
            }
            if (name.equals("(request-target)")) {
                signingString.append("(request-target): ")
                        .append(method.toLowerCase(Locale.ROOT)).append(' ').append(rawPathAndQuery);
            } else {
                String value = header.apply(name);
                if (value == null) {
                    return "Signed header " + name + " is missing from the request.";
                }
                signingString.append(name).append(": ").append(value);
            }
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(signingKey);
            verifier.update(signingString.toString().getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(Base64.getDecoder().decode(signature))) {
                return "The signature does not match the request.";
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return "The signature could not be verified: " + e.getMessage();
        }
        return null;
    }

    /** Object Storage PutObject streams its body and signs only date, target and host. */
    private static boolean isObjectUpload(String method, String path) {
        return method.equals("PUT") && path.contains("/o/");
    }

    private static String checkDate(String date) {
        if (date == null) {
            return "The date header is missing.";
        }
        try {
            Instant sent = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            if (Duration.between(sent, Instant.now()).abs().compareTo(MAX_SKEW) > 0) {
                return "The date header is more than " + MAX_SKEW.toMinutes() + " minutes off the server clock.";
            }
            return null;
        } catch (DateTimeParseException e) {
            return "The date header is not an RFC 1123 date.";
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses {@code a="x",b="y"} (values never contain quotes in OCI signatures). */
    private static Map<String, String> parseParams(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = text.substring(i, eq).trim();
            int open = text.indexOf('"', eq);
            int close = open < 0 ? -1 : text.indexOf('"', open + 1);
            if (close < 0) {
                break;
            }
            params.put(name, text.substring(open + 1, close));
            int comma = text.indexOf(',', close);
            i = comma < 0 ? text.length() : comma + 1;
        }
        return params;
    }
}
