package io.github.ocidiff.sim;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque opc-next-page tokens that carry an offset, so that clients cannot depend on their form. */
final class PageToken {
    private static final String PREFIX = "sim:";

    private PageToken() {
    }

    static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    static int decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                int offset = Integer.parseInt(text.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // fall through to the OCI-style error below
        }
        throw SimError.badRequest("InvalidParameter", "Invalid page token.");
    }
}
