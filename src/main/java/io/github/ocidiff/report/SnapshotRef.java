package io.github.ocidiff.report;

import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.store.SnapshotInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** One end of a report (or a step of a history): which snapshot, when, and whether it was complete. */
public record SnapshotRef(long snapshotId, Instant takenAt, SnapshotStatus status) {

    public static SnapshotRef of(SnapshotInfo snapshot) {
        return new SnapshotRef(snapshot.id(), snapshot.takenAt(), snapshot.status());
    }

    /** The UTC date it was taken, the day people name a snapshot by. */
    public LocalDate day() {
        return LocalDate.ofInstant(takenAt, ZoneOffset.UTC);
    }
}
