package io.github.ocidiff.store;

/**
 * A resource whose content differs between two snapshots.
 *
 * @param before  its version at the earlier snapshot, null when it did not exist there (created)
 * @param after   its version at the later snapshot, null when it is gone there (deleted, or its scope was
 *                not declared: the diff tells the two apart with the coverage of the snapshot it went at)
 * @param endedAt when {@code after} is null, the snapshot its last version ended at, which found it gone: the later
 *                one or one between; null when not known (then the later one). When {@code before} is null and
 *                {@code after} is not, the snapshot between the two that found {@code after} gone: the resource
 *                lived only between them ({@link #livedBetween})
 * @param last    when {@code after} is null and the resource changed between the two before it went, its last
 *                version (where it went from); else null, {@code before} being the version that went
 */
public record IntervalEdge(String ocid, StoredResource before, StoredResource after, Long endedAt,
                           StoredResource last) {

    /** A resource created after the earlier snapshot and gone by the later one: {@code last} its last version. */
    public static IntervalEdge livedBetween(StoredResource last, long endedAt) {
        return new IntervalEdge(last.ocid(), null, last, endedAt);
    }

    public IntervalEdge(String ocid, StoredResource before, StoredResource after, Long endedAt) {
        this(ocid, before, after, endedAt, null);
    }

    /** Whether the resource lived only between the two snapshots (see {@link #livedBetween}). */
    public boolean livedOnlyBetween() {
        return before == null && after != null && endedAt != null;
    }

    /** An edge whose end, if it is one, is the later snapshot's. */
    public IntervalEdge(String ocid, StoredResource before, StoredResource after) {
        this(ocid, before, after, null);
    }
}
