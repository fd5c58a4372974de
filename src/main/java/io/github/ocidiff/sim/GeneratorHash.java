package io.github.ocidiff.sim;

import java.util.Locale;

/**
 * Stateless hashing for the generator: every random choice is a hash of (seed, purpose, coordinates), so
 * that no answer depends on the order in which questions are asked.
 */
final class GeneratorHash {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GeneratorHash() {
    }

    /** The SplitMix64 finaliser: a bijection on 64-bit values with good avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * MIX_1;
        z = (z ^ (z >>> 27)) * MIX_2;
        return z ^ (z >>> 31);
    }

    static long of(long seed, int purpose, long a) {
        return mix(mix(seed + GOLDEN * (purpose + 1)) + GOLDEN + a);
    }

    static long of(long seed, int purpose, long a, long b) {
        return mix(of(seed, purpose, a) + GOLDEN * 3 + b);
    }

    static long of(long seed, int purpose, long a, long b, long c) {
        return mix(of(seed, purpose, a, b) + GOLDEN * 5 + c);
    }

    static long of(long seed, int purpose, long a, long b, long c, long d) {
        return mix(of(seed, purpose, a, b, c) + GOLDEN * 7 + d);
    }

    /** A double uniform in [0, 1). */
    static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    /** An int uniform in [0, n), n ≤ 2^31 - 1. */
    static int below(long hash, int n) {
        return (int) (((hash >>> 33) * n) >>> 31);
    }

    /**
     * The 60-character unique part of an OCID ("aaaaaaaa" and 52 base-32 characters). The first 13 characters
     * encode a bijection of {@code unique}, so different values never collide for one seed.
     */
    static String ocidSuffix(long seed, long unique) {
        char[] out = new char[60];
        for (int i = 0; i < 8; i++) {
            out[i] = 'a';
        }
        long head = mix(unique ^ mix(seed ^ 0x5DEECE66DL));
        int pos = 8;
        for (int i = 0; i < 13; i++) {
            out[pos++] = BASE32[(int) ((head >>> (i * 5)) & 31)];
        }
        long tail = head;
        while (pos < 60) {
            tail = mix(tail + GOLDEN);
            for (int i = 0; i < 12 && pos < 60; i++) {
                out[pos++] = BASE32[(int) ((tail >>> (i * 5)) & 31)];
            }
        }
        return new String(out);
    }

    private static final long MIX_1 = 0xBF58476D1CE4E5B9L;
    private static final long MIX_2 = 0x94D049BB133111EBL;
    private static final long MIX_1_INVERSE = inverse(MIX_1);
    private static final long MIX_2_INVERSE = inverse(MIX_2);

    /** The inverse of {@link #mix}: {@code unmix(mix(z)) == z}. */
    static long unmix(long z) {
        z = unshift(z, 31);
        z *= MIX_2_INVERSE;
        z = unshift(z, 27);
        z *= MIX_1_INVERSE;
        return unshift(z, 30);
    }

    /** Inverts {@code y = x ^ (x >>> s)}. */
    private static long unshift(long y, int s) {
        long x = y;
        for (int i = 0; i * s < 64; i++) {
            x = y ^ (x >>> s);
        }
        return x;
    }

    /** The multiplicative inverse of an odd value modulo 2^64 (Newton's iteration). */
    private static long inverse(long a) {
        long x = a;
        for (int i = 0; i < 6; i++) {
            x *= 2 - a * x;
        }
        return x;
    }

    /**
     * The {@code unique} value that {@link #ocidSuffix} turned into {@code suffix}, read back from its first 13
     * characters, or -1 when the suffix cannot be one; callers must still compare the whole OCID.
     */
    static long ocidUnique(long seed, String suffix) {
        if (suffix.length() != 60 || !suffix.startsWith("aaaaaaaa")) {
            return -1;
        }
        long head = 0;
        for (int i = 0; i < 13; i++) {
            char ch = suffix.charAt(8 + i);
            int v = ch >= 'a' && ch <= 'z' ? ch - 'a' : ch >= '2' && ch <= '7' ? ch - '2' + 26 : -1;
            if (v < 0) {
                return -1;
            }
            head |= (long) v << (i * 5);
        }
        return unmix(head) ^ mix(seed ^ 0x5DEECE66DL);
    }

    /** Lowercase hex of {@code chars} characters drawn from {@code hash}. */
    static String hex(long hash, int chars) {
        char[] out = new char[chars];
        long h = hash;
        for (int i = 0; i < chars; i++) {
            if (i > 0 && i % 16 == 0) {
                h = mix(h + GOLDEN);
            }
            out[i] = HEX[(int) ((h >>> ((i % 16) * 4)) & 15)];
        }
        return new String(out);
    }

    /** A version-4-shaped UUID drawn from {@code hash}. */
    static String uuid(long hash) {
        long hi = mix(hash + GOLDEN);
        long lo = mix(hash + 2 * GOLDEN);
        hi = (hi & ~0xF000L) | 0x4000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        String h = String.format(Locale.ROOT, "%016x", hi);
        String l = String.format(Locale.ROOT, "%016x", lo);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
                + l.substring(0, 4) + "-" + l.substring(4, 16);
    }
}
