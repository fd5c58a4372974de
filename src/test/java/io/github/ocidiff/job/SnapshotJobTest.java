package io.github.ocidiff.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.SimHarness;
import io.github.ocidiff.config.Config;
import io.github.ocidiff.crawl.CrawlProgress;
import io.github.ocidiff.crawl.Narrowing;
import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.crawl.ScopeCoverage;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.crawl.SnapshotSummary;
import io.github.ocidiff.oci.Authenticator;
import io.github.ocidiff.oci.OciClients;
import io.github.ocidiff.sim.FaultPlan;
import io.github.ocidiff.sim.FixtureTenancy;
import io.github.ocidiff.sim.GeneratedTenancy;
import io.github.ocidiff.sim.GeneratorSpec;
import io.github.ocidiff.store.IntervalEdge;
import io.github.ocidiff.store.SnapshotInfo;
import io.github.ocidiff.store.Store;
import io.github.ocidiff.store.StoredResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot job end to end: simulator → real SDK → crawl → H2 store. */
class SnapshotJobTest {

    private static final SnapshotJob.Request ALL = new SnapshotJob.Request(false, List.of(), List.of());
    private static final SnapshotJob.Request FRANKFURT = new SnapshotJob.Request(false, List.of("eu-frankfurt-1"),
            List.of());
    private static final FaultPlan FRANKFURT_DOWN = FaultPlan.none().withDownRegions(Set.of("eu-frankfurt-1"));

    private static SnapshotJob.Outcome snapshot(SimHarness sim, Store store, String day, SnapshotJob.Request request) {
        return snapshot(sim, store, day, request, CrawlProgress.NONE);
    }

    private static SnapshotJob.Outcome snapshot(SimHarness sim, Store store, String day, SnapshotJob.Request request,
                                                CrawlProgress progress) {
        return snapshot(sim, store, day, "23:59:59", request, progress);
    }

    /** Taken at {@code time} (UTC) of {@code day}. */
    private static SnapshotJob.Outcome snapshot(SimHarness sim, Store store, String day, String time,
                                                SnapshotJob.Request request, CrawlProgress progress) {
        sim.server.source().selectDay(LocalDate.parse(day));
        Config config = sim.config();
        try (OciClients clients = new OciClients(new Authenticator(sim.dir).authenticate(config.auth()), config.oci())) {
            // As the command does: Identity is asked what to cover before the store is.
            Planning planning = Planning.start(clients, config, request);
            return new SnapshotJob(store, clients, config)
                    .run(request, planning, Instant.parse(day + "T" + time + "Z"), progress);
        }
    }

    private static Map<String, StoredResource> state(Store store, long id) {
        Map<String, StoredResource> state = new HashMap<>();
        store.forEachResourceAt(id, r -> state.put(r.ocid(), r));
        return state;
    }

    @Test
    void aMultiRegionNestedFixtureIsStoredAndReadBackExactly() {
        try (SimHarness sim = SimHarness.smallFixture(); Store store = Store.open(sim.dir.resolve("store/ocidiff"))) {
            SnapshotSummary first = snapshot(sim, store, "2026-11-01", ALL).summary();
            assertThat(first.status()).isEqualTo(SnapshotStatus.COMPLETE);
            assertThat(first.resources()).isEqualTo(7);
            Map<String, StoredResource> day1 = state(store, first.id());
            assertThat(day1).hasSize(7);
            assertThat(day1.get("ocid1.instance.oc1.eu-frankfurt-1.aaaaaaaainstancef").region()).isEqualTo("eu-frankfurt-1");
            assertThat(day1.get("ocid1.policy.oc1..aaaaaaaapolicy").json()).contains("\"statements\"");
            day1.values().forEach(r -> assertThat(store.versionJson(r.ocid(), r.sha256())).isEqualTo(r.json()));

            SnapshotSummary second = snapshot(sim, store, "2026-11-02", ALL).summary();
            Map<String, StoredResource> day2 = state(store, second.id());
            assertThat(day2).hasSize(8);
            assertThat(day2.get("ocid1.instance.oc1.eu-frankfurt-1.aaaaaaaainstancef").compartmentId())
                    .isEqualTo("ocid1.compartment.oc1..aaaaaaaaprod");
            assertThat(state(store, first.id())).isEqualTo(day1);
            // created web-2, retagged web-1, moved batch-1, changed rule; the reordered policy and NSG are new JSON too
            assertThat(store.changesBetween(first.id(), second.id())).extracting(e -> e.ocid())
                    .contains("ocid1.instance.oc1.iad.aaaaaaaainstancec", "ocid1.instance.oc1.iad.aaaaaaaainstancea",
                            "ocid1.instance.oc1.eu-frankfurt-1.aaaaaaaainstancef", "ocid1.securitylist.oc1.iad.aaaaaaaaseclist")
                    .doesNotContain("ocid1.vcn.oc1.iad.aaaaaaaavcn");
        }
    }

