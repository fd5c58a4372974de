package io.github.ocidiff.job;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.config.Config;
import io.github.ocidiff.crawl.CompartmentTree;
import io.github.ocidiff.crawl.CrawlPlan;
import io.github.ocidiff.crawl.CrawlProgress;
import io.github.ocidiff.crawl.CrawlResult;
import io.github.ocidiff.crawl.Crawler;
import io.github.ocidiff.crawl.Narrowing;
import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.crawl.ScopeCoverage;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.crawl.SnapshotSummary;
import io.github.ocidiff.crawl.SnapshotWriter;
import io.github.ocidiff.crawl.VanishedResource;
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
import java.util.stream.Collectors;

/**
 * Takes today's snapshot: plan from Identity, collect every scope, commit. Idempotent per UTC day: a
 * COMPLETE snapshot of the day is kept (unless forced) when it covers what is asked; a PARTIAL or FAILED
 * one, or one narrowed to less than is asked (an earlier `snapshot --region R` before the nightly run),
 * is replaced. A narrowed request on a day whose snapshot is PARTIAL fills its gaps: what it narrows to
 * is taken again, the rest kept as that snapshot collected it, in a new snapshot of the day that stands
 * for the whole plan (a region down at night, taken again in the morning). Any other request narrower
 * than today's snapshot covers is refused unless forced (or today's collected nothing): it would drop
 * the rest of the day's collection.
 */
public final class SnapshotJob {

    /** What the command line narrows: extra region and compartment includes, and --force. */
    public record Request(boolean force, List<String> regions, List<String> compartments) {
        public Request {
            regions = List.copyOf(regions);
            compartments = List.copyOf(compartments);
        }

        public Narrowing narrowing() {
            return new Narrowing(regions, compartments);
        }
    }

    /**
     * The result: a new snapshot, or the COMPLETE one of today that was kept.
     *
     * @param replaced today's earlier snapshot that the new one replaced
     * @param filled   today's earlier snapshot, PARTIAL, whose gaps the new one filled (it stays, as it was)
     * @param standing today's earlier snapshot that the new one, FAILED, did not replace (or fill); or, with {@code kept},
     *                 the COMPLETE one a retake with gaps (in the summary's failed scopes) left in place
     * @param beside   today's earlier snapshot a baseline pins, which the new one was taken beside instead of
     *                 replacing it
     * @param vanished  resources Search listed that were deleted before their details were read, left out
     */
    public record Outcome(SnapshotSummary summary, boolean kept, Optional<SnapshotInfo> replaced,
                          Optional<SnapshotInfo> filled, Optional<SnapshotInfo> standing, Optional<SnapshotInfo> beside,
                          int regions, int scopes, Duration duration, List<VanishedResource> vanished) {
        public Outcome {
            vanished = List.copyOf(vanished);
        }
    }

    /**
     * What {@code snapshot --fill} takes again: the regions, and the compartments unless all failed, of the
     * scopes today's snapshot could not collect (its FAILED ones, which collected nothing, set aside), so that
     * the run fills its gaps; the whole plan when today has only FAILED snapshots; empty when today's is
     * COMPLETE, with nothing to fill.
     */
    public static Optional<Request> fillRequest(Store store, LocalDate day) {
        List<SnapshotInfo> today = store.snapshots().stream().filter(s -> s.day().equals(day)).toList();
        Optional<SnapshotInfo> collected = standing(today);
        if (collected.isEmpty()) {
            if (today.isEmpty()) {
                throw OcidiffException.usage("--fill: the store has no snapshot of " + day + " to fill; take the day"
                        + " with `ocidiff snapshot`");
            }
            return Optional.of(new Request(false, List.of(), List.of()));
        }
        SnapshotInfo latest = collected.get();
        if (!latest.narrowing().isNone()) {
            throw OcidiffException.usage("--fill: today's snapshot " + latest.id() + " was narrowed to "
                    + latest.narrowing().describe() + ", not taken whole; take the day with `ocidiff snapshot`");
        }
        if (latest.status() == SnapshotStatus.COMPLETE) {
            return Optional.empty();
        }
        List<ScopeCoverage> coverage = store.coverage(latest.id());
        List<Scope> gaps = coverage.stream().filter(c -> !c.ok()).map(ScopeCoverage::scope).toList();
        List<String> regions = gaps.stream().map(Scope::region).distinct().toList();
        List<String> compartments = gaps.stream().map(Scope::compartmentId).distinct().toList();
        // Regions and compartments narrow as a cross product: naming every compartment would only lengthen it.
        boolean everyCompartment = coverage.stream().map(c -> c.scope().compartmentId()).distinct().count()
                == compartments.size();
        return Optional.of(new Request(false, regions, everyCompartment ? List.of() : compartments));
    }

