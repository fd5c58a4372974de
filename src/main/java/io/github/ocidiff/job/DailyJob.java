package io.github.ocidiff.job;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.config.Config;
import io.github.ocidiff.crawl.CrawlProgress;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.oci.OciClients;
import io.github.ocidiff.report.Report;
import io.github.ocidiff.report.ReportFormat;
import io.github.ocidiff.store.SnapshotInfo;
import io.github.ocidiff.store.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The nightly job: today's snapshot, the report against the previous COMPLETE snapshot of the whole plan
 * (an inventory on the first run), the report files under {@code reports/YYYY-MM-DD/}, publication, retention.
 * Idempotent per UTC day: a re-run keeps today's COMPLETE snapshot, renders the same report from the
 * kept Audit evidence, and publishes only what was not published yet.
 */
public final class DailyJob {

    /** What the nightly snapshot covers: the configuration's regions and compartments. */
    public static final SnapshotJob.Request SNAPSHOT = new SnapshotJob.Request(false, List.of(), List.of());

    /** @param republish publish today's report again even if it already was */
    public record Request(boolean republish, AuditAccess audit) {
    }

    /**
     * What the night produced.
     *
     * @param inventory true on the first run: the report compares nothing
     * @param files     the report files written
     * @param publishing one line per publication step done, skipped or failed
     * @param failures  publication steps that failed (retried on the next run)
     */
    public record Outcome(SnapshotJob.Outcome snapshot, Report report, boolean inventory, Path reportDir,
                          List<Path> files, List<String> warnings, List<String> publishing, List<String> failures,
                          Optional<RetentionPlan> pruned) {

        /** 1 when publishing failed, 4 when the snapshot is PARTIAL, else 0. */
        public int exitCode() {
            // Published reports left unpruned are a publishing failure too (a missing permission, a bucket gone):
            // prune alone exits 1 for them, and a scheduler should see them the same night.
            if (!failures.isEmpty() || pruned.map(plan -> !plan.problems().isEmpty()).orElse(false)) {
                return OcidiffException.RUNTIME;
            }
            return report.to().status() == SnapshotStatus.PARTIAL ? 4 : 0;
        }
    }

    private final Store store;
    private final OciClients clients;
    private final Config config;

    public DailyJob(Store store, OciClients clients, Config config) {
        this.store = store;
        this.clients = clients;
        this.config = config;
    }

    public Outcome run(Request request, Instant now, CrawlProgress progress) {
        return run(request, new SnapshotJob(store, clients, config).run(SNAPSHOT, now, progress), now, progress);
    }

    /** @param planning of {@link #SNAPSHOT}, started with this job's clients and config while the store opened */
    public Outcome run(Request request, Planning planning, Instant now, CrawlProgress progress) {
        SnapshotJob.Outcome snapshot = new SnapshotJob(store, clients, config).run(SNAPSHOT, planning, now, progress);
        return run(request, snapshot, now, progress);
    }

    private Outcome run(Request request, SnapshotJob.Outcome snapshot, Instant now, CrawlProgress progress) {
        SnapshotInfo today = store.snapshot(snapshot.summary().id()).orElseThrow();
        if (today.status() == SnapshotStatus.FAILED) {
            throw OcidiffException.runtime("snapshot " + today.id() + " FAILED: nothing usable was collected, so there "
                    + "is no report tonight; 'ocidiff snapshots' shows its coverage", null);
        }
        try {
            return report(request, snapshot, today, now);
        } catch (OcidiffException e) {
            // The summary line that would say so is not printed: the error says the snapshot is safe.
            throw new OcidiffException(e.exitCode(), e.getMessage() + " (today's snapshot " + today.id() + ", "
                    + today.status() + ", is saved; once that is fixed, `ocidiff daily` makes and publishes its report)",
                    e);
        }
    }

    private Outcome report(Request request, SnapshotJob.Outcome snapshot, SnapshotInfo today, Instant now) {
        // A snapshot the command line narrowed saw only part of the plan: the rest would show as unknown.
        Optional<SnapshotInfo> base = store.snapshots().stream()
                .filter(s -> s.id() < today.id() && s.status() == SnapshotStatus.COMPLETE && s.narrowing().isNone())
                .reduce((older, newer) -> newer);
        DiffJob diff = new DiffJob(store, config.rules(), request.audit());
        DiffJob.Result result = diff.nightly(base, today, now);

        LocalDate day = today.day();
        Path dir = config.reports().dir().resolve(day.toString());
        List<Path> files = ReportFiles.write(result.report(), Arrays.asList(ReportFormat.values()), dir);
        // A day published from another snapshot, now COMPLETE (its gaps filled, or taken again whole), goes
        // out again in its place; a re-run that finds the day as it was, or still PARTIAL, publishes nothing.
        boolean corrected = today.status() == SnapshotStatus.COMPLETE
                && store.dailyReport(day).filter(published -> published.snapshotId() != today.id()).isPresent();
        store.dailyReportWritten(day, today.id(), base.map(SnapshotInfo::id).orElse(null), dir, now);
        if (request.republish() || corrected) {
            store.dailyReportUnpublished(day);
        }
        Publication publication = new Publication(store, clients, config, diff);
        publication.publishPending(day, result.report(), now);
        Optional<RetentionPlan> pruned = config.retention().keepDays() > 0
                ? Optional.of(new Retention(store, config, () -> clients).apply(day, config.retention().keepDays(), false))
                : Optional.empty();
        return new Outcome(snapshot, result.report(), base.isEmpty(), dir, files, result.warnings(),
                publication.lines(), publication.failures(), pruned);
    }
}
