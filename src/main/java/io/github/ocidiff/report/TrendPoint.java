package io.github.ocidiff.report;

import io.github.ocidiff.crawl.SnapshotStatus;
import java.time.Instant;

/** One night of the report's trend chart: how many resources changed since the snapshot before it. */
public record TrendPoint(long snapshotId, Instant takenAt, SnapshotStatus status, long changes) {
}
