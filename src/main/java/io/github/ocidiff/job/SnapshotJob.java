package io.github.ocidiff.job;

import io.github.ocidiff.config.Config;
import io.github.ocidiff.crawl.CrawlPlan;
import io.github.ocidiff.crawl.CrawlProgress;
import io.github.ocidiff.crawl.Crawler;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.crawl.SnapshotSummary;
import io.github.ocidiff.crawl.SnapshotWriter;
import io.github.ocidiff.oci.OciClients;
import io.github.ocidiff.store.SnapshotInfo;
import io.github.ocidiff.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Takes today's snapshot: plan from Identity, collect every scope, commit. Idempotent per UTC day: a
 * COMPLETE snapshot of the day is kept (unless forced); a PARTIAL or FAILED one is replaced.
 */
public final class SnapshotJob {

    /** What the command line narrows: extra region and compartment includes, and --force. */
    public record Request(boolean force, List<String> regions, List<String> compartments) {
        public Request {
            regions = List.copyOf(regions);
            compartments = List.copyOf(compartments);
        }
    }

    /** The result: a new snapshot, or the COMPLETE one of today that was kept. */
    public record Outcome(SnapshotSummary summary, boolean kept, int regions, int scopes, Duration duration) {
    }

    private final Store store;
    private final OciClients clients;
    private final Config config;

    public SnapshotJob(Store store, OciClients clients, Config config) {
        this.store = store;
        this.clients = clients;
        this.config = config;
    }

    public Outcome run(Request request, Instant takenAt, CrawlProgress progress) {
        return run(request, () -> Planning.start(clients, config, request), takenAt, progress);
    }

    /** @param planning started for this request, with this job's clients and config (while the store opened) */
    public Outcome run(Request request, Planning planning, Instant takenAt, CrawlProgress progress) {
        return run(request, () -> planning, takenAt, progress);
    }

    private Outcome run(Request request, Supplier<Planning> planning, Instant takenAt, CrawlProgress progress) {
        long start = System.nanoTime();
        LocalDate day = takenAt.atZone(ZoneOffset.UTC).toLocalDate();
        Optional<SnapshotInfo> sameDay = store.latestCommitted().filter(s -> s.day().equals(day));
        if (sameDay.isPresent()) {
            SnapshotInfo existing = sameDay.get();
            if (existing.status() == SnapshotStatus.COMPLETE && !request.force()) {
                SnapshotSummary summary = new SnapshotSummary(existing.id(), existing.takenAt(), existing.status(),
                        existing.resourceCount(), List.of());
                return new Outcome(summary, true, 0, 0, Duration.ZERO);
            }
            store.deleteSnapshot(existing.id());
        }
        Planning planned = planning.get();
        Crawler crawler = planned.crawler();
        CrawlPlan plan = planned.plan();
        try (SnapshotWriter writer = store.begin(takenAt, plan.tenancyId(), "crawl")) {
            crawler.collect(plan, writer, progress);
            progress.committing();
            SnapshotSummary summary = writer.commit();
            store.saveCompartments(summary.id(), plan.tree().all());
            return new Outcome(summary, false, plan.regions().size(), plan.scopes().size(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
