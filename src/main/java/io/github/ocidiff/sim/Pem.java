package io.github.ocidiff.sim;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** PEM armour as OpenSSL and OCI's tools write it: a BEGIN line, base64 in lines of 64, an END line. */
final class Pem {
    private Pem() {
    }

    static String encode(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
