package io.github.ocidiff.cli;

import static io.github.ocidiff.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ocidiff.Golden;
import io.github.ocidiff.SimHarness;
import io.github.ocidiff.sim.FaultPlan;
import io.github.ocidiff.sim.FixtureTenancy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `ocidiff history` over the handmade golden fixture, snapshotted night by night with a diff after each
 * night as the nightly job runs them (a diff keeps the Audit events that name the actors).
 */
class HistoryCommandTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/golden");
    private static final List<String> DAYS = List.of("2026-11-01", "2026-11-02", "2026-11-03");
    private static final String WEB_1 = "ocid1.instance.oc1.iad.aaaaaaaainstancea";
    private static final String BATCH_1 = "ocid1.instance.oc1.eu-frankfurt-1.aaaaaaaainstancef";

    private static SimHarness sim;
    private static String config;

    @BeforeAll
    static void snapshotAndDiffEachNight() {
        sim = SimHarness.start(FixtureTenancy.open(FIXTURE), FaultPlan.none());
        config = sim.writeConfig("").toString();
        for (String day : DAYS) {
            sim.server.source().selectDay(LocalDate.parse(day));
            assertThat(run("--config", config, "snapshot", "--quiet", "--at", day + "T23:59:59Z").exitCode()).isIn(0, 4);
            if (!day.equals(DAYS.get(0))) {
                assertThat(run("--config", config, "diff", "--out", sim.dir.resolve(day + ".json").toString())
                        .exitCode()).isZero();
            }
        }
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String history(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--config";
        all[1] = config;
        all[2] = "history";
        System.arraycopy(args, 0, all, 3, args.length);
        MainTest.Run r = run(all);
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        return r.out();
    }

    @Test
    void aTerminatedInstanceShowsFirstSeenModifiedAndDeletedWithItsActors() {
        String text = history(WEB_1);
        assertThat(text).startsWith("Instance web-1 (" + WEB_1 + ", us-ashburn-1)\n3 versions, first seen 2026-11-01\n");
        assertThat(text).contains("""
                FIRST SEEN  2026-11-01 (snapshot 1) → 2026-11-01 (snapshot 1)
                  web-1, RUNNING, in acme-fixture/prod/app
                  already there in the store's first snapshot
                """);
        assertThat(text).contains("""
                MODIFIED  2026-11-02 (snapshot 2) → 2026-11-02 (snapshot 2)
                  web-1, RUNNING, in acme-fixture/prod/app
                  /freeformTags/owner: (none) → "web-team"
                  by alice@example.com (UpdateInstance at 2026-11-02 09:12:00 UTC)
                """);
        assertThat(text).contains("""
                DELETED  2026-11-03 (snapshot 3, PARTIAL) → current
                  web-1, TERMINATED, in acme-fixture/prod/app
                  by alice@example.com (TerminateInstance at 2026-11-03 00:00:00 UTC)
                """);
        Golden.assertMatches("history/web-1.json", history(WEB_1, "--format", "json"));
    }

    @Test
    void aMovedInstanceInARegionDownTheNextNightIsUnknownThere() {
        String text = history(BATCH_1);
        assertThat(text).contains("""
                MOVED  2026-11-02 (snapshot 2) → current
                  batch-1, RUNNING, in acme-fixture/prod
                  moved from acme-fixture/dev
                  /compartmentId: "ocid1.compartment.oc1..aaaaaaaadev" → "ocid1.compartment.oc1..aaaaaaaaprod"
                  by carol@example.com (ChangeInstanceCompartment at 2026-11-02 23:30:00 UTC)
                  not collected by 2026-11-03 (snapshot 3, PARTIAL): Resource Search in eu-frankfurt-1 failed""");
        assertThat(text).contains("\n  last seen 2026-11-02 (snapshot 2)\n");
        Golden.assertMatches("history/batch-1.json", Golden.stable(history(BATCH_1, "--format", "json")));
    }

    @Test
    void anUnknownOcidIsAUsageErrorNamingTheStoresSnapshots() {
        MainTest.Run r = run("--config", config, "history", "ocid1.instance.oc1.iad.nosuch");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().trim()).isEqualTo("ocidiff: no resource ocid1.instance.oc1.iad.nosuch in the store "
                + "(3 snapshots from 2026-11-01 to 2026-11-03); check the OCID or run 'ocidiff snapshot'");
        assertThat(run("--config", config, "history", WEB_1, "--format", "xml").exitCode()).isEqualTo(2);
    }

    /**
     * Commands that only read leave the store's file byte for byte as it was: H2 writes a chunk on each close of a
     * database opened to write, and hundreds of `history` runs doubled a store until a night rewrote it.
     */
    @Test
    void commandsThatOnlyReadLeaveTheStoreFileAsItWas() throws Exception {
        Path file = sim.dir.resolve("store/ocidiff.mv.db");
        byte[] before = java.nio.file.Files.readAllBytes(file);
        assertThat(run("--config", config, "snapshots").exitCode()).isZero();
        history(WEB_1);
        history(BATCH_1, "--format", "json");
        assertThat(run("--config", config, "baseline", "list").exitCode()).isZero();
        assertThat(java.nio.file.Files.readAllBytes(file)).isEqualTo(before);
    }

    /** prod renamed on day 2: the logs bucket, unchanged in it, is told where it is, as the reports of day 2 name it. */
    @Test
    void aStepIsNamedWhereItWasLastSeenAfterItsCompartmentWasRenamed(@TempDir Path dir) {
        Path fixture = SimHarness.smallFixtureWithCompartments(dir.resolve("fixture"), "2026-11-02",
                compartments -> compartments.replace("\"name\": \"prod\"", "\"name\": \"production\""));
        try (SimHarness renamed = SimHarness.replaying(fixture)) {
            String renamedConfig = renamed.writeConfig("").toString();
            for (String day : List.of("2026-11-01", "2026-11-02")) {
                renamed.server.source().selectDay(LocalDate.parse(day));
                assertThat(run("--config", renamedConfig, "snapshot", "--quiet", "--at", day + "T23:59:59Z").exitCode())
                        .isZero();
            }
            MainTest.Run r = run("--config", renamedConfig, "history", "ocid1.bucket.oc1.iad.aaaaaaaabucket");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("in acme-fixture/production\n").doesNotContain("acme-fixture/prod\n");
        }
    }

    /** A resource created and deleted between two snapshots is in no snapshot, but the kept Audit events tell of it. */
    @Test
    void aTransientResourceIsToldFromItsAuditEvents() {
        MainTest.Run r = run("--config", config, "history", "ocid1.bucket.oc1.iad.aaaaaaaaexporttmp");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().trim()).isEqualTo("ocidiff: no snapshot holds ocid1.bucket.oc1.iad.aaaaaaaaexporttmp: it lived"
                + " between two, as the report from snapshot 2 to 3 lists it (transient), and Audit tells of it:"
                + " CreateBucket by bob@example.com at 2026-11-03T12:00:00Z, DeleteBucket by bob@example.com at"
                + " 2026-11-03T12:20:00Z");
    }

    @Test
    void helpListsTheCommand() {
        assertThat(run("--help").out()).contains("history");
        assertThat(run("history", "--help").out()).contains("OCID").contains("--format");
    }
}