    /**
     * A store's first night asks the scopes, never collected, together as probes, and the night after asks those that
     * held few resources together: a query a region either way (each answered in one page), and the same state and
     * coverage on the same day.
     */
    @Test
    void aFirstNightProbesAndTheNightAfterSharesSmallScopesAQueryARegionStoringTheSame() {
        try (SimHarness sim = SimHarness.smallFixture(); Store store = Store.open(sim.dir.resolve("store/ocidiff"));
             SimHarness first = SimHarness.smallFixture(); Store firstStore = Store.open(first.dir.resolve("store/ocidiff"))) {
            snapshot(sim, store, "2026-11-01", ALL);
            long before = sim.server.searchRequestCount();
            SnapshotSummary shared = snapshot(sim, store, "2026-11-02", ALL).summary();
            assertThat(sim.server.searchRequestCount() - before).isEqualTo(2);
            before = first.server.searchRequestCount();
            SnapshotSummary probed = snapshot(first, firstStore, "2026-11-02", ALL).summary();
            assertThat(first.server.searchRequestCount() - before).isEqualTo(2);
            assertThat(state(store, shared.id())).isEqualTo(state(firstStore, probed.id()));
            assertThat(store.coverage(shared.id())).extracting(c -> c.scope(), c -> c.ok(), c -> c.resources())
                    .isEqualTo(firstStore.coverage(probed.id()).stream()
                            .map(c -> org.assertj.core.groups.Tuple.tuple(c.scope(), c.ok(), c.resources())).toList());
        }
    }

    @Test
    void aRegionDownIsPartialWithItsGapAndLosesNothingFromThePreviousState() {
        try (SimHarness sim = SimHarness.smallFixture(); Store store = Store.open(sim.dir.resolve("store/ocidiff"))) {
            SnapshotSummary day2 = snapshot(sim, store, "2026-11-02", ALL).summary();
            SnapshotSummary day3 = snapshot(sim, store, "2026-11-03", ALL).summary();
            assertThat(day3.status()).isEqualTo(SnapshotStatus.PARTIAL);
            assertThat(day3.failedScopes()).isNotEmpty().allSatisfy(c -> assertThat(c.scope().region()).isEqualTo("eu-frankfurt-1"));
            assertThat(store.coverage(day3.id())).filteredOn(ScopeCoverage::ok)
                    .allSatisfy(c -> assertThat(c.scope().region()).isEqualTo("us-ashburn-1"));
            Map<String, StoredResource> state = state(store, day3.id());
            assertThat(state).containsKey("ocid1.instance.oc1.eu-frankfurt-1.aaaaaaaainstancef");
            assertThat(state.get("ocid1.instance.oc1.eu-frankfurt-1.aaaaaaaainstancef"))
                    .isEqualTo(state(store, day2.id()).get("ocid1.instance.oc1.eu-frankfurt-1.aaaaaaaainstancef"));
            assertThat(state.get("ocid1.instance.oc1.iad.aaaaaaaainstancea").lifecycleState()).isEqualTo("TERMINATED");
        }
    }

    @Test
    void aCompleteSnapshotOfTheDayIsKeptUnlessForcedAndAPartialOneIsReplaced() {
        try (SimHarness sim = SimHarness.smallFixture(); Store store = Store.open(sim.dir.resolve("store/ocidiff"))) {
            SnapshotJob.Outcome first = snapshot(sim, store, "2026-11-02", ALL);
            SnapshotJob.Outcome again = snapshot(sim, store, "2026-11-02", ALL);
            assertThat(again.kept()).isTrue();
            assertThat(again.summary().id()).isEqualTo(first.summary().id());
            SnapshotJob.Outcome forced = snapshot(sim, store, "2026-11-02", new SnapshotJob.Request(true, List.of(), List.of()));
            assertThat(forced.kept()).isFalse();
            assertThat(store.snapshots()).extracting(s -> s.id()).containsExactly(forced.summary().id());

            SnapshotJob.Outcome partial = snapshot(sim, store, "2026-11-03", ALL);
            assertThat(partial.summary().status()).isEqualTo(SnapshotStatus.PARTIAL);
            SnapshotJob.Outcome retried = snapshot(sim, store, "2026-11-03", ALL);
            assertThat(retried.kept()).isFalse();
            assertThat(store.snapshots()).extracting(s -> s.id())
                    .containsExactly(forced.summary().id(), retried.summary().id());
        }
    }

    /**
     * Scopes a narrowed snapshot left out were not asked, not failed: the night after it probes them with the others
     * (a query a region, as after a full night), rather than asking each alone as it does a scope that failed.
     */
    @Test
    void theNightAfterANarrowedSnapshotProbesWhatItLeftOut() {
        try (SimHarness sim = SimHarness.smallFixture(); Store store = Store.open(sim.dir.resolve("store/ocidiff"))) {
            snapshot(sim, store, "2026-11-01", ALL);
            snapshot(sim, store, "2026-11-02", new SnapshotJob.Request(false, List.of(), List.of("prod")));
            long before = sim.server.searchRequestCount();
            SnapshotSummary full = snapshot(sim, store, "2026-11-02", ALL).summary();
            assertThat(full.status()).isEqualTo(SnapshotStatus.COMPLETE);
            assertThat(sim.server.searchRequestCount() - before).isEqualTo(2);
        }
    }

