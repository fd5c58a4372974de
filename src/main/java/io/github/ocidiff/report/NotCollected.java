package io.github.ocidiff.report;

import java.util.Objects;

/**
 * A snapshot that did not collect a resource's scope and so carried its last known version forward
 * without seeing it: the resource's state there is unknown.
 *
 * @param reason what failed, e.g. "Resource Search in eu-frankfurt-1 failed: 503 ..."
 */
public record NotCollected(SnapshotRef snapshot, String reason) {

    public NotCollected {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(reason, "reason");
    }
}
