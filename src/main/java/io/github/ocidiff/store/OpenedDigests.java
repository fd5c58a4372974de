package io.github.ocidiff.store;

import java.util.Arrays;

/**
 * The digests of what Search answered for resources whose interval a snapshot may open (new or changed),
 * by OCID hash, so that the saved latest state has them and the next snapshot recognises those resources
 * too (see {@link OpenIntervalIndex#recognize}). An entry holds the first 8 bytes of the content it was
 * answered with: a digest goes only to an interval opened with that content. A resource sighted twice in
 * a snapshot gets none, the commit choosing between its sightings. In primitive arrays (some 40 bytes an
 * entry); not thread-safe.
 */
final class OpenedDigests {

    /** Open addressing, linear probing: entry + 1 of the hash that lands there, 0 when free. */
    private int[] table = new int[1024];
    private long[] hashes = new long[256];
    private long[] contents = new long[256];
    private long[] highs = new long[256];
    private long[] lows = new long[256];
    private int size;

    /** Records the digest a resource of this OCID hash and content was answered with. */
    void put(long ocidHash, byte[] sha256, long digestHigh, long digestLow) {
        int at = probe(table, ocidHash);
        if (table[at] != 0) {
            // Sighted again: no digest is known to go with the content the commit keeps.
            int entry = table[at] - 1;
            highs[entry] = 0;
            lows[entry] = 0;
            return;
        }
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
            contents = Arrays.copyOf(contents, size * 2);
            highs = Arrays.copyOf(highs, size * 2);
            lows = Arrays.copyOf(lows, size * 2);
        }
        hashes[size] = ocidHash;
        contents[size] = prefix(sha256);
        highs[size] = digestHigh;
        lows[size] = digestLow;
        table[at] = ++size;
        if (size * 2 > table.length) {
            rehash(table.length * 2);
        }
    }

    /** The entry of the interval of this OCID hash opened with this content, or -1 when none is known. */
    int find(long ocidHash, byte[] sha256) {
        int entry = table[probe(table, ocidHash)] - 1;
        return entry >= 0 && contents[entry] == prefix(sha256) && (highs[entry] != 0 || lows[entry] != 0) ? entry : -1;
    }

    long high(int entry) {
        return highs[entry];
    }

    long low(int entry) {
        return lows[entry];
    }

    private void rehash(int length) {
        table = new int[length];
        for (int entry = 0; entry < size; entry++) {
            table[probe(table, hashes[entry])] = entry + 1;
        }
    }

    private int probe(int[] cells, long hash) {
        int mask = cells.length - 1;
        int at = (int) (hash ^ (hash >>> 32)) & mask;
        while (cells[at] != 0 && hashes[cells[at] - 1] != hash) {
            at = (at + 1) & mask;
        }
        return at;
    }

    private static long prefix(byte[] sha256) {
        long prefix = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            prefix = prefix << 8 | (sha256[i] & 0xff);
        }
        return prefix;
    }
}