    @Test
    void aSnapshotNarrowedOnTheCommandLineIsKeptForWhatItCoversAndReplacedForMore() {
        try (SimHarness sim = SimHarness.smallFixture(); Store store = Store.open(sim.dir.resolve("store/ocidiff"))) {
            long day1 = snapshot(sim, store, "2026-11-01", ALL).summary().id();
            SnapshotJob.Request ashburn = new SnapshotJob.Request(false, List.of("us-ashburn-1"), List.of());
            SnapshotJob.Outcome narrowed = snapshot(sim, store, "2026-11-02", ashburn);
            long id = narrowed.summary().id();
            assertThat(narrowed.summary().status()).isEqualTo(SnapshotStatus.COMPLETE);
            assertThat(narrowed.summary().failedScopes()).isEmpty();
            SnapshotInfo info = store.snapshot(id).orElseThrow();
            assertThat(info.narrowing()).isEqualTo(new Narrowing(List.of("us-ashburn-1"), List.of()));
            assertThat(info.failedScopes()).isZero();
            // What it left out is not collected, carried forward as a failed scope's resources are...
            assertThat(store.coverage(id)).filteredOn(c -> c.scope().region().equals("eu-frankfurt-1")).isNotEmpty()
                    .allSatisfy(c -> assertThat(c).extracting(ScopeCoverage::ok, ScopeCoverage::error)
                            .containsExactly(false, "left out by --region us-ashburn-1"));
            Map<String, StoredResource> before = state(store, day1);
            Map<String, StoredResource> after = state(store, id);
            assertThat(after.get("ocid1.instance.oc1.eu-frankfurt-1.aaaaaaaainstancef"))
                    .isEqualTo(before.get("ocid1.instance.oc1.eu-frankfurt-1.aaaaaaaainstancef"));
            // ...so its changes are those of the region it looked at.
            long changedInAshburn = java.util.stream.Stream.concat(before.keySet().stream(), after.keySet().stream())
                    .distinct().filter(ocid -> {
                        StoredResource b = before.get(ocid);
                        StoredResource a = after.get(ocid);
                        return (a != null ? a : b).region().equals("us-ashburn-1")
                                && (a == null || b == null || !a.sha256().equals(b.sha256()));
                    }).count();
            assertThat(changedInAshburn).isPositive();
            assertThat(info.changesFromPrevious()).isEqualTo(changedInAshburn);
            assertThat(after.keySet()).containsAll(before.keySet().stream()
                    .filter(ocid -> !before.get(ocid).region().equals("us-ashburn-1")).toList());
            assertThat(snapshot(sim, store, "2026-11-02", ashburn).kept()).isTrue();
            // Asked for what Identity refuses: the day's snapshot stays.
            SnapshotJob.Request unknownRegion = new SnapshotJob.Request(false, List.of("xx-nowhere-1"), List.of());
            assertThatThrownBy(() -> snapshot(sim, store, "2026-11-02", unknownRegion))
                    .isInstanceOf(OcidiffException.class)
                    .hasMessageStartingWith("--region: xx-nowhere-1 is not a READY region subscription of this tenancy");
            SnapshotJob.Request unknownCompartment = new SnapshotJob.Request(false, List.of(), List.of("nowhere"));
            assertThatThrownBy(() -> snapshot(sim, store, "2026-11-02", unknownCompartment))
                    .isInstanceOf(OcidiffException.class)
                    .hasMessageStartingWith("--compartment: no ACTIVE compartment \"nowhere\"");
            // A narrowing that would drop what today's snapshot collected is refused, unless forced.
            SnapshotJob.Request frankfurt = new SnapshotJob.Request(false, List.of("eu-frankfurt-1"), List.of());
            assertThatThrownBy(() -> snapshot(sim, store, "2026-11-02", frankfurt))
                    .isInstanceOf(OcidiffException.class).hasMessage("today's snapshot " + id + " (COMPLETE,"
                            + " --region us-ashburn-1) collected what --region eu-frankfurt-1 leaves out, which replacing"
                            + " it would turn to older data: run `ocidiff snapshot` without --region/--compartment to"
                            + " take the day again, or add --force");
            assertThat(store.snapshots()).extracting(SnapshotInfo::id).containsExactly(day1, id);

            SnapshotJob.Outcome whole = snapshot(sim, store, "2026-11-02", ALL);
            assertThat(whole.kept()).isFalse();
            assertThat(whole.regions()).isEqualTo(2);
            assertThat(whole.replaced()).map(SnapshotInfo::id).contains(id);
            assertThat(store.snapshots()).extracting(SnapshotInfo::id).containsExactly(day1, whole.summary().id());
            assertThat(store.snapshot(whole.summary().id()).orElseThrow().narrowing().isNone()).isTrue();
            // The whole plan covers any narrowing of it.
            assertThat(snapshot(sim, store, "2026-11-02", ashburn).kept()).isTrue();

            // Forced, a narrowed request replaces today's PARTIAL snapshot rather than fill its gaps.
            SnapshotJob.Outcome partial = snapshot(sim, store, "2026-11-03", "12:00:00", ALL, CrawlProgress.NONE);
            assertThat(partial.summary().status()).isEqualTo(SnapshotStatus.PARTIAL);
            SnapshotJob.Request forced = new SnapshotJob.Request(true, frankfurt.regions(), List.of());
            SnapshotJob.Outcome narrowedAnyway = snapshot(sim, store, "2026-11-03", forced);
            assertThat(narrowedAnyway.filled()).isEmpty();
            assertThat(narrowedAnyway.summary().status()).isEqualTo(SnapshotStatus.FAILED);
            // It collected nothing (Frankfurt is what that day's PARTIAL snapshot missed): today's snapshot stays.
            assertThat(narrowedAnyway.replaced()).isEmpty();
            assertThat(narrowedAnyway.standing()).map(SnapshotInfo::id).contains(partial.summary().id());
        }
    }

