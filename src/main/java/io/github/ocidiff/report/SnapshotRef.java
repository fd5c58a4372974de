package io.github.ocidiff.report;

import io.github.ocidiff.crawl.SnapshotStatus;
import java.time.Instant;

/** One end of a report: which snapshot, when, and whether it was complete. */
public record SnapshotRef(long snapshotId, Instant takenAt, SnapshotStatus status) {
}
