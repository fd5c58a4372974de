package io.github.ocidiff.store;

/**
 * A resource whose content differs between two snapshots.
 *
 * @param before  its version at the earlier snapshot, null when it did not exist there (created)
 * @param after   its version at the later snapshot, null when it is gone there (deleted, or its scope was
 *                not declared: the diff tells the two apart with the coverage of the snapshot it went at)
 * @param endedAt when {@code after} is null, the snapshot {@code before} ended at, which found it gone: the later
 *                one or one between; null when not known (then the later one)
 */
public record IntervalEdge(String ocid, StoredResource before, StoredResource after, Long endedAt) {

    /** An edge whose end, if it is one, is the later snapshot's. */
    public IntervalEdge(String ocid, StoredResource before, StoredResource after) {
        this(ocid, before, after, null);
    }
}