    /**
     * A region down at night, taken again in the morning: the morning's snapshot collects that region and keeps
     * the rest as the night collected it (not asked again), with the night's coverage; it stands for the whole
     * plan, holding what a whole day's snapshot would, and the night's PARTIAL one stays as it was.
     */
    @Test
    void aNarrowedRequestOnADayWhoseSnapshotIsPartialFillsItsGaps() {
        try (SimHarness sim = SimHarness.smallFixture();
             SimHarness frankfurtDown = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), FRANKFURT_DOWN);
             Store store = Store.open(sim.dir.resolve("store/ocidiff"));
             Store whole = Store.open(sim.dir.resolve("whole/ocidiff"))) {
            long day1 = snapshot(sim, store, "2026-11-01", ALL).summary().id();
            SnapshotJob.Outcome night = snapshot(frankfurtDown, store, "2026-11-02", "02:00:00", ALL, CrawlProgress.NONE);
            long nightId = night.summary().id();
            assertThat(night.summary().status()).isEqualTo(SnapshotStatus.PARTIAL);
            // What --fill asks: every compartment of the region failed, so the region alone.
            assertThat(SnapshotJob.fillRequest(store, LocalDate.parse("2026-11-02"))).contains(FRANKFURT);

            SnapshotJob.Outcome morning = snapshot(sim, store, "2026-11-02", "09:00:00", FRANKFURT, CrawlProgress.NONE);
            long id = morning.summary().id();
            assertThat(morning.filled()).map(SnapshotInfo::id).contains(nightId);
            assertThat(morning.replaced()).isEmpty();
            assertThat(morning.summary().status()).isEqualTo(SnapshotStatus.COMPLETE);
            assertThat(morning.summary().failedScopes()).isEmpty();
            assertThat(store.snapshots()).extracting(SnapshotInfo::id).containsExactly(day1, nightId, id);
            assertThat(store.snapshot(nightId).orElseThrow().status()).isEqualTo(SnapshotStatus.PARTIAL);
            SnapshotInfo info = store.snapshot(id).orElseThrow();
            assertThat(info.narrowing()).isEqualTo(Narrowing.NONE);
            assertThat(info.fill()).contains(new SnapshotInfo.Fill(nightId, FRANKFURT.narrowing(),
                    Instant.parse("2026-11-02T02:00:00Z")));
            assertThat(info.collectedSince()).isEqualTo(Instant.parse("2026-11-02T02:00:00Z"));
            assertThat(info.failedScopes()).isZero();
            // us-ashburn-1 was not asked again: its coverage is the night's, to the millisecond.
            assertThat(store.coverage(id)).allSatisfy(c -> assertThat(c.ok()).isTrue())
                    .filteredOn(c -> c.scope().region().equals("us-ashburn-1"))
                    .containsExactlyElementsOf(store.coverage(nightId).stream()
                            .filter(c -> c.scope().region().equals("us-ashburn-1")).toList());

            snapshot(sim, whole, "2026-11-01", ALL);
            long wholeDay = snapshot(sim, whole, "2026-11-02", ALL).summary().id();
            assertThat(state(store, id)).isEqualTo(state(whole, wholeDay));
            assertThat(info.resourceCount()).isEqualTo(whole.snapshot(wholeDay).orElseThrow().resourceCount());
            // It stands for the day: the nightly job's request keeps it, and a narrowed one is covered by it.
            assertThat(snapshot(sim, store, "2026-11-02", ALL).kept()).isTrue();
            assertThat(snapshot(sim, store, "2026-11-02", FRANKFURT).kept()).isTrue();
            assertThat(SnapshotJob.fillRequest(store, LocalDate.parse("2026-11-02"))).isEmpty();
        }
    }

    /**
     * A fill that collects nothing (the region still down) is FAILED, as any snapshot that saw nothing usable; the
     * next request replaces it and fills the night's snapshot.
     */
    @Test
    void aFillThatCollectsNothingIsFailedAndTheNextOneFillsTheNight() {
        try (SimHarness sim = SimHarness.smallFixture();
             SimHarness frankfurtDown = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), FRANKFURT_DOWN);
             Store store = Store.open(sim.dir.resolve("store/ocidiff"))) {
            snapshot(sim, store, "2026-11-01", ALL);
            long night = snapshot(frankfurtDown, store, "2026-11-02", "02:00:00", ALL, CrawlProgress.NONE).summary().id();
            SnapshotJob.Outcome stillDown = snapshot(frankfurtDown, store, "2026-11-02", "08:00:00", FRANKFURT,
                    CrawlProgress.NONE);
            // Nothing collected: as any snapshot that saw nothing usable, FAILED, and the previous state stays.
            assertThat(stillDown.summary().status()).isEqualTo(SnapshotStatus.FAILED);
            assertThat(stillDown.filled()).isEmpty();
            assertThat(stillDown.standing()).map(SnapshotInfo::id).contains(night);
            assertThat(state(store, stillDown.summary().id())).isEqualTo(state(store, night));
            // --fill looks past it, at the night's gaps.
            assertThat(SnapshotJob.fillRequest(store, LocalDate.parse("2026-11-02"))).contains(FRANKFURT);
            SnapshotJob.Outcome again = snapshot(sim, store, "2026-11-02", "09:00:00", FRANKFURT, CrawlProgress.NONE);
            assertThat(again.replaced()).map(SnapshotInfo::id).contains(stillDown.summary().id());
            assertThat(again.filled()).map(SnapshotInfo::id).contains(night);
            assertThat(again.summary().status()).isEqualTo(SnapshotStatus.COMPLETE);
            assertThat(store.snapshots()).extracting(SnapshotInfo::id).endsWith(night, again.summary().id());
        }
    }

    @Test
    void aNarrowedSnapshotReplacesTodaysFailedOneWhichCollectedNothing() {
        FaultPlan down = FaultPlan.none().withDownRegions(Set.of("eu-frankfurt-1"));
        try (SimHarness sim = SimHarness.smallFixture();
             SimHarness frankfurtDown = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), down);
             Store store = Store.open(sim.dir.resolve("store/ocidiff"))) {
            long day1 = snapshot(sim, store, "2026-11-01", ALL).summary().id();
            SnapshotJob.Outcome failed = snapshot(frankfurtDown, store, "2026-11-02",
                    new SnapshotJob.Request(false, List.of("eu-frankfurt-1"), List.of()));
            assertThat(failed.summary().status()).isEqualTo(SnapshotStatus.FAILED);
            SnapshotJob.Outcome narrowed = snapshot(sim, store, "2026-11-02",
                    new SnapshotJob.Request(false, List.of("us-ashburn-1"), List.of()));
            assertThat(narrowed.replaced()).map(SnapshotInfo::id).contains(failed.summary().id());
            assertThat(store.snapshots()).extracting(SnapshotInfo::id).containsExactly(day1, narrowed.summary().id());
        }
    }

    /**
     * Day 2 moves batch-1 from dev into prod, whose collection fails: missing from dev, it is looked up by its
     * identifier, found, and carried forward as it was rather than reported deleted.
     */
    @Test
    void aResourceMovedIntoAScopeNotCollectedIsCarriedForwardNotDeleted() {
        String batch1 = "ocid1.instance.oc1.eu-frankfurt-1.aaaaaaaainstancef";
        FaultPlan prodFails = FaultPlan.none().withFailingCompartment("ocid1.compartment.oc1..aaaaaaaaprod", 0);
        dayOneThenTwo(SimHarness.SMALL_FIXTURE, prodFails, (store, day1, day2) -> {
            assertThat(day2.summary().status()).isEqualTo(SnapshotStatus.PARTIAL);
            Map<String, StoredResource> state = new HashMap<>();
            store.forEachResourceAt(day2.summary().id(), r -> state.put(r.ocid(), r));
            assertThat(state.get(batch1).compartmentId()).isEqualTo("ocid1.compartment.oc1..aaaaaaaadev");
            assertThat(store.changesBetween(day1, day2.summary().id())).extracting(IntervalEdge::ocid).doesNotContain(batch1);
        });
    }

    /** A resource gone from a region with a scope not collected is looked up, not found, and ends. */
    @Test
    void aResourceGoneBesideAScopeNotCollectedEnds(@TempDir Path dir) throws IOException {
        String vcn = "ocid1.vcn.oc1.iad.aaaaaaaavcn";
        SimHarness.smallFixtureWithout(dir, "2026-11-02", "us-ashburn-1", vcn);
        assertThat(Files.readString(dir.resolve("days/2026-11-02/resources/us-ashburn-1.json")))
                .doesNotContain("\"identifier\":\"" + vcn);
        FaultPlan appFails = FaultPlan.none().withFailingCompartment("ocid1.compartment.oc1..aaaaaaaaprodapp", 0);
        dayOneThenTwo(dir, appFails, (store, day1, day2Snapshot) -> {
            assertThat(day2Snapshot.summary().status()).isEqualTo(SnapshotStatus.PARTIAL);
            // Its small scopes shared a query naming no compartment in each region, which the failing compartment
            // failed where it holds resources: asked again each alone, only that compartment's scope there is a gap.
            assertThat(day2Snapshot.summary().failedScopes()).singleElement().satisfies(c -> assertThat(c.scope())
                    .isEqualTo(new Scope("us-ashburn-1", "ocid1.compartment.oc1..aaaaaaaaprodapp")));
            assertThat(store.changesBetween(day1, day2Snapshot.summary().id())).filteredOn(e -> e.ocid().equals(vcn))
                    .singleElement().satisfies(e -> assertThat(e.after()).isNull());
        });
    }

    /**
     * A lookup Search does not answer leaves its resources unknown: here it names batch-1, now in the failing prod
     * compartment, and another instance that day 2 deleted, which is carried forward rather than reported deleted;
     * the scope they were last seen in counts as not collected, with the reason.
     */
    @Test
    void resourcesOfALookupSearchDidNotAnswerAreCarriedForward(@TempDir Path dir) throws IOException {
        String extra = "ocid1.instance.oc1.eu-frankfurt-1.aaaaaaaaextra";
        SimHarness.smallFixtureEdited(dir, "2026-11-01", "eu-frankfurt-1", items -> items.add(
                ((com.fasterxml.jackson.databind.node.ObjectNode) items.get(0).deepCopy()).put("identifier", extra)
                        .put("displayName", "batch-2")));
        FaultPlan prodFails = FaultPlan.none().withFailingCompartment("ocid1.compartment.oc1..aaaaaaaaprod", 0);
        dayOneThenTwo(dir, prodFails, (store, day1Id, day2) -> {
            Set<String> state = new java.util.HashSet<>();
            store.forEachResourceAt(day2.summary().id(), r -> state.add(r.ocid()));
            assertThat(state).contains(extra, "ocid1.instance.oc1.eu-frankfurt-1.aaaaaaaainstancef");
            assertThat(day2.summary().failedScopes()).filteredOn(c -> c.scope().region().equals("eu-frankfurt-1")
                    && !c.scope().compartmentId().equals("ocid1.compartment.oc1..aaaaaaaaprod")).singleElement()
                    .satisfies(c -> assertThat(c.error()).startsWith("could not tell whether 2 resources missing from it"
                            + " since the snapshot before were deleted or moved: Resource Search in eu-frankfurt-1"));
        });
    }

    /**
     * Search refusing long queries (400, as OCI may by a limit it does not document): the small scopes' shared
     * queries are asked again scope by scope, and a lookup beside the gap in halves down to single resources, so
     * that only batch-1's, which moved into the failing prod compartment, fails, not the lookup of the instance day 2
     * deleted. The scope both were last seen in is not collected then, and carries them forward.
     */
    @Test
    void queriesSearchRefusesAsTooLongAreAskedAgainInParts(@TempDir Path dir) throws IOException {
        String extra = "ocid1.instance.oc1.eu-frankfurt-1.aaaaaaaaextra";
        String batch1 = "ocid1.instance.oc1.eu-frankfurt-1.aaaaaaaainstancef";
        SimHarness.smallFixtureEdited(dir, "2026-11-01", "eu-frankfurt-1", items -> items.add(
                ((com.fasterxml.jackson.databind.node.ObjectNode) items.get(0).deepCopy()).put("identifier", extra)
                        .put("displayName", "batch-2")));
        String prod = "ocid1.compartment.oc1..aaaaaaaaprod";
        int oneLookup = ("query all resources where identifier = '" + batch1 + "'").length();
        FaultPlan faults = FaultPlan.none().withFailingCompartment(prod, 0).withMaxQueryLength(oneLookup + 10);
        dayOneThenTwo(dir, faults, (store, day1, day2) -> {
            assertThat(day2.summary().status()).isEqualTo(SnapshotStatus.PARTIAL);
            assertThat(day2.summary().failedScopes()).isNotEmpty().allSatisfy(c -> assertThat(c.error()).contains("500"))
                    .filteredOn(c -> !c.scope().compartmentId().equals(prod)).singleElement().satisfies(c -> {
                        assertThat(c.scope()).isEqualTo(new Scope("eu-frankfurt-1", "ocid1.compartment.oc1..aaaaaaaadev"));
                        assertThat(c.error()).startsWith("could not tell whether 1 resource missing from it");
                    });
            Set<String> state = new java.util.HashSet<>();
            store.forEachResourceAt(day2.summary().id(), r -> state.add(r.ocid()));
            assertThat(state).contains(batch1, extra);
            assertThat(store.changesBetween(day1, day2.summary().id())).extracting(IntervalEdge::ocid)
                    .doesNotContain(extra, batch1);
        });
    }

    /**
     * Search's later pages shifting while a query pages (resources leaving its index), so that each scope's paging
     * skips a resource: those live the night before are looked up by identifier and stored as Search lists them
     * now, so the night stores what a night without the shift stores, but for resources created that day.
     */
    @Test
    void resourcesSearchsPagingSkippedAreLookedUpAndStoredAsListedNotDeleted(@TempDir Path dir) {
        // Two compartments of some 2,000 resources each: two pages a scope, so one resource skipped in each.
        // Half the resources change on day 2, so that those skipped have changed too (the seed makes it so).
        GeneratorSpec spec = GeneratorSpec.defaults().withSeed(11).withResourceCount(4_000).withDays(2)
                .withRegions(List.of("us-ashburn-1")).withCompartments(1, 1).withChurnRate(0.5);
        int[] lookedUp = new int[2];
        CrawlProgress recording = new CrawlProgress() {
            @Override
            public void started(io.github.ocidiff.crawl.CrawlPlan plan) {
            }

            @Override
            public void scopeDone(ScopeCoverage coverage) {
            }

            @Override
            public void lookedUp(int missing, int kept, int unknown, List<ScopeCoverage> notCollected) {
                lookedUp[0] += missing;
                lookedUp[1] += kept;
            }

            @Override
            public void committing() {
            }
        };
        try (SimHarness sim = SimHarness.start(new GeneratedTenancy(spec), FaultPlan.none());
             SimHarness shifting = SimHarness.start(new GeneratedTenancy(spec), FaultPlan.none().withPagingShift());
             Store plain = Store.open(dir.resolve("plain/ocidiff"));
             Store shifted = Store.open(dir.resolve("shifted/ocidiff"))) {
            long day1 = snapshot(sim, plain, "2026-11-01", ALL).summary().id();
            snapshot(sim, shifted, "2026-11-01", ALL);
            Map<String, String> before = new HashMap<>();
            plain.forEachResourceAt(day1, r -> before.put(r.ocid(), r.sha256()));
            long day2 = snapshot(sim, plain, "2026-11-02", ALL).summary().id();
            long day2Shifted = snapshot(shifting, shifted, "2026-11-02", ALL, recording).summary().id();
            Map<String, String> expected = new HashMap<>();
            plain.forEachResourceAt(day2, r -> expected.put(r.ocid(), r.sha256()));
            Map<String, String> stored = new HashMap<>();
            shifted.forEachResourceAt(day2Shifted, r -> stored.put(r.ocid(), r.sha256()));
            Set<String> skippedNew = new java.util.HashSet<>(expected.keySet());
            skippedNew.removeAll(stored.keySet());
            assertThat(skippedNew).as("created that day, skipped: seen the next night").noneMatch(before::containsKey);
            expected.keySet().removeAll(skippedNew);
            assertThat(stored).isEqualTo(expected);
            assertThat(lookedUp[1]).as("skipped by the paging, found by identifier").isPositive().isEqualTo(lookedUp[0]);
            // The resource each scope's second page skipped: the first of that page without the shift.
            Set<String> skipped = new java.util.HashSet<>();
            for (ScopeCoverage scope : plain.coverage(day2)) {
                shifting.server.source().resources(scope.scope().region(), new io.github.ocidiff.sim.ResourceQuery(Set.of(),
                        Set.of(scope.scope().compartmentId())), 1000, 1).items()
                        .forEach(item -> skipped.add(item.path("identifier").asText()));
            }
            assertThat(skipped).hasSize(2);
            skipped.removeAll(skippedNew);
            assertThat(skipped).as("skipped, live the day before and changed that day: stored as listed now")
                    .isNotEmpty().allSatisfy(ocid -> {
                        assertThat(stored.get(ocid)).isEqualTo(expected.get(ocid));
                        assertThat(stored.get(ocid)).isNotEqualTo(before.get(ocid));
                    });
        }
    }

    /** Resources their service said are gone are not looked up beside a gap, where Search would still list them. */
    @Test
    void resourcesDeletedBeforeTheirDetailsWereReadEndBesideAGapToo() {
        FaultPlan faults = FaultPlan.none().withStaleIndex(1)
                .withFailingCompartment("ocid1.compartment.oc1..aaaaaaaaprodapp", 0);
        dayOneThenTwo(SimHarness.SMALL_FIXTURE, faults, (store, day1, day2) -> {
            assertThat(day2.summary().status()).isEqualTo(SnapshotStatus.PARTIAL);
            assertThat(day2.vanished()).hasSize(4);
            Set<String> vanished = new java.util.HashSet<>();
            day2.vanished().forEach(v -> vanished.add(v.ocid()));
            assertThat(store.changesBetween(day1, day2.summary().id())).filteredOn(e -> vanished.contains(e.ocid()))
                    .hasSize(4).allMatch(e -> e.after() == null);
        });
    }

    /** A store holds one tenancy: a snapshot of another is refused before anything changes. */
    @Test
    void aSnapshotOfAnotherTenancyIntoTheStoreIsRefused() {
        GeneratorSpec spec = GeneratorSpec.defaults().withSeed(3).withResourceCount(200).withDays(2);
        try (SimHarness fixture = SimHarness.smallFixture();
             SimHarness other = SimHarness.start(new GeneratedTenancy(spec), FaultPlan.none());
             Store store = Store.open(fixture.dir.resolve("store/ocidiff"))) {
            long first = snapshot(fixture, store, "2026-11-01", ALL).summary().id();
            assertThatThrownBy(() -> snapshot(other, store, "2026-11-01", new SnapshotJob.Request(true, List.of(), List.of())))
                    .isInstanceOfSatisfying(OcidiffException.class, e -> assertThat(e.exitCode()).isEqualTo(OcidiffException.USAGE))
                    .hasMessageStartingWith("the configured credentials reach acme-sim, tenancy ocid1.tenancy.oc1..")
                    .hasMessageContaining("but the store " + store.file() + " holds the history of tenancy"
                            + " ocid1.tenancy.oc1..aaaaaaaafixturetenancy: give each tenancy a store of its own");
            // Today's COMPLETE snapshot would be kept without asking Identity: the credentials' tenancy is checked.
            assertThatThrownBy(() -> snapshot(other, store, "2026-11-01", ALL))
                    .isInstanceOfSatisfying(OcidiffException.class, e -> assertThat(e.exitCode()).isEqualTo(OcidiffException.USAGE))
                    .hasMessageStartingWith("the configured credentials belong to tenancy ocid1.tenancy.oc1..")
                    .hasMessageContaining("holds the history of tenancy ocid1.tenancy.oc1..aaaaaaaafixturetenancy");
            assertThat(snapshot(fixture, store, "2026-11-01", ALL).kept()).isTrue();
            assertThat(store.snapshots()).extracting(SnapshotInfo::id).containsExactly(first);
        }
    }

    /** What a test reads of a store after day 1 of a fixture, taken whole, and day 2, taken with faults. */
    private interface TwoDays {
        void check(Store store, long day1, SnapshotJob.Outcome day2);
    }

    private static void dayOneThenTwo(Path fixture, FaultPlan dayTwoFaults, TwoDays check) {
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(fixture), FaultPlan.none());
             SimHarness faulty = SimHarness.start(FixtureTenancy.open(fixture), dayTwoFaults);
             Store store = Store.open(sim.dir.resolve("store/ocidiff"))) {
            long day1 = snapshot(sim, store, "2026-11-01", ALL).summary().id();
            check.check(store, day1, snapshot(faulty, store, "2026-11-02", ALL));
        }
    }

    /** Deleted after Search indexed them, as their services tell: absent from the snapshot, so deleted in the diff. */
    @Test
    void resourcesDeletedBeforeTheirDetailsWereReadAreLeftOutAndShowAsDeleted() {
        dayOneThenTwo(SimHarness.SMALL_FIXTURE, FaultPlan.none().withStaleIndex(1), (store, day1, day2) -> {
            assertThat(day2.summary().status()).isEqualTo(SnapshotStatus.COMPLETE);
            Map<String, String> vanished = new TreeMap<>();
            day2.vanished().forEach(v -> vanished.put(v.ocid(), v.resourceType()));
            assertThat(vanished).containsOnlyKeys("ocid1.bucket.oc1.iad.aaaaaaaabucket", "ocid1.policy.oc1..aaaaaaaapolicy",
                    "ocid1.securitylist.oc1.iad.aaaaaaaaseclist", "ocid1.networksecuritygroup.oc1.iad.aaaaaaaansg");
            assertThat(day2.summary().resources()).isEqualTo(4);
            assertThat(store.changesBetween(day1, day2.summary().id())).filteredOn(e -> vanished.containsKey(e.ocid()))
                    .hasSize(4).allMatch(e -> e.before() != null && e.after() == null);
        });
    }

    @Test
    void identityIsAskedWhatToCoverOnlyToBeUsedWhenTodaysSnapshotIsTakenAndItsFailureIsItsOwn() {
        try (SimHarness sim = SimHarness.smallFixture(); Store store = Store.open(sim.dir.resolve("store/ocidiff"))) {
            snapshot(sim, store, "2026-11-02", ALL);
            // A compartment today's snapshot knows is covered by it: kept, Identity's plan unused.
            SnapshotJob.Request knownCompartment = new SnapshotJob.Request(false, List.of(), List.of("prod"));
            assertThat(snapshot(sim, store, "2026-11-02", knownCompartment).kept()).isTrue();
            // One it does not know is not kept unasked: a typo is told, not read as covered.
            SnapshotJob.Request unknownCompartment = new SnapshotJob.Request(false, List.of(), List.of("nowhere"));
            assertThatThrownBy(() -> snapshot(sim, store, "2026-11-02", unknownCompartment))
                    .isInstanceOf(OcidiffException.class).hasMessageContaining("no ACTIVE compartment \"nowhere\"");
            SnapshotJob.Request forced = new SnapshotJob.Request(true, List.of(), unknownCompartment.compartments());
            assertThatThrownBy(() -> snapshot(sim, store, "2026-11-02", forced))
                    .isInstanceOf(OcidiffException.class).hasMessageContaining("nowhere");
            // A region today's snapshot has no scope of is not kept unasked: a typo is told, not read as covered.
            SnapshotJob.Request unknownRegion = new SnapshotJob.Request(false, List.of("us-ashburn1"), List.of());
            assertThatThrownBy(() -> snapshot(sim, store, "2026-11-02", unknownRegion))
                    .isInstanceOf(OcidiffException.class)
                    .hasMessageStartingWith("--region: us-ashburn1 is not a READY region subscription of this tenancy");
        }
    }

    /**
     * Nights taken as the crawl takes them, most resources known unchanged by the digest of what Search
     * answered, come out exactly as nights where every resource is compared by its content (the saved
     * latest state, which holds the digests, removed before each).
     */
    @Test
    void resourcesKnownByTheirDigestComeOutAsResourcesComparedByContent(@TempDir Path dir) {
        // 5% churn with moves, so that changed, moved, new and deleted resources meet recognised ones.
        GeneratorSpec spec = GeneratorSpec.defaults().withSeed(11).withResourceCount(1_000).withDays(4)
                .withRegions(List.of("us-ashburn-1", "eu-frankfurt-1")).withCompartments(1, 3).withChurnRate(0.05);
        Map<String, List<Object>> byDigest = nights(dir.resolve("digests"), spec, false);
        Map<String, List<Object>> byContent = nights(dir.resolve("content"), spec, true);
        assertThat(byDigest).isEqualTo(byContent).hasSize(spec.days());
    }

    /** Per day: the snapshot's status, resource and change counts, state and the changes from the day before. */
    private static Map<String, List<Object>> nights(Path dir, GeneratorSpec spec, boolean forgetDigests) {
        GeneratedTenancy tenancy = new GeneratedTenancy(spec);
        Map<String, List<Object>> nights = new LinkedHashMap<>();
        try (SimHarness sim = SimHarness.start(tenancy, FaultPlan.none());
             Store store = Store.open(dir.resolve("ocidiff"))) {
            long previous = -1;
            for (LocalDate day : tenancy.days()) {
                if (forgetDigests) {
                    deleteQuietly(dir.resolve("ocidiff.open-intervals"));
                }
                SnapshotSummary night = snapshot(sim, store, day.toString(), ALL).summary();
                List<String> changes = previous < 0 ? List.of() : store.changesBetween(previous, night.id()).stream()
                        .map(e -> e.ocid() + " " + sha(e.before()) + " -> " + sha(e.after())).sorted().toList();
                Map<String, String> state = new TreeMap<>();
                store.forEachResourceAt(night.id(), r -> state.put(r.ocid(), r.sha256()));
                nights.put(day.toString(), List.of(night.status(), night.resources(),
                        store.snapshot(night.id()).orElseThrow().changesFromPrevious(), state, changes));
                previous = night.id();
            }
        }
        return nights;
    }

    private static String sha(StoredResource r) {
        return r == null ? "none" : r.sha256();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
