package io.github.ocidiff.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An approved state: a name pinning a snapshot, against which drift is checked.
 *
 * @param compartments  compartments it covers, each with its subtree: an OCID or a path below the
 *                      tenancy such as prod/app; empty = all
 * @param resourceTypes resource types it covers; empty = all
 */
public record Baseline(String name, long snapshotId, String note, List<String> compartments,
                       List<String> resourceTypes, Instant createdAt) {
    public Baseline {
        Objects.requireNonNull(name, "name");
        compartments = List.copyOf(compartments);
        resourceTypes = List.copyOf(resourceTypes);
    }
}
