package io.github.ocidiff.store;

import java.util.HexFormat;

/** SHA-256 digests are hex in the API and 32 bytes in the database, half the size in every index. */
final class Sha256 {

    private static final HexFormat HEX = HexFormat.of();

    private Sha256() {
    }

    static byte[] bytes(String hex) {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException("not a hex SHA-256: " + hex);
        }
        return HEX.parseHex(hex);
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
