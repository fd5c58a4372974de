package io.github.ocidiff.store;

/**
 * A set of 64-bit OCID hashes in one primitive array (open addressing, linear probing): the resources
 * a snapshot wrote straight to the intervals, those an import has read, 16 bytes or less each. Two OCIDs
 * share a hash with odds of some 1 in 10^7 among a million. Not thread-safe.
 */
public final class OcidHashSet {

    private long[] table = new long[1024];
    /** 0 marks a free cell, so the hash 0 is remembered apart. */
    private boolean hasZero;
    private int size;

    /** @return whether the OCID was not there yet */
    public boolean addOcid(String ocid) {
        return add(OpenIntervalIndex.ocidHash(ocid));
    }

    /** @return whether the hash was not there yet */
    boolean add(long hash) {
        if (hash == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        int at = probe(table, hash);
        if (table[at] == hash) {
            return false;
        }
        table[at] = hash;
        if (++size * 2 > table.length) {
            grow();
        }
        return true;
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        for (long hash : table) {
            if (hash != 0) {
                bigger[probe(bigger, hash)] = hash;
            }
        }
        table = bigger;
    }

    private static int probe(long[] table, long hash) {
        int mask = table.length - 1;
        int at = (int) (hash ^ (hash >>> 32)) & mask;
        while (table[at] != 0 && table[at] != hash) {
            at = (at + 1) & mask;
        }
        return at;
    }
}
