package io.github.ocidiff.store;

import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.function.ToLongFunction;

/**
 * The latest state (the open intervals) in memory for the duration of one snapshot, so that an
 * unchanged resource is recognised without touching the database: per interval a 64-bit hash of its
 * OCID, its content's SHA-256, its row id, the scope it lives in and what this snapshot saw of it. All
 * in primitive arrays (about 115 bytes an interval, tables included), no object per entry: a million
 * resources fit in some 115 MB of heap.
 *
 * <p>OCIDs are known only by their hash, so a hash shared by two intervals could confuse them: such
 * intervals are marked {@link #STAGED} from the start, which sends every resource of that hash, and the
 * intervals themselves, to the exact set-based comparison of staging. A collision costs writes, never a
 * missed change. A content hash found equal is trusted: the canonical JSON names its resource, so equal
 * content means the same resource.
 *
 * <p>Each interval may also have the digest of what Resource Search last answered for it (see {@link
 * io.github.ocidiff.crawl.SearchedResource}), with a table of its own: a resource whose answer has that
 * digest is unchanged, known without making its canonical form.
 *
 * <p>Not thread-safe, but for {@link #recognize}: one thread loads it and classifies the crawl's pages;
 * once loaded, any thread may recognise digests, which nothing changes after the load.
 */
final class OpenIntervalIndex {

    /** What this snapshot saw of an interval: nothing yet. */
    static final int UNSEEN = -1;
    /** A resource of this interval's OCID hash was staged: the commit decides the interval in SQL. */
    static final int STAGED = -2;
    /* Any other sighting is the id (see ScopeIds) of the one scope that reported the resource unchanged. */

    private static final int SHA_BYTES = 32;
    private static final int SLOT_BITS = 24;
    private static final long SLOT_MASK = (1L << SLOT_BITS) - 1;
    private static final double LOAD_FACTOR = 0.6;

    private final ToLongFunction<String> hash;
    /** Open addressing, linear probing: slot + 1 of the interval whose hash lands there, 0 when free. */
    private int[] table;
    private long[] hashes;
    private byte[] shas;
    private long[] rowIds;
    private int[] ownScopes;
    private int[] sightings;
    /**
     * Open addressing, linear probing, for intervals with a digest: two longs a cell, the digest's low
     * half and its high half with the slot in its lowest {@link #SLOT_BITS} bits, so that recognising a
     * resource reads one cache line rather than a table and two arrays (104 bits of the digest are
     * compared). Both 0: free.
     */
    private long[] digestCells;
    /**
     * Per slot, the digest it was loaded with, replaced by the one this snapshot saw it answered with
     * ({@link #learn}) for the next snapshot; 0 and 0 if none. Recognising reads only the cells.
     */
    private long[] digestHighs;
    private long[] digestLows;
    private int size;

    OpenIntervalIndex(int expected) {
        this(expected, OpenIntervalIndex::ocidHash);
    }

    /** @param hash the OCID hash; tests force collisions with a poor one */
    OpenIntervalIndex(int expected, ToLongFunction<String> hash) {
        this.hash = hash;
        int slots = Math.max(16, expected);
        hashes = new long[slots];
        shas = new byte[slots * SHA_BYTES];
        rowIds = new long[slots];
        ownScopes = new int[slots];
        sightings = new int[slots];
        digestHighs = new long[slots];
        digestLows = new long[slots];
        table = new int[tableSize(slots)];
        digestCells = new long[2 * tableSize(slots)];
    }

    /** Adds an open interval, while loading. */
    void add(String ocid, byte[] sha256, long rowId, int ownScope) {
        addHashed(hash.applyAsLong(ocid), sha256, rowId, ownScope, 0, 0);
    }

    /**
     * Adds an open interval by its OCID's hash, as {@link #writeTo} wrote it.
     *
     * @param digestHigh the digest of what Search answered for it, 0 and 0 when not known
     */
    void addHashed(long h, byte[] sha256, long rowId, int ownScope, long digestHigh, long digestLow) {
        if (size == hashes.length) {
            grow();
        }
        int slot = size++;
        hashes[slot] = h;
        System.arraycopy(sha256, 0, shas, slot * SHA_BYTES, SHA_BYTES);
        rowIds[slot] = rowId;
        ownScopes[slot] = ownScope;
        sightings[slot] = UNSEEN;
        digestHighs[slot] = digestHigh;
        digestLows[slot] = digestLow;
        indexDigest(slot);
        int at = probe(h);
        if (table[at] == 0) {
            table[at] = slot + 1;
        } else {
            // A second interval of the same hash: neither can be told from the other by its hash.
            sightings[table[at] - 1] = STAGED;
            sightings[slot] = STAGED;
        }
    }

    int size() {
        return size;
    }

    /** Empties it, for a load that failed half-way to start again. */
    void clear() {
        Arrays.fill(table, 0);
        Arrays.fill(digestCells, 0);
        size = 0;
    }

