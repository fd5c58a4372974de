package io.github.ocidiff.crawl;

import java.time.Instant;
import java.util.List;

/** A committed snapshot as the store reports it. */
public record SnapshotSummary(long id, Instant takenAt, SnapshotStatus status, long resources,
                              List<ScopeCoverage> failedScopes) {
    public SnapshotSummary {
        failedScopes = List.copyOf(failedScopes);
    }
}
