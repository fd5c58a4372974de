package io.github.ocidiff.store;

/**
 * A resource whose content differs between two snapshots.
 *
 * @param before its version at the earlier snapshot, null when it did not exist there (created)
 * @param after  its version at the later snapshot, null when it is gone there (deleted, or its scope was
 *               not declared: the diff tells the two apart with the later snapshot's coverage)
 */
public record IntervalEdge(String ocid, StoredResource before, StoredResource after) {
}