    /**
     * The day's snapshot that stands for it: the latest that collected something. Its FAILED ones collected nothing
     * (a FAILED retake or fill leaves the snapshot below it), so the one below them decides.
     *
     * @param today the day's snapshots, oldest first
     */
    /**
     * Whether the compartments the command line names (as written: OCIDs, names, paths) are all in the snapshot's
     * tree; one that is not is asked of Identity, which tells an unknown one.
     */
    private boolean knows(SnapshotInfo snapshot, List<String> compartments) {
        return compartments.isEmpty() || CompartmentPaths.resolve(store, snapshot, compartments).isPresent();
    }

    private static Optional<SnapshotInfo> standing(List<SnapshotInfo> today) {
        return today.stream().filter(s -> s.status() != SnapshotStatus.FAILED).reduce((older, newer) -> newer);
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
        Optional<SnapshotInfo> standing = standing(store.snapshots().stream().filter(s -> s.day().equals(day)).toList());
        if (standing.isPresent()) {
            SnapshotInfo existing = standing.get();
            // A region today's snapshot has no scope of is asked of Identity, which tells an unknown one.
            if (existing.status() == SnapshotStatus.COMPLETE && !request.force()
                    && existing.narrowing().covers(request.narrowing())
                    && store.coverage(existing.id()).stream().map(c -> c.scope().region()).collect(Collectors.toSet())
                    .containsAll(request.regions()) && knows(existing, request.compartments())) {
                // Identity is not asked, but the credentials name their tenancy: "kept" must not hide another's.
                StoreTenancy.require(store, clients.credentials().tenancyId(), "the configured credentials belong to");
                SnapshotSummary summary = new SnapshotSummary(existing.id(), existing.takenAt(), existing.status(),
                        existing.resourceCount(), List.of());
                return new Outcome(summary, true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        0, 0, Duration.ZERO, List.of());
            }
        }
        Planning planned = planning.get();
        Crawler crawler = planned.crawler();
        // Planned first: a request Identity refuses (an unknown region, say) leaves today's snapshot alone.
        CrawlPlan plan;
        try {
            plan = planned.plan();
        } catch (CompartmentTree.UnknownCompartment e) {
            // The store may know what the configuration named: a compartment renamed since stops every night.
            throw formerTree().map(e::knowing).orElse(e);
        }
        StoreTenancy.require(store, plan.tenancyId(), "the configured credentials reach " + plan.tenancyName() + ",");
        Optional<SnapshotInfo> replaced = Optional.empty();
        // Today's FAILED snapshots collected nothing: they go, and today's snapshot before them, if any, decides.
        while (sameDay.filter(existing -> existing.status() == SnapshotStatus.FAILED).isPresent()) {
            store.deleteSnapshot(sameDay.get().id());
            replaced = replaced.isPresent() ? replaced : sameDay;
            sameDay = store.latestCommitted().filter(s -> s.day().equals(day));
        }
        Optional<SnapshotInfo> filled = sameDay.filter(existing -> !request.force()
                && existing.status() == SnapshotStatus.PARTIAL && existing.narrowing().isNone()
                && !request.narrowing().isNone());
        // A snapshot a baseline pins is never replaced: the day is taken again beside it (it stays, not the day's).
        Optional<SnapshotInfo> beside = sameDay.filter(existing -> filled.isEmpty()
                && store.pinning(existing.id()).isPresent());
        Optional<SnapshotInfo> replacing = sameDay.filter(existing -> filled.isEmpty() && beside.isEmpty());
        if (replacing.isPresent()) {
            SnapshotInfo existing = replacing.get();
            if (!request.force() && !request.narrowing().covers(existing.narrowing())) {
                // Replaced by a narrower one, the rest of today's collection would fall back to older data.
                throw OcidiffException.usage("today's snapshot " + existing.id() + " (" + existing.statusAndNarrowing()
                        + ") collected what " + request.narrowing().describe() + " leaves out, which replacing it would"
                        + " turn to older data: run `ocidiff snapshot` without --region/--compartment to take the day"
                        + " again, or add --force");
            }
        }
        List<ScopeCoverage> last = store.latestCommitted().map(latest -> store.coverage(latest.id())).orElse(List.of());
        // Today's snapshot stays until the new one commits (a run stopped midway leaves the day as it was).
        try (SnapshotWriter writer = filled.isPresent()
                ? store.fill(takenAt, plan.tenancyId(), filled.get(), request.narrowing())
                : replacing.isPresent()
                ? store.retake(takenAt, plan.tenancyId(), "crawl", request.narrowing(), replacing.get())
                : store.begin(takenAt, plan.tenancyId(), "crawl", request.narrowing())) {
            CrawlResult crawled = crawler.collect(plan, writer, progress, last);
            List<ScopeCoverage> gaps = crawled.coverage().stream().filter(c -> !c.ok()).toList();
            Optional<SnapshotInfo> complete = replacing.filter(r -> r.status() == SnapshotStatus.COMPLETE
                    && r.narrowing().isNone());
            if (complete.isPresent() && !gaps.isEmpty()) {
                // Taken again (--force) with scopes the day's COMPLETE snapshot collected now missing: replaced, the
                // day would turn PARTIAL, and the next night's report would repeat its changes. Abandoned instead.
                SnapshotInfo stays = complete.get();
                return new Outcome(new SnapshotSummary(stays.id(), stays.takenAt(), stays.status(),
                        stays.resourceCount(), gaps), true, Optional.empty(), Optional.empty(), complete,
                        Optional.empty(), plan.regions().size(), plan.scopes().size(),
                        Duration.ofNanos(System.nanoTime() - start), crawled.vanished());
            }
            progress.committing();
            SnapshotSummary summary = writer.commit();
            store.saveCompartments(summary.id(), plan.tree().all());
            // A FAILED retake replaces nothing: today's snapshot stays beside it.
            Optional<SnapshotInfo> gone = replacing.filter(r -> store.snapshot(r.id()).isEmpty());
            // A FAILED fill filled nothing: the snapshot it was to fill stays the day's, as one a FAILED retake left.
            boolean failed = summary.status() == SnapshotStatus.FAILED;
            return new Outcome(summary, false, replaced.or(() -> gone), filled.filter(f -> !failed),
                    replacing.filter(r -> gone.isEmpty()).or(() -> filled.filter(f -> failed)), beside,
                    plan.regions().size(), plan.scopes().size(),
                    Duration.ofNanos(System.nanoTime() - start), crawled.vanished());
        }
    }

    /** The compartment tree of the store's latest snapshot that recorded one, its root the tenancy. */
    private Optional<CompartmentTree> formerTree() {
        return store.latestCommitted().flatMap(latest -> store.compartments(latest.id()).map(tree ->
                CompartmentPaths.tree(latest.tenancyId(), tree)));
    }
}
