package io.github.ocidiff.store;

import io.github.ocidiff.crawl.Narrowing;
import io.github.ocidiff.crawl.SnapshotStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A committed snapshot.
 *
 * @param day                 the UTC date of {@code takenAt}
 * @param source              {@code crawl} or {@code import}
 * @param resourceCount       resources in the state at this snapshot, including those carried forward
 *                            from scopes that failed (for a FAILED snapshot: the unchanged previous state)
 * @param failedScopes        declared scopes that were not fully collected, not counting those a narrowing
 *                            left out (its coverage lists them too, not collected)
 * @param changesFromPrevious resources created, deleted or modified since the previous snapshot
 *                            (each resource counted once)
 * @param narrowing           what the command line narrowed it to, {@link Narrowing#NONE} for the
 *                            configuration's whole plan (which a snapshot that filled another's gaps stands for)
 * @param fill                the earlier snapshot of the day whose gaps this one filled, and what it took again
 */
public record SnapshotInfo(long id, Instant takenAt, LocalDate day, String tenancyId, String source,
                           SnapshotStatus status, long resourceCount, int failedScopes, long changesFromPrevious,
                           Instant startedAt, Instant finishedAt, Narrowing narrowing, Optional<Fill> fill) {

    /**
     * What a snapshot that filled the gaps of an earlier one of its day took again ({@code snapshot --region R}
     * after a PARTIAL night); the rest it has as the earlier one collected it, {@code since} then.
     */
    public record Fill(long filledId, Narrowing retaken, Instant since) {
        /** E.g. "filled snapshot 6: --region eu-frankfurt-1 taken again". */
        public String describe() {
            return "filled snapshot " + filledId + ": " + retaken.describe() + " taken again";
        }
    }

    /** Any snapshot but one that filled another's gaps. */
    public SnapshotInfo(long id, Instant takenAt, LocalDate day, String tenancyId, String source, SnapshotStatus status,
                        long resourceCount, int failedScopes, long changesFromPrevious, Instant startedAt,
                        Instant finishedAt, Narrowing narrowing) {
        this(id, takenAt, day, tenancyId, source, status, resourceCount, failedScopes, changesFromPrevious, startedAt,
                finishedAt, narrowing, Optional.empty());
    }

    /**
     * When the oldest of what it holds was collected: its time, or for a fill the time of what it kept. The
     * changes a later snapshot finds there happened since, so its Audit window starts then.
     */
    public Instant collectedSince() {
        return fill.map(Fill::since).orElse(takenAt);
    }

    /** E.g. "PARTIAL", or "COMPLETE, --region us-ashburn-1" for a narrowed one. */
    public String statusAndNarrowing() {
        return narrowing.isNone() ? status.name() : status + ", " + narrowing.describe();
    }
}
