package io.github.ocidiff.cli;

import static io.github.ocidiff.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ocidiff.SimHarness;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.sim.GeneratedTenancy;
import io.github.ocidiff.sim.GeneratorSpec;
import io.github.ocidiff.sim.FaultPlan;
import io.github.ocidiff.sim.FixtureTenancy;
import io.github.ocidiff.store.SnapshotInfo;
import io.github.ocidiff.store.Store;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ocidiff snapshot` and `ocidiff snapshots` as a user (or cron) runs them. */
class SnapshotCommandTest {

    @Test
    void snapshotThenListShowsACompleteSnapshot() {
        try (SimHarness sim = SimHarness.smallFixture()) {
            String config = sim.writeConfig("").toString();
            MainTest.Run snap = run("--config", config, "snapshot", "--quiet");
            assertThat(snap.err()).isEmpty();
            assertThat(snap.exitCode()).isZero();
            assertThat(snap.out()).contains("snapshot 1 COMPLETE: 7 resources, 2 regions, 10 scopes");
            assertThat(snap.out().lines()).containsSubsequence("  10/10 scopes, 7 resources", "  collected; committing the snapshot");
            MainTest.Run list = run("--config", config, "snapshots");
            assertThat(list.out()).containsPattern("1 +\\S+ \\S+ +COMPLETE +crawl +7 +7 +[0-9.]+ s +complete");
            assertThat(SnapshotsCommand.duration(Duration.ofMillis(14_567))).isEqualTo("14.6 s");
            assertThat(SnapshotsCommand.duration(Duration.ofSeconds(125))).isEqualTo("2m 05s");
            assertThat(SnapshotsCommand.duration(Duration.ofSeconds(3720))).isEqualTo("1h 02m");
            assertThat(run("--config", config, "snapshots", "--format", "json").out()).contains("\"status\" : \"COMPLETE\"")
                    .containsPattern("\"seconds\" : [0-9.]+");
            MainTest.Run again = run("--config", config, "snapshot", "--quiet");
            assertThat(again.exitCode()).isZero();
            assertThat(again.out()).matches("today's snapshot 1 \\(taken \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\) is COMPLETE"
                    + " with 7 resources; kept \\(use --force to take it again\\)\n");
        }
    }

    @Test
    void aRegionDownExitsFourWithAOneLineSummaryOfTheGaps() {
        FaultPlan faults = FaultPlan.none().withDownRegions(Set.of("eu-frankfurt-1"));
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), faults)) {
            MainTest.Run r = run("--config", sim.writeConfig("").toString(), "snapshot", "--quiet");
            assertThat(r.exitCode()).isEqualTo(4);
            assertThat(r.out()).contains("PARTIAL").contains("gap: eu-frankfurt-1");
            // One line per error of a region, then how many more scopes failed alike.
            long gapLines = r.out().lines().filter(line -> line.startsWith("  gap: eu-frankfurt-1 ")).count();
            assertThat(gapLines).isBetween(1L, 2L);
            assertThat(r.out()).contains("  gap: eu-frankfurt-1: " + (5 - gapLines) + " scope"
                    + (5 - gapLines == 1 ? "" : "s") + " more failed with an error told above");
            assertThat(r.err().lines()).hasSize(1);
            assertThat(r.err()).contains("is PARTIAL: eu-frankfurt-1 (5 scopes:").contains("carried forward as unknown");
        }
    }

    /**
     * Taken again (--force) with a region down, whole or narrowed to it: the day's COMPLETE snapshot stays, not replaced
     * by one that would carry that region unknown (the day PARTIAL, the next night's report repeating its changes).
     */
    @Test
    void aRetakeWithGapsLeavesTheDaysCompleteSnapshot() {
        FaultPlan down = FaultPlan.none().withDownRegions(Set.of("eu-frankfurt-1"));
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), down)) {
            try (SimHarness up = SimHarness.smallFixture()) {
                assertThat(run("--config", up.writeConfig("").toString(), "snapshot", "--quiet").exitCode()).isZero();
                SimHarness.copyOf(up.dir.resolve("store"), sim.dir.resolve("store"));
            }
            // Taken again whole: what Frankfurt held would be unknown in place of the day's COMPLETE collection.
            MainTest.Run whole = run("--config", sim.writeConfig("").toString(), "snapshot", "--quiet", "--force");
            assertThat(whole.exitCode()).isEqualTo(4);
            assertThat(whole.out()).contains("\ntoday's snapshot 1 (taken ").contains("is COMPLETE with 7 resources; kept\n");
            assertThat(whole.err()).startsWith("ocidiff: the retake could not collect eu-frankfurt-1 (5 scopes: ")
                    .endsWith("; today's snapshot 1 (COMPLETE) stays the day's rather than be replaced by less: take it"
                            + " again once they answer" + System.lineSeparator());
            try (Store store = Store.open(sim.dir.resolve("store/ocidiff"))) {
                assertThat(store.snapshots()).extracting(SnapshotInfo::id).containsExactly(1L);
            }
            MainTest.Run r = run("--config", sim.writeConfig("").toString(), "snapshot", "--quiet", "--force",
                    "--region", "eu-frankfurt-1");
            assertThat(r.exitCode()).isEqualTo(4);
            assertThat(r.err()).startsWith("ocidiff: the retake could not collect eu-frankfurt-1 (5 scopes: ")
                    .endsWith("; today's snapshot 1 (COMPLETE) stays the day's rather than be replaced by less: take it"
                            + " again once they answer" + System.lineSeparator());
            MainTest.Run again = run("--config", sim.writeConfig("").toString(), "snapshot", "--quiet");
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(again.out()).startsWith("today's snapshot 1 (taken ").contains("kept");
            // A compartment the day's snapshot knows is kept as covered; one it does not is asked of Identity.
            assertThat(run("--config", sim.writeConfig("").toString(), "snapshot", "--quiet", "--compartment",
                    "prod/app").out()).contains("kept");
            MainTest.Run unknown = run("--config", sim.writeConfig("").toString(), "snapshot", "--quiet",
                    "--compartment", "nope/nothere");
            assertThat(unknown.exitCode()).isEqualTo(2);
            assertThat(unknown.err()).contains("no ACTIVE compartment \"nope/nothere\"");
        }
    }

    /** A first run Identity refuses leaves no store behind: the next command says there is none, not that it is empty. */
    @Test
    void aFirstRunIdentityRefusesLeavesNoStoreBehind() {
        try (SimHarness sim = SimHarness.smallFixture()) {
            String config = sim.writeConfig("").toString();
            MainTest.Run refused = run("--config", config, "snapshot", "--quiet", "--region", "us-ashburn1");
            assertThat(refused.exitCode()).as(refused.out()).isNotZero();
            assertThat(refused.err()).contains("us-ashburn1").hasLineCount(1);
            assertThat(sim.dir.resolve("store")).doesNotExist();
            assertThat(run("--config", config, "snapshots").err()).startsWith("ocidiff: there is no store at ");
        }
    }

    /** A narrowed run on a PARTIAL day that takes again none of its gaps does not say it filled them. */
    @Test
    void aNarrowedRunBesideTheGapsSaysItTookPartAgainNotThatItFilledThem() {
        FaultPlan faults = FaultPlan.none().withDownRegions(Set.of("eu-frankfurt-1"));
        try (SimHarness down = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), faults)) {
            String config = down.writeConfig("").toString();
            assertThat(run("--config", config, "snapshot", "--quiet", "--at", "2026-11-01T02:00:00Z").exitCode())
                    .isEqualTo(4);
            MainTest.Run ashburn = run("--config", config, "snapshot", "--quiet", "--region", "us-ashburn-1", "--at",
                    "2026-11-01T08:00:00Z");
            assertThat(ashburn.exitCode()).isEqualTo(4);
            assertThat(ashburn.out()).contains("snapshot 2 PARTIAL: ").contains("; took again part of today's snapshot 1"
                    + " (PARTIAL, 5 scopes not collected): 5 scopes taken again, the others kept as it collected them")
                    .doesNotContain("filled");
        }
    }

    /** The morning after a night with a region down: that region alone, into the night's snapshot's gaps. */
    @Test
    void aRegionTakenAgainAfterAPartialNightFillsItsGapsAndTheListSaysSo() {
        FaultPlan faults = FaultPlan.none().withDownRegions(Set.of("eu-frankfurt-1"));
        try (SimHarness sim = SimHarness.smallFixture();
             SimHarness down = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), faults)) {
            String store = sim.dir.resolve("store/ocidiff").toString();
            MainTest.Run night = run("--config", down.writeConfig("").toString(), "--store", store, "snapshot", "--quiet",
                    "--at", "2026-11-01T02:00:00Z");
            assertThat(night.exitCode()).isEqualTo(4);
            // Still down: nothing filled, and the night's snapshot stays the day's.
            MainTest.Run early = run("--config", down.writeConfig("").toString(), "--store", store, "snapshot",
                    "--quiet", "--region", "eu-frankfurt-1", "--at", "2026-11-01T08:00:00Z");
            assertThat(early.exitCode()).isEqualTo(1);
            assertThat(early.out()).contains("snapshot 2 FAILED: nothing collected, 1 region, 5 scopes, ")
                    .doesNotContain("filled");
            assertThat(early.err()).startsWith("ocidiff: snapshot 2 FAILED: nothing usable was collected; ")
                    .endsWith("; today's snapshot 1 (PARTIAL) stays the day's\n");
            assertThat(run("--config", sim.writeConfig("").toString(), "--store", store, "snapshots").out())
                    .contains("(to fill snapshot 1: --region eu-frankfurt-1 taken again, nothing collected)\n");

            MainTest.Run morning = run("--config", sim.writeConfig("").toString(), "--store", store, "snapshot", "--quiet",
                    "--region", "eu-frankfurt-1", "--at", "2026-11-01T09:00:00Z");
            assertThat(morning.err()).isEmpty();
            assertThat(morning.exitCode()).isZero();
            assertThat(morning.out()).containsPattern("snapshot 3 COMPLETE: 7 resources, 1 region, 5 scopes, [0-9.]+ s;"
                    + " replaced today's snapshot 2 \\(FAILED\\); filled the gaps of today's snapshot 1 \\(PARTIAL, 5 scopes not collected\\): 5 scopes taken again,"
                    + " the others kept as it collected them\n");
            MainTest.Run list = run("--config", sim.writeConfig("").toString(), "--store", store, "snapshots");
            assertThat(list.out())
                    .containsPattern("1 +2026-11-01 02:00:00 +PARTIAL +crawl +\\d+ +\\d+ +[0-9.]+ s +5 scopes not collected\n")
                    .containsPattern("3 +2026-11-01 09:00:00 +COMPLETE +crawl +7 +\\d+ +[0-9.]+ s +complete \\(filled snapshot"
                            + " 1: --region eu-frankfurt-1 taken again\\)\n");
            assertThat(run("--config", sim.writeConfig("").toString(), "--store", store, "snapshots", "--format", "json")
                    .out()).contains("\"filled\" : {\n    \"snapshotId\" : 1,\n    \"retaken\" : {\n      \"regions\" : [ "
                    + "\"eu-frankfurt-1\" ],").contains("\"keptSince\" : \"2026-11-01T02:00:00Z\"");
        }
    }

    /** --fill names the gaps itself: here the one compartment that failed. */
    @Test
    void fillTakesAgainWhatTodaysSnapshotCouldNotCollect() {
        FaultPlan faults = FaultPlan.none().withFailingCompartment("ocid1.compartment.oc1..aaaaaaaaprod", 0);
        try (SimHarness sim = SimHarness.smallFixture();
             SimHarness failing = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), faults)) {
            String config = sim.writeConfig("").toString();
            String store = sim.dir.resolve("store/ocidiff").toString();
            MainTest.Run none = run("--config", config, "snapshot", "--fill", "--at", "2026-11-01T09:00:00Z");
            assertThat(none.exitCode()).isEqualTo(2);
            assertThat(none.err()).isEqualTo("ocidiff: --fill: the store has no snapshot of 2026-11-01 to fill; take the"
                    + " day with `ocidiff snapshot`\n");
            MainTest.Run night = run("--config", failing.writeConfig("").toString(), "--store", store, "snapshot",
                    "--quiet", "--at", "2026-11-01T02:00:00Z");
            assertThat(night.exitCode()).isEqualTo(4);
            MainTest.Run both = run("--config", config, "snapshot", "--fill", "--region", "us-ashburn-1");
            assertThat(both.exitCode()).isEqualTo(2);
            assertThat(both.err()).startsWith("ocidiff: --fill takes again what today's snapshot could not collect");

            MainTest.Run morning = run("--config", config, "snapshot", "--quiet", "--fill", "--at", "2026-11-01T09:00:00Z");
            assertThat(morning.err()).isEmpty();
            assertThat(morning.exitCode()).isZero();
            assertThat(morning.out()).contains("snapshot 2 COMPLETE: ").contains("; filled the gaps of today's snapshot 1");
            assertThat(run("--config", config, "snapshots").out()).contains("complete (filled snapshot 1: --region "
                    + "us-ashburn-1 --compartment ocid1.compartment.oc1..aaaaaaaaprod taken again)");
            MainTest.Run again = run("--config", config, "snapshot", "--fill", "--at", "2026-11-01T10:00:00Z");
            assertThat(again.exitCode()).isZero();
            assertThat(again.out()).isEqualTo("today's snapshot (2026-11-01) is COMPLETE: nothing to fill\n");
        }
    }

    @Test
    void resourcesDeletedBeforeTheirDetailsWereReadAreNamedInTheSummaryLine() {
        FaultPlan faults = FaultPlan.none().withStaleIndex(1);
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), faults)) {
            MainTest.Run r = run("--config", sim.writeConfig("").toString(), "snapshot", "--quiet");
            assertThat(r.err()).isEmpty();
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).containsPattern("snapshot 1 COMPLETE: 3 resources, 2 regions, 10 scopes, [0-9.]+ s; 4 resources"
                    + " listed by Search left out, deleted before their details were read: (\\w+ [\\w-]+ \\(us-ashburn-1\\), ){2}"
                    + "\\w+ [\\w-]+ \\(us-ashburn-1\\) and 1 more\n");
        }
    }

    @Test
    void resourcesMissingBesideAGapAreLookedUpAndTheLogSaysWhatBecameOfThem() {
        FaultPlan faults = FaultPlan.none().withFailingCompartment("ocid1.compartment.oc1..aaaaaaaaprod", 0);
        try (SimHarness sim = SimHarness.smallFixture();
             SimHarness failing = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), faults)) {
            String config = sim.writeConfig("").toString();
            assertThat(run("--config", config, "snapshot", "--quiet", "--at", "2026-11-01T23:59:59Z").exitCode()).isZero();
            failing.server.source().selectDay(java.time.LocalDate.parse("2026-11-02"));
            MainTest.Run r = run("--config", failing.writeConfig("").toString(), "--store",
                    sim.dir.resolve("store/ocidiff").toString(), "snapshot", "--quiet", "--at", "2026-11-02T23:59:59Z");
            assertThat(r.exitCode()).isEqualTo(4);
            // Every scope held few resources the night before: a query a region.
            assertThat(r.out()).contains("  10 scopes that held few resources last time share 2 Search queries\n");
            // batch-1 moved from dev into prod, whose failure fails its lookup too: dev is not collected after all.
            assertThat(r.out()).contains("  looked up 1 resource missing from their compartments: 0 still listed, 0 gone,"
                    + " 1 not learnt (1 scope they were in counted as not collected)\n  gap: eu-frankfurt-1"
                    + " ocid1.compartment.oc1..aaaaaaaadev: could not tell whether 1 resource missing from it since the"
                    + " snapshot before were deleted or moved: Resource Search in eu-frankfurt-1 failed");
        }
    }

    /**
     * Day 2 moves batch-1 from dev into prod, which the configuration leaves out: looked up, it is stored as Search
     * lists it there, so the night shows it moved, not carried forward in dev night after night.
     */
    @Test
    void aResourceMovedIntoACompartmentTheConfigurationLeavesOutIsStoredWhereItWent() {
        String batch1 = "ocid1.instance.oc1.eu-frankfurt-1.aaaaaaaainstancef";
        try (SimHarness sim = SimHarness.smallFixture()) {
            String config = sim.writeConfig("compartments:\n  exclude: [prod]\n").toString();
            assertThat(run("--config", config, "snapshot", "--quiet", "--at", "2026-11-01T23:59:59Z").exitCode()).isZero();
            sim.server.source().selectDay(LocalDate.parse("2026-11-02"));
            MainTest.Run night2 = run("--config", config, "snapshot", "--quiet", "--at", "2026-11-02T23:59:59Z");
            assertThat(night2.exitCode()).isZero();
            assertThat(night2.out()).contains("  looked up 1 resource missing from their compartments: 1 still listed,"
                    + " 0 gone\n");
            try (Store store = Store.open(sim.dir.resolve("store/ocidiff"))) {
                assertThat(store.changesBetween(1, 2)).filteredOn(e -> e.ocid().equals(batch1)).singleElement()
                        .satisfies(e -> {
                            assertThat(e.before().compartmentId()).isEqualTo("ocid1.compartment.oc1..aaaaaaaadev");
                            assertThat(e.after().compartmentId()).isEqualTo("ocid1.compartment.oc1..aaaaaaaaprod");
                        });
            }
        }
    }

    @Test
    void aTypeThatMayBeListedButNotReadExitsFourNamingThePermission() {
        // Policies and security lists need no read: their compartment's list shows them in full.
        FaultPlan faults = FaultPlan.none().withReadDenied(Set.of("Policy", "SecurityList", "Bucket"));
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), faults)) {
            MainTest.Run r = run("--config", sim.writeConfig("").toString(), "snapshot", "--quiet");
            assertThat(r.exitCode()).isEqualTo(4);
            assertThat(r.err().lines()).singleElement().asString().contains("is PARTIAL: us-ashburn-1 (1 scope: details of Bucket")
                    .contains("may inspect but not read buckets there: grant read on them");
        }
    }

    @Test
    void aSecondWriterFailsFastNamingThePidAndChangesNothing() {
        try (SimHarness sim = SimHarness.smallFixture();
             Store held = Store.open(sim.dir.resolve("store/ocidiff"))) {
            MainTest.Run r = run("--config", sim.writeConfig("").toString(), "snapshot", "--quiet");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err().trim()).startsWith("ocidiff: the store ").contains("is in use by another ocidiff run (pid "
                    + ProcessHandle.current().pid() + ")");
            assertThat(held.snapshots()).isEmpty();
        }
    }

    @Test
    void aSnapshotKilledMidwayLeavesNothingAndTheNextRunCompletes() throws Exception {
        stoppedMidway(true, false);
    }

    /**
     * A stop signal (systemd, docker stop, Ctrl-C): as a kill, and the log says why the run ended. The run takes
     * the day again (--force): the day's snapshot stays as it was.
     */
    @Test
    void aRetakeStoppedMidwaySaysSoAndLeavesTheDaysSnapshotAsItWas() throws Exception {
        assertThat(stoppedMidway(false, true).lines().filter(l -> l.startsWith("ocidiff:")).toList())
                .containsExactly("ocidiff: stopped before it finished (a stop signal); what it was writing is not"
                        + " visible, and the next run discards it");
    }

    /**
     * A stop signal after the night's commit (here while the mail server keeps it waiting): the log says the snapshot
     * stays, and the next run finds it.
     */
    @Test
    void aRunStoppedAfterItsCommitSaysTheSnapshotStays() throws Exception {
        try (SimHarness sim = SimHarness.smallFixture(); java.net.ServerSocket silent = new java.net.ServerSocket(0)) {
            Path config = sim.writeConfig("publish:\n  email:\n    enabled: true\n    host: 127.0.0.1\n    port: "
                    + silent.getLocalPort() + "\n    startTls: false\n    from: ocidiff@example.com\n"
                    + "    to: [ops@example.com]\n    onlyWhenChanged: false\n");
            Path log = sim.dir.resolve("child.log");
            Process child = new ProcessBuilder(ocidiff(List.of(), "--config", config.toString(), "daily", "--quiet"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            // The mail goes out after the commit: once the server is asked, the snapshot is in.
            silent.setSoTimeout(30_000);
            try (java.net.Socket mail = silent.accept()) {
                child.destroy();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(child.exitValue()).isEqualTo(143);
            assertThat(Files.readString(log).lines().filter(l -> l.startsWith("ocidiff:")).toList())
                    .containsExactly("ocidiff: stopped before it finished (a stop signal), after it committed snapshot 1,"
                            + " which stays; the next run does what remained");
            try (Store store = Store.open(sim.dir.resolve("store/ocidiff"))) {
                assertThat(store.snapshots()).extracting(SnapshotInfo::id).containsExactly(1L);
                assertThat(store.discardedOnOpen()).isEmpty();
            }
        }
    }

    /**
     * Stops a snapshot run in a child JVM once it collects (kill -9, or SIGTERM), checks the next run; its output.
     *
     * @param retake whether the day has a snapshot already, which the stopped run takes again (--force)
     */
    private static String stoppedMidway(boolean kill, boolean retake) throws Exception {
        FaultPlan slow = FaultPlan.none().withLatency(Duration.ofMillis(1_000));
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), slow)) {
            if (retake) {
                // Taken at full speed, from a simulator of the same tenancy that answers at once.
                try (SimHarness fast = SimHarness.smallFixture()) {
                    MainTest.Run first = run("--config", fast.writeConfig("").toString(), "snapshot", "--quiet");
                    assertThat(first.exitCode()).as(first.err()).isZero();
                    SimHarness.copyOf(fast.dir.resolve("store"), sim.dir.resolve("store"));
                }
            }
            Path config = sim.writeConfig("  concurrencyPerRegion: 1\n");
            Path log = sim.dir.resolve("child.log");
            Path tmp = Files.createDirectories(sim.dir.resolve("tmp"));
            List<String> command = new ArrayList<>(List.of("--config", config.toString(), "snapshot", "--quiet"));
            if (retake) {
                command.add("--force");
            }
            Process child = new ProcessBuilder(ocidiff(List.of("-Djava.io.tmpdir=" + tmp), command.toArray(String[]::new)))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            // Stop it once it is collecting: after the first scope has been reported.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(log).contains("scopes,") && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            // H2 saves what was committed within its write delay (half a second): the kill comes after it, so that
            // the file holds the snapshot's row, and long before the run ends (a second per answer).
            Thread.sleep(700);
            assertThat(child.isAlive()).as("child still collecting; log: %s", Files.readString(log)).isTrue();
            if (kill) {
                child.destroyForcibly();
            } else {
                child.destroy();
            }
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isEqualTo(kill ? 137 : 143);
            // zstd-jni deletes the native code it unpacked there once loaded: a killed run leaves no copy.
            try (Stream<Path> left = Files.list(tmp)) {
                assertThat(left.map(f -> f.getFileName().toString())).noneMatch(name -> name.contains("zstd"));
            }

            // The next command to open the store discards what the run left, and says so.
            MainTest.Run list = run("--config", config.toString(), "snapshots");
            assertThat(list.exitCode()).as(list.err()).isZero();
            assertThat(list.err().lines().toList()).containsExactly("ocidiff: discarded snapshot " + (retake ? 2 : 1)
                    + ", left unfinished by an earlier run (stopped, killed or failed before its commit); the store"
                    + " holds what was committed before it");
            try (Store store = Store.open(sim.dir.resolve("store/ocidiff"))) {
                assertThat(store.snapshots()).extracting(SnapshotInfo::id).containsExactlyElementsOf(
                        retake ? List.of(1L) : List.of());
                assertThat(store.discardedOnOpen()).isEmpty();
            }
            MainTest.Run next = run("--config", sim.writeConfig("").toString(), "snapshot", "--quiet");
            assertThat(next.exitCode()).as(next.err()).isZero();
            if (retake) {
                assertThat(next.out()).startsWith("today's snapshot 1 (taken ").contains("is COMPLETE with 7 resources; kept");
            }
            try (Store store = Store.open(sim.dir.resolve("store/ocidiff"))) {
                assertThat(store.snapshots()).hasSize(1);
                assertThat(store.snapshots().get(0).resourceCount()).isEqualTo(7);
            }
            assertThat(sim.dir.resolve("store/ocidiff.trace.db")).doesNotExist();
            return Files.readString(log);
        }
    }

    /**
     * A disk that fills up during a snapshot: a file size limit (ulimit -f) below the store's size makes
     * every write past it fail as a full disk does, in a child process, which the JVM survives.
     */
    @Test
    void aFullDiskIsToldWithTheStoreAndTheFixAndKeepsWhatWasCommitted() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash for ulimit");
        GeneratorSpec spec = GeneratorSpec.defaults().withSeed(3).withResourceCount(8_000).withDays(1)
                .withRegions(List.of("us-ashburn-1")).withCompartments(1, 4);
        try (SimHarness sim = SimHarness.start(new GeneratedTenancy(spec), FaultPlan.none())) {
            String config = sim.writeConfig("").toString();
            assertThat(run("--config", config, "snapshot", "--quiet").exitCode()).isZero();
            Path file = sim.dir.resolve("store/ocidiff.mv.db").toAbsolutePath().normalize();
            long resources;
            try (Store store = Store.open(sim.dir.resolve("store/ocidiff"))) {
                resources = store.snapshots().get(0).resourceCount();
            }
            // Room for Zstandard's native code (0.9 MB, unpacked at start), not for the store to be written.
            long limitKb = 1536;
            assertThat(Files.size(file)).isGreaterThan(2 * limitKb * 1024);

            List<String> limited = new ArrayList<>(List.of("/bin/bash", "-c", "ulimit -f " + limitKb + " && exec \"$@\"",
                    "bash"));
            limited.addAll(ocidiff(List.of(), "--config", config, "snapshot", "--force", "--quiet"));
            Process child = new ProcessBuilder(limited).start();
            String out = new String(child.getInputStream().readAllBytes());
            String err = new String(child.getErrorStream().readAllBytes());
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as(out + err).isEqualTo(1);
            // The system's reason, unless H2's own writer thread met the failure first and closed the file.
            assertThat(err.lines().toList()).as(err).singleElement().asString().isIn(Stream.of("File too large",
                    "its file was closed after a write to it failed").map(reason -> "ocidiff: the disk under the store "
                    + file + " failed (" + reason + "): make room on it, or make it writable, and run again; the"
                    + " snapshots committed before are kept, and the next run discards what this one left unfinished")
                    .toList());

            try (Store store = Store.open(sim.dir.resolve("store/ocidiff"))) {
                assertThat(store.snapshots()).singleElement().satisfies(s -> {
                    assertThat(s.id()).isEqualTo(1);
                    assertThat(s.resourceCount()).isEqualTo(resources);
                });
            }
            MainTest.Run again = run("--config", config, "snapshot", "--force", "--quiet");
            assertThat(again.exitCode()).as(again.err()).isZero();
            try (Store store = Store.open(sim.dir.resolve("store/ocidiff"))) {
                assertThat(store.snapshots()).singleElement().satisfies(s -> {
                    assertThat(s.status()).isEqualTo(SnapshotStatus.COMPLETE);
                    assertThat(s.resourceCount()).isEqualTo(resources);
                });
            }
        }
    }

    @Test
    void importLoadsBothFileFormatsAsSnapshotsOfTheirDates() throws Exception {
        try (SimHarness sim = SimHarness.smallFixture()) {
            String config = sim.writeConfig("").toString();
            Path fixture = SimHarness.SMALL_FIXTURE.resolve("days");
            MainTest.Run first = run("--config", config, "import", "--date", "2026-11-01",
                    fixture.resolve("2026-11-01/resources/us-ashburn-1.json").toString(),
                    fixture.resolve("2026-11-01/resources/eu-frankfurt-1.json").toString());
            assertThat(first.err()).isEmpty();
            assertThat(first.out()).contains("snapshot 1 of 2026-11-01 (COMPLETE): 7 resources from 2 files");

            Path cli = sim.dir.resolve("oci-cli-dump.json");
            Files.writeString(cli, "{\"data\": {\"items\": [{\"resource-type\": \"Vcn\", \"identifier\": \"ocid1.vcn.oc1.iad.aaaaaaaavcn\","
                    + " \"compartment-id\": \"ocid1.compartment.oc1..aaaaaaaanetwork\", \"display-name\": \"main-vcn\","
                    + " \"lifecycle-state\": \"AVAILABLE\", \"time-created\": \"2026-09-01T09:00:00+00:00\"}]}}");
            MainTest.Run second = run("--config", config, "import", "--date", "2026-11-02", "--region", "us-ashburn-1", cli.toString());
            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(second.out()).contains("snapshot 2 of 2026-11-02 (PARTIAL)").contains("eu-frankfurt-1");
            try (Store store = Store.open(sim.dir.resolve("store/ocidiff"))) {
                List<String> ocids = new java.util.ArrayList<>();
                store.forEachResourceAt(2, r -> ocids.add(r.ocid()));
                assertThat(ocids).containsExactlyInAnyOrder("ocid1.vcn.oc1.iad.aaaaaaaavcn",
                        "ocid1.instance.oc1.eu-frankfurt-1.aaaaaaaainstancef");
            }
            // Compressed, as daily dumps are kept: read by content, its region told by its name.
            Path gz = sim.dir.resolve("eu-frankfurt-1.json.gz");
            try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
                Files.copy(fixture.resolve("2026-11-02/resources/eu-frankfurt-1.json"), out);
            }
            MainTest.Run sameDate = run("--config", config, "import", "--date", "2026-11-02", gz.toString());
            assertThat(sameDate.out()).contains("of 2026-11-02 (COMPLETE): 2 resources");
            assertThat(run("--config", config, "snapshots").out().lines().filter(l -> l.contains("import"))).hasSize(2);
        }
    }

    /**
     * A compartment compartments.include names, renamed since: every night stops until the configuration follows, so
     * the line says what became of it, from the store's last snapshot, and that its OCID does not change.
     */
    @Test
    void anIncludedCompartmentRenamedSinceIsToldAsRenamed(@TempDir Path dir) throws Exception {
        Path fixture = SimHarness.smallFixtureWithCompartments(dir.resolve("fixture"), "2026-11-02",
                compartments -> compartments.replace("\"name\": \"prod\"", "\"name\": \"production\""));
        try (SimHarness sim = SimHarness.replaying(fixture)) {
            String config = sim.writeConfig("compartments:\n  include: [prod]\n").toString();
            sim.server.source().selectDay(java.time.LocalDate.parse("2026-11-01"));
            assertThat(run("--config", config, "snapshot", "--quiet", "--at", "2026-11-01T23:59:59Z").exitCode()).isZero();
            sim.server.source().selectDay(java.time.LocalDate.parse("2026-11-02"));
            MainTest.Run renamed = run("--config", config, "snapshot", "--quiet", "--at", "2026-11-02T23:59:59Z");
            assertThat(renamed.exitCode()).isEqualTo(2);
            assertThat(renamed.err()).isEqualTo("ocidiff: compartments.include: no ACTIVE compartment \"prod\": the"
                    + " compartment the store's last snapshot knew as prod (ocid1.compartment.oc1..aaaaaaaaprod) is"
                    + " production now (renamed or moved); name it as it is now, or by its OCID, which stays\n");
        }
    }

    /**
     * A first import of one region knows of no other: the next date's second region is not in the first snapshot's
     * plan. Its batch-1, made in October, entered the plan with its region: listed as the pair first holds it, with a
     * caveat that it was not created. One that says nothing of when it was made may be older than the first date:
     * listed as created with a caveat, and the report says its coverage is not complete.
     */
    @Test
    void aRegionImportedOnlyOnTheLaterDateBringsResourcesThatEnteredThePlan(@TempDir Path dir) throws Exception {
        Path days = SimHarness.SMALL_FIXTURE.resolve("days");
        Path frankfurt = days.resolve("2026-11-02/resources/eu-frankfurt-1.json");
        JsonNode dated = importedSecondRegion(frankfurt);
        assertThat(dated.at("/coverage/complete").asBoolean()).isTrue();
        assertThat(dated.at("/coverage/gaps")).isEmpty();
        assertThat(frankfurtChange(dated).path("caveat").asText()).endsWith("created 2026-10-25T07:30:00Z, before"
                + " 'from': it entered the plan with its scope, not created");

        Path undatedFile = Files.writeString(dir.resolve("eu-frankfurt-1.json"),
                Files.readString(frankfurt).replaceAll("\"timeCreated\": \"[^\"]*\",", ""));
        JsonNode undated = importedSecondRegion(undatedFile);
        assertThat(undated.at("/coverage/complete").asBoolean()).isFalse();
        assertThat(undated.at("/coverage/gaps")).hasSize(1).first().satisfies(gap -> {
            assertThat(gap.path("region").asText()).isEqualTo("eu-frankfurt-1");
            assertThat(gap.path("reason").asText()).startsWith("'from' snapshot: not in its plan, so what 'to'"
                    + " holds there is listed as created");
        });
        assertThat(frankfurtChange(undated).path("caveat").asText()).endsWith("was not in the 'from' snapshot's plan");
    }

    /** The diff of us-ashburn-1 imported for 2026-11-01 and both regions for 2026-11-02, Frankfurt's from {@code frankfurt}. */
    private static JsonNode importedSecondRegion(Path frankfurt) throws Exception {
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), FaultPlan.none())) {
            String config = sim.writeConfig("").toString();
            Path days = SimHarness.SMALL_FIXTURE.resolve("days");
            assertThat(run("--config", config, "import", "--date", "2026-11-01",
                    days.resolve("2026-11-01/resources/us-ashburn-1.json").toString()).exitCode()).isZero();
            assertThat(run("--config", config, "import", "--date", "2026-11-02",
                    days.resolve("2026-11-02/resources/us-ashburn-1.json").toString(), frankfurt.toString()).exitCode())
                    .isZero();
            return new ObjectMapper().readTree(run("--config", config, "diff", "--no-audit", "--format", "json").out());
        }
    }

    /** The one change in eu-frankfurt-1, CREATED. */
    private static JsonNode frankfurtChange(JsonNode report) {
        List<JsonNode> changes = new ArrayList<>();
        report.path("changes").forEach(c -> {
            if (c.path("region").asText().equals("eu-frankfurt-1")) {
                changes.add(c);
            }
        });
        assertThat(changes).singleElement().satisfies(c -> assertThat(c.path("kind").asText()).isEqualTo("CREATED"));
        return changes.get(0);
    }

    /**
     * Each imported file is its region's whole inventory, though it names only the compartments holding resources:
     * dev, empty on the first date, holds a volume on the second, made since, with no caveat of a scope the first
     * import did not cover, beside a coverage that says both collected everything.
     */
    @Test
    void aCompartmentFirstSeenInALaterImportHoldsResourcesCreatedSince() throws Exception {
        try (SimHarness sim = SimHarness.goldenFixture()) {
            String config = sim.writeConfig("").toString();
            Path days = SimHarness.GOLDEN_FIXTURE.resolve("days");
            for (String day : List.of("2026-11-01", "2026-11-02")) {
                MainTest.Run imported = run("--config", config, "import", "--date", day,
                        days.resolve(day + "/resources/us-ashburn-1.json").toString(),
                        days.resolve(day + "/resources/eu-frankfurt-1.json").toString());
                assertThat(imported.exitCode()).as(imported.err()).isZero();
            }
            MainTest.Run diff = run("--config", config, "diff", "--no-audit", "--format", "json");
            JsonNode report = new ObjectMapper().readTree(diff.out());
            assertThat(report.at("/coverage/complete").asBoolean()).isTrue();
            assertThat(report.path("changes")).filteredOn(c -> c.path("compartmentId").asText().endsWith("..aaaaaaaadev"))
                    .isNotEmpty().allSatisfy(c -> {
                        assertThat(c.path("kind").asText()).isEqualTo("CREATED");
                        assertThat(c.has("caveat")).as(c.toString()).isFalse();
                    });
        }
    }

    /**
     * What would misreport a region is refused before the store is touched: a file of one region imported as
     * another's (every resource moved between regions), two files of one region (two days merged), a region imported
     * empty where it held resources (all deleted), a day not begun. Today's results are dated now, so that a snapshot
     * taken later today follows them.
     */
    @Test
    void importRefusesWhatWouldMisreportARegion(@TempDir Path dir) throws Exception {
        try (SimHarness sim = SimHarness.smallFixture()) {
            String config = sim.writeConfig("").toString();
            Path day1 = SimHarness.SMALL_FIXTURE.resolve("days/2026-11-01/resources");
            Path ashburn = day1.resolve("us-ashburn-1.json");
            Path frankfurt = day1.resolve("eu-frankfurt-1.json");
            Path misnamed = Files.copy(ashburn, dir.resolve("eu-frankfurt-1.json"));
            MainTest.Run wrongRegion = run("--config", config, "import", "--date", "2026-11-01", misnamed.toString());
            assertThat(wrongRegion.exitCode()).isEqualTo(2);
            assertThat(wrongRegion.err()).startsWith("ocidiff: " + misnamed + ": ocid1.").contains(" is a resource of "
                    + "us-ashburn-1 by its OCID, not of eu-frankfurt-1, the region the file is imported as;");
            MainTest.Run twice = run("--config", config, "import", "--date", "2026-11-01", "--region", "us-ashburn-1",
                    ashburn.toString(), SimHarness.SMALL_FIXTURE.resolve("days/2026-11-02/resources/us-ashburn-1.json")
                            .toString());
            assertThat(twice.exitCode()).isEqualTo(2);
            assertThat(twice.err()).contains(" both hold us-ashburn-1: a region's results are one file");
            assertThat(run("--config", config, "snapshots").exitCode()).as("no store made").isEqualTo(2);

            assertThat(run("--config", config, "import", "--date", "2026-11-01", ashburn.toString(), frankfurt.toString())
                    .exitCode()).isZero();
            Path empty = Files.writeString(dir.resolve("us-ashburn-1.json"), "[]");
            MainTest.Run emptied = run("--config", config, "import", "--date", "2026-11-02", empty.toString());
            assertThat(emptied.exitCode()).isEqualTo(2);
            assertThat(emptied.err()).isEqualTo("ocidiff: " + empty + " holds no resource of us-ashburn-1, where snapshot 1"
                    + " (2026-11-01) held 6: an export cut short, or of another query? Nothing was imported; if"
                    + " us-ashburn-1 is empty now, import it with --allow-empty\n");
            assertThat(run("--config", config, "import", "--date", "2026-11-02", "--allow-empty", empty.toString())
                    .out()).contains("snapshot 2 of 2026-11-02 (PARTIAL): 1 resource: 0 from 1 file, 1 kept of other regions;");

            LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
            MainTest.Run tomorrow = run("--config", config, "import", "--date", today.plusDays(1).toString(),
                    ashburn.toString());
            assertThat(tomorrow.exitCode()).isEqualTo(2);
            assertThat(tomorrow.err()).startsWith("ocidiff: --date " + today.plusDays(1) + " is later than now (");
            assertThat(run("--config", config, "import", "--date", today.toString(), ashburn.toString(),
                    frankfurt.toString()).exitCode()).isZero();
            MainTest.Run crawl = run("--config", config, "snapshot", "--quiet", "--force");
            assertThat(crawl.exitCode()).as(crawl.err()).isZero();
            assertThat(crawl.out()).contains("; replaced today's snapshot 3 (COMPLETE)");
        }
    }

    /** A dump whose pages overlapped lists a resource twice: kept once, its first listing, and counted once. */
    @Test
    void aResourceListedTwiceInAnImportIsKeptOnceAndSaidSo() throws Exception {
        try (SimHarness sim = SimHarness.smallFixture()) {
            String config = sim.writeConfig("").toString();
            String item = "{\"resourceType\": \"Vcn\", \"identifier\": \"ocid1.vcn.oc1.iad.aaaaaaaavcn\", \"compartmentId\":"
                    + " \"ocid1.compartment.oc1..aaaaaaaanetwork\", \"displayName\": \"%s\"}";
            Path dump = Files.writeString(sim.dir.resolve("us-ashburn-1.json"),
                    "[" + item.formatted("first") + ", " + item.formatted("again") + "]");
            MainTest.Run imported = run("--config", config, "import", "--date", "2026-11-01", dump.toString());
            assertThat(imported.exitCode()).as(imported.err()).isZero();
            assertThat(imported.out()).contains("snapshot 1 of 2026-11-01 (COMPLETE): 1 resource from 1 file");
            assertThat(imported.err()).isEqualTo("ocidiff: warning: 1 resource listed more than once (overlapping"
                    + " pages?); the first listing of each was kept\n");
            try (Store store = Store.open(sim.dir.resolve("store/ocidiff"))) {
                List<String> names = new java.util.ArrayList<>();
                store.forEachResourceAt(1, r -> names.add(r.displayName()));
                assertThat(names).containsExactly("first");
                assertThat(store.coverage(1)).extracting(c -> c.resources()).containsExactly(1L);
            }
        }
    }

    /** Saved Search results have no details: the first crawl after an import does not report them all as changed. */
    @Test
    void theFirstCrawlAfterAnImportReportsNoDetailsAddedAndSaysTheyWereNotCompared() throws Exception {
        try (SimHarness sim = SimHarness.smallFixture()) {
            String config = sim.writeConfig("").toString();
            List<String> files = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            for (String region : List.of("us-ashburn-1", "eu-frankfurt-1")) {
                JsonNode items = json.readTree(SimHarness.SMALL_FIXTURE.resolve("days/2026-11-01/resources/" + region + ".json")
                        .toFile());
                items.forEach(item -> ((com.fasterxml.jackson.databind.node.ObjectNode) item).remove("details"));
                Path file = sim.dir.resolve(region + ".json");
                json.writeValue(file.toFile(), items);
                files.add(file.toString());
            }
            List<String> importArgs = new ArrayList<>(List.of("--config", config, "import", "--date", "2026-11-01"));
            importArgs.addAll(files);
            assertThat(run(importArgs.toArray(String[]::new)).exitCode()).isZero();
            sim.server.source().selectDay(java.time.LocalDate.parse("2026-11-02"));
            assertThat(run("--config", config, "snapshot", "--quiet", "--at", "2026-11-02T23:59:59Z").exitCode()).isZero();

            MainTest.Run diff = run("--config", config, "diff", "--from", "1", "--to", "2", "--no-audit");
            assertThat(diff.exitCode()).as(diff.err()).isZero();
            // Day 2 of the fixture changes three instances; the four enriched resources gained only their details.
            assertThat(json.readTree(diff.out()).path("changes")).extracting(c -> c.path("resourceType").asText())
                    .containsOnly("Instance").hasSize(3);
            assertThat(diff.err()).contains("warning: details of 4 resources (policy statements, security rules, bucket"
                    + " settings) were not compared: one of the two snapshots did not fetch them (an import, or a change"
                    + " of snapshot.enrich)");
            assertThat(run("--config", config, "history", "ocid1.policy.oc1..aaaaaaaapolicy").out())
                    .contains("only its details differ, which one of the two snapshots did not fetch");
        }
    }

    @Test
    void aRegionImportedEmptyIsCollectedWithNothingInIt() throws Exception {
        try (SimHarness sim = SimHarness.smallFixture()) {
            String config = sim.writeConfig("").toString();
            Path empty = sim.dir.resolve("us-ashburn-1.json");
            Files.writeString(empty, "{\"items\": []}");
            MainTest.Run first = run("--config", config, "import", "--date", "2026-11-01", empty.toString());
            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.out()).contains("snapshot 1 of 2026-11-01 (COMPLETE): 0 resources from 1 file\n");

            Path fixture = SimHarness.SMALL_FIXTURE.resolve("days/2026-11-01/resources/us-ashburn-1.json");
            MainTest.Run second = run("--config", config, "import", "--date", "2026-11-02", fixture.toString());
            assertThat(second.out()).contains("snapshot 2 of 2026-11-02 (COMPLETE)");
            MainTest.Run diff = run("--config", config, "diff", "--no-audit", "--format", "json");
            JsonNode report = new ObjectMapper().readTree(diff.out());
            assertThat(report.at("/summary/created").asInt()).as(diff.out()).isPositive();
            assertThat(report.at("/coverage/complete").asBoolean()).as(diff.out()).isTrue();
            assertThat(report.at("/tenancy/id").asText()).as("learnt from the second files, not left unknown")
                    .startsWith("ocid1.tenancy.");
        }
    }

    @Test
    void aMalformedImportFileIsNamedWithItsPositionAndImportsNothing() throws Exception {
        try (SimHarness sim = SimHarness.smallFixture()) {
            String config = sim.writeConfig("").toString();
            Path good = SimHarness.SMALL_FIXTURE.resolve("days/2026-11-01/resources/us-ashburn-1.json");
            Path bad = sim.dir.resolve("eu-frankfurt-1.json");
            Files.writeString(bad, "[{\"identifier\": \"x\",\n \"resourceType\" \"Vcn\"}]");
            MainTest.Run r = run("--config", config, "import", "--date", "2026-11-01", good.toString(), bad.toString());
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err().trim()).startsWith("ocidiff: " + bad + ": line 2, column").endsWith("nothing was imported");
            // The files are read before a store is opened: none is made.
            assertThat(run("--config", config, "snapshots").err()).startsWith("ocidiff: there is no store at ");
        }
    }

    @Test
    void importOfAnOlderDateThanTheStoreHoldsIsRefused() {
        try (SimHarness sim = SimHarness.smallFixture()) {
            String config = sim.writeConfig("").toString();
            String file = SimHarness.SMALL_FIXTURE.resolve("days/2026-11-01/resources/us-ashburn-1.json").toString();
            assertThat(run("--config", config, "import", "--date", "2026-11-02", file).exitCode()).isZero();
            MainTest.Run older = run("--config", config, "import", "--date", "2026-11-01", file);
            assertThat(older.exitCode()).isEqualTo(2);
            assertThat(older.err()).contains("in time order");
        }
    }

    /** Files of another tenancy (their root compartment tells) are refused by a store holding one; nothing is imported. */
    @Test
    void importOfAnotherTenancysFilesIsRefused() throws Exception {
        try (SimHarness sim = SimHarness.smallFixture()) {
            String config = sim.writeConfig("").toString();
            String file = SimHarness.SMALL_FIXTURE.resolve("days/2026-11-01/resources/us-ashburn-1.json").toString();
            assertThat(run("--config", config, "import", "--date", "2026-11-01", file).exitCode()).isZero();
            Path other = sim.dir.resolve("other.json");
            Files.writeString(other, Files.readString(Path.of(file)).replace("ocid1.tenancy.oc1..aaaaaaaafixturetenancy",
                    "ocid1.tenancy.oc1..aaaaaaaaothertenancy"));
            MainTest.Run refused = run("--config", config, "import", "--date", "2026-11-02", "--region", "us-ashburn-1",
                    other.toString());
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err().lines()).singleElement().asString().startsWith("ocidiff: the imported files show (as the"
                    + " root compartment of their resources) tenancy ocid1.tenancy.oc1..aaaaaaaaothertenancy, but the store ")
                    .endsWith("holds the history of tenancy ocid1.tenancy.oc1..aaaaaaaafixturetenancy: give each tenancy a"
                            + " store of its own (store.path in the config, or --store)");
            // Files without the root compartment take the store's tenancy.
            Path noRoot = sim.dir.resolve("no-root.json");
            Files.writeString(noRoot, "[{\"resourceType\": \"Vcn\", \"identifier\": \"ocid1.vcn.oc1.iad.aaaaaaaavcn\","
                    + " \"compartmentId\": \"ocid1.compartment.oc1..aaaaaaaanetwork\"}]");
            assertThat(run("--config", config, "import", "--date", "2026-11-02", "--region", "us-ashburn-1",
                    noRoot.toString()).exitCode()).isZero();
            try (Store store = Store.open(sim.dir.resolve("store/ocidiff"))) {
                assertThat(store.snapshots()).extracting(s -> s.tenancyId()).containsOnly("ocid1.tenancy.oc1..aaaaaaaafixturetenancy");
            }
        }
    }

    /** Zstandard's native code is unpacked to java.io.tmpdir; a host where that fails is told the fix, before any work. */
    @Test
    void aHostThatCannotLoadZstandardIsToldHowToFixIt() throws Exception {
        try (SimHarness sim = SimHarness.smallFixture()) {
            Path config = sim.writeConfig("");
            Path missing = sim.dir.resolve("no-such-tmp");
            Process child = new ProcessBuilder(ocidiff(List.of("-Djava.io.tmpdir=" + missing), "--config",
                    config.toString(), "snapshot", "--quiet")).start();
            String out = new String(child.getInputStream().readAllBytes());
            String err = new String(child.getErrorStream().readAllBytes());
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as(out + err).isEqualTo(1);
            assertThat(err.lines().toList()).as(err).singleElement().asString()
                    .startsWith("ocidiff: Zstandard, which compresses the store's resource versions, could not load (")
                    .endsWith("java.io.tmpdir (" + missing + "), which must exist and allow running code, on Linux "
                            + "(glibc), macOS or Windows; give another folder with -Djava.io.tmpdir=DIR (OCIDIFF_JAVA_OPTS "
                            + "for the ocidiff launcher)");
            assertThat(sim.dir.resolve("store")).doesNotExist();
        }
    }

    /** ocidiff in a child JVM with this test's classpath: {@code jvmOptions}, then ocidiff's {@code args}. */
    private static List<String> ocidiff(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }
}
