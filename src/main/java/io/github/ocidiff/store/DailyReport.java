package io.github.ocidiff.store;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The nightly job's record of one UTC day.
 *
 * @param baseSnapshotId null for an inventory report (the first run: nothing to compare with)
 * @param uploadedAt     null until the report is in Object Storage or it was decided it would not be
 *                       ({@code uploadNote} says why, e.g. no bucket configured)
 * @param mailedAt       null until the mail went out or was decided against ({@code mailNote} says why)
 */
public record DailyReport(LocalDate day, long snapshotId, Long baseSnapshotId, Path reportDir, Instant writtenAt,
                          Instant uploadedAt, String uploadNote, Instant mailedAt, String mailNote) {
}
