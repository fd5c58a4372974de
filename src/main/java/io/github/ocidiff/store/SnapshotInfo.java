package io.github.ocidiff.store;

import io.github.ocidiff.crawl.Narrowing;
import io.github.ocidiff.crawl.SnapshotStatus;
import java.time.Instant;
import java.time.LocalDate;

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
 *                            configuration's whole plan
 */
public record SnapshotInfo(long id, Instant takenAt, LocalDate day, String tenancyId, String source,
                           SnapshotStatus status, long resourceCount, int failedScopes, long changesFromPrevious,
                           Instant startedAt, Instant finishedAt, Narrowing narrowing) {

    /** E.g. "PARTIAL", or "COMPLETE, --region us-ashburn-1" for a narrowed one. */
    public String statusAndNarrowing() {
        return narrowing.isNone() ? status.name() : status + ", " + narrowing.describe();
    }
}