    /** Whether every interval's own scope is numbered below {@code count}. */
    boolean scopesBelow(int count) {
        for (int slot = 0; slot < size; slot++) {
            if (ownScopes[slot] < 0 || ownScopes[slot] >= count) {
                return false;
            }
        }
        return true;
    }

    /** Hands each interval but those of the {@code skipped} slots to {@code out}, as {@link #addHashed} takes it. */
    void writeTo(OpenIntervalFile.Entry out, BitSet skipped) throws IOException {
        for (int slot = skipped.nextClearBit(0); slot < size; slot = skipped.nextClearBit(slot + 1)) {
            out.write(hashes[slot], shas, slot * SHA_BYTES, rowIds[slot], ownScopes[slot], digestHighs[slot],
                    digestLows[slot]);
        }
    }

    /** The slot of the interval whose OCID hash this OCID has, or -1. */
    int find(String ocid) {
        return findHashed(hash(ocid));
    }

    /** The slot of the interval of this OCID hash ({@link #hash}), or -1. */
    int findHashed(long ocidHash) {
        return table[probe(ocidHash)] - 1;
    }

    /**
     * The slot of the interval last answered with this digest, or -1. Thread-safe once loaded: it reads
     * only what the load wrote.
     */
    int recognize(long digestHigh, long digestLow) {
        int at = probeDigest(digestHigh, digestLow);
        return digestCells[at + 1] == 0 ? -1 : (int) (digestCells[at] & SLOT_MASK);
    }

    /**
     * Records the digest a resource found unchanged in {@code slot} was answered with, for the next
     * snapshot; this one goes on recognising the digest the slot was loaded with.
     */
    void learn(int slot, long digestHigh, long digestLow) {
        digestHighs[slot] = digestHigh;
        digestLows[slot] = digestLow;
    }

    long hash(String ocid) {
        return hash.applyAsLong(ocid);
    }

    boolean hasContent(int slot, byte[] sha256) {
        return Arrays.equals(shas, slot * SHA_BYTES, (slot + 1) * SHA_BYTES, sha256, 0, SHA_BYTES);
    }

    int sighting(int slot) {
        return sightings[slot];
    }

    void sight(int slot, int scope) {
        sightings[slot] = scope;
    }

    void markStaged(int slot) {
        sightings[slot] = STAGED;
    }

    long rowId(int slot) {
        return rowIds[slot];
    }

    int ownScope(int slot) {
        return ownScopes[slot];
    }

    private int probe(long h) {
        int mask = table.length - 1;
        int at = (int) (h ^ (h >>> 32)) & mask;
        while (table[at] != 0 && hashes[table[at] - 1] != h) {
            at = (at + 1) & mask;
        }
        return at;
    }

    private void indexDigest(int slot) {
        // A digest whose low half is 0 (one in 2^64) would look like a free cell: known by content only.
        if (digestLows[slot] != 0 && slot <= SLOT_MASK) {
            int at = probeDigest(digestHighs[slot], digestLows[slot]);
            // The same digest twice (a collision) is left to the first: the other is known by content only.
            if (digestCells[at + 1] == 0) {
                digestCells[at] = digestHighs[slot] & ~SLOT_MASK | slot;
                digestCells[at + 1] = digestLows[slot];
            }
        }
    }

    /** The index in {@link #digestCells} of the cell of this digest, or of the free cell where it would go. */
    private int probeDigest(long high, long low) {
        int mask = digestCells.length / 2 - 1;
        int cell = (int) (high ^ (high >>> 32)) & mask;
        while (true) {
            int at = 2 * cell;
            long cellLow = digestCells[at + 1];
            if (cellLow == 0 || cellLow == low && (digestCells[at] & ~SLOT_MASK) == (high & ~SLOT_MASK)) {
                return at;
            }
            cell = (cell + 1) & mask;
        }
    }

    /** Only when the latest snapshot's count undercounted (it never does); kept simple rather than fast. */
    private void grow() {
        int slots = hashes.length * 2;
        hashes = Arrays.copyOf(hashes, slots);
        shas = Arrays.copyOf(shas, slots * SHA_BYTES);
        rowIds = Arrays.copyOf(rowIds, slots);
        ownScopes = Arrays.copyOf(ownScopes, slots);
        sightings = Arrays.copyOf(sightings, slots);
        digestHighs = Arrays.copyOf(digestHighs, slots);
        digestLows = Arrays.copyOf(digestLows, slots);
        table = new int[tableSize(slots)];
        digestCells = new long[2 * tableSize(slots)];
        for (int slot = 0; slot < size; slot++) {
            int at = probe(hashes[slot]);
            if (table[at] == 0) {
                table[at] = slot + 1;
            }
            indexDigest(slot);
        }
    }

    private static int tableSize(int slots) {
        return Integer.highestOneBit((int) Math.ceil(slots / LOAD_FACTOR) - 1) << 1;
    }

    /** FNV-1a over the OCID's characters, then a 64-bit finaliser so that shared prefixes spread well. */
    static long ocidHash(String ocid) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < ocid.length(); i++) {
            h = (h ^ ocid.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb33fa2ecd34bL;
        return h ^ (h >>> 33);
    }
}
