package io.github.ocidiff.cli;

import static io.github.ocidiff.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ocidiff.Golden;
import io.github.ocidiff.ReportSchema;
import io.github.ocidiff.SimHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compliance end to end: a baseline on the first of four fixture days, then a waived policy change, a
 * security list change whose waiver expires on the fourth day, an unwaived bucket made public, a node
 * an OKE node pool launched and an instance autoscaling created and deleted (both suppressed by their
 * service principals), and a change outside the baseline's compartments.
 */
class DriftCommandTest {

    static final Path COMPLIANCE_FIXTURE = Path.of("src/test/resources/fixtures/compliance");

    static final String RULES = """
            rules:
              suppress:
                - name: oke-node-pools
                  actor: "ocid1.nodepool.*"
                  reason: OKE launches and replaces its worker nodes itself
                - name: autoscaling
                  resourceType: Instance
                  kind: [CREATED, DELETED, TRANSIENT]
                  actor: "ocid1.autoscalingconfiguration.*"
                  reason: instance pools scale with load
              waivers:
                - name: CHG-100
                  ocid: ocid1.policy.oc1..aaaaaaaaprodadmins
                  reason: auditors need to read audit events in prod
                  approver: ann@example.com
                  approved: 2026-11-01
                  expires: 2026-12-31
                - name: CHG-200
                  resourceType: SecurityList
                  path: /details/ingressSecurityRules
                  reason: vendor access for the migration weekend
                  approver: ann@example.com
                  approved: 2026-11-01
                  expires: 2026-11-04
            """;

    @Test
    void driftFromABaselineWithWaiversSuppressionsAndAnExpiringWaiver() throws Exception {
        try (SimHarness sim = SimHarness.replaying(COMPLIANCE_FIXTURE)) {
            Path config = sim.writeConfig(RULES);
            Path withBucketWaived = sim.dir.resolve("bucket-waived.yaml");
            Files.writeString(withBucketWaived, Files.readString(config) + """
                        - name: CHG-300
                          ocid: ocid1.bucket.oc1.iad.aaaaaaaaproddata
                          reason: public read for the product launch
                          approver: bo@example.com
                          approved: 2026-11-02
                          expires: 2027-01-01
                    """);
            for (String day : List.of("2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04")) {
                sim.server.source().selectDay(LocalDate.parse(day));
                MainTest.Run nightly = run("--config", config.toString(), "daily", "--quiet", "--at", day + "T23:59:59Z");
                assertThat(nightly.exitCode()).as(nightly.err()).isZero();
                if (day.equals("2026-11-01")) {
                    MainTest.Run set = run("--config", config.toString(), "baseline", "set", "approved", "--snapshot",
                            "2026-11-01", "--compartment", "prod", "--compartment", "network", "--note", "CAB-7");
                    assertThat(set.exitCode()).as(set.err()).isZero();
                }
            }
            sim.server.close();
            // The simulator is gone: every actor below comes from the evidence the nightly reports kept.
            checkDrift(config, withBucketWaived);
        }
    }

    private static void checkDrift(Path config, Path withBucketWaived) throws Exception {
        MainTest.Run day3 = run("--config", config.toString(), "drift", "--baseline", "approved", "--at", "2026-11-03");
        assertThat(day3.exitCode()).as(day3.err()).isZero();
        assertThat(day3.err()).contains("drift from baseline approved (snapshot 1, 2026-11-01T23:59:59Z) to snapshot 3 "
                + "(2026-11-03T23:59:59Z): 1 unwaived, 2 waived, 2 suppressed")
                .contains("ocidiff: warning: waiver CHG-200 (1 change) expires on 2026-11-04, in 1 day; renew it or fix "
                        + "the drift");
        JsonNode json = new ObjectMapper().readTree(day3.out());
        assertThat(ReportSchema.validate(json)).isEmpty();
        Golden.assertMatches("compliance/drift-2026-11-03.json", Golden.stable(day3.out()));

        MainTest.Run day4 = run("--config", config.toString(), "drift", "--baseline", "approved", "--at", "2026-11-04",
                "--fail-on-drift");
        assertThat(day4.exitCode()).as(day4.err()).isEqualTo(DriftCommand.DRIFT);
        assertThat(day4.err()).contains("3 unwaived, 1 waived, 2 suppressed");
        Golden.assertMatches("compliance/drift-2026-11-04.json", Golden.stable(day4.out()));
        MainTest.Run md = run("--config", config.toString(), "drift", "--baseline", "approved", "--at", "2026-11-04",
                "--format", "md");
        Golden.assertMatches("compliance/drift-2026-11-04.md", Golden.stable(md.out()));
        String csv = run("--config", config.toString(), "drift", "--baseline", "approved", "--at", "2026-11-04",
                "--format", "csv").out();
        assertThat(csv.lines().filter(l -> l.startsWith("MODIFIED,SecurityList,")).toList())
                .singleElement().asString().endsWith(",EXPIRED CHG-200");
        assertThat(csv.lines().filter(l -> l.startsWith("MODIFIED,Policy,")).toList())
                .isNotEmpty().allMatch(l -> l.endsWith(",WAIVED CHG-100"));
        Path html = config.resolveSibling("drift-2026-11-04.html");
        MainTest.Run page = run("--config", config.toString(), "drift", "--baseline", "approved", "--at", "2026-11-04",
                "--format", "html", "--out", html.toString());
        assertThat(page.exitCode()).as(page.err()).isZero();
        assertThat(Files.readString(html)).contains("<section id=\"compliance\"",
                        "Drift from baseline approved: 3 unwaived changes (1 waived, 2 suppressed)",
                        ">waiver CHG-200 expired on 2026-11-04<", ">waived by CHG-100, expires 2026-12-31<",
                        "bob@example.com (UpdateSecurityList at 2026-11-02 10:00:00 UTC)")
                .containsSubsequence(">acme-compliance/network <", ">acme-compliance/prod <", ">acme-compliance/prod/app <");

        assertThat(run("--config", withBucketWaived.toString(), "drift", "--baseline", "approved", "--at", "2026-11-03",
                "--fail-on-drift").exitCode()).as("everything waived or suppressed").isZero();
        assertThat(run("--config", config.toString(), "drift", "--baseline", "approved", "--at", "2026-11-03",
                "--fail-on-drift").exitCode()).isEqualTo(DriftCommand.DRIFT);
        assertThat(run("--config", config.toString(), "drift", "--baseline", "approved", "--at", "2026-11-01",
                "--fail-on-drift").exitCode()).as("no change since the baseline").isZero();

        Path pack = config.resolveSibling("drift-evidence.zip");
        MainTest.Run evidence = run("--config", config.toString(), "evidence", "--baseline", "approved", "--to",
                "2026-11-04", "--out", pack.toString());
        assertThat(evidence.exitCode()).as(evidence.err()).isZero();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(pack.toFile())) {
            String packed = new String(zip.getInputStream(zip.getEntry("report.json")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(Golden.stable(packed)).as("the pack holds the drift report").isEqualTo(Golden.stable(day4.out()));
        }
        assertThat(run("evidence", "verify", pack.toString()).exitCode()).isZero();

        MainTest.Run pruned = run("--config", config.toString(), "prune", "--keep-days", "1");
        assertThat(pruned.exitCode()).as(pruned.err()).isZero();
        MainTest.Run afterPrune = run("--config", config.toString(), "drift", "--baseline", "approved", "--at", "2026-11-04");
        assertThat(Golden.stable(afterPrune.out())).as("pruning keeps what a baseline needs")
                .isEqualTo(Golden.stable(day4.out()));
    }

    @Test
    void noVisibleDriftWithARegionDownCannotPassTheGate() {
        try (SimHarness sim = SimHarness.goldenFixture()) {
            String config = snapshotGoldenDays(sim, """
                    rules:
                      suppress:
                        - name: additions-and-removals
                          kind: [CREATED, DELETED, TRANSIENT]
                          reason: this test wants no visible drift
                        - name: edits
                          kind: [MODIFIED, MOVED]
                          reason: this test wants no visible drift
                    """);
            assertThat(run("--config", config, "baseline", "set", "b", "--snapshot", "2026-11-01").exitCode()).isZero();

            MainTest.Run complete = run("--config", config, "drift", "--baseline", "b", "--at", "2026-11-02",
                    "--no-audit", "--fail-on-drift");
            assertThat(complete.exitCode()).as(complete.err()).isZero();
            assertThat(complete.err()).contains(": 0 unwaived, 0 waived, 5 suppressed");
            MainTest.Run frankfurtDown = run("--config", config, "drift", "--baseline", "b", "--at", "2026-11-03",
                    "--no-audit", "--fail-on-drift");
            assertThat(frankfurtDown.exitCode()).as(frankfurtDown.err()).isEqualTo(DriftCommand.INCOMPLETE);
            assertThat(frankfurtDown.err()).contains(": 0 unwaived, 0 waived").contains("; coverage INCOMPLETE");
        }
    }

    /** Audit answers in every region (the fixture's day 2): evidence kept with failures would be read again. */
    @Test
    void aNarrowDriftKeepsEvidenceThatServesTheWholeDiffOfItsPair() {
        String plain;
        try (SimHarness sim = SimHarness.goldenFixture()) {
            String config = snapshotGoldenDays(sim, "");
            sim.server.source().selectDay(LocalDate.parse("2026-11-02"));
            plain = run("--config", config, "diff", "--from", "2026-11-01", "--to", "2026-11-02").out();
        }
        try (SimHarness sim = SimHarness.goldenFixture()) {
            String config = snapshotGoldenDays(sim, "");
            sim.server.source().selectDay(LocalDate.parse("2026-11-02"));
            assertThat(run("--config", config, "baseline", "set", "policies", "--snapshot", "2026-11-01", "--type",
                    "Policy").exitCode()).isZero();
            assertThat(run("--config", config, "drift", "--baseline", "policies", "--at", "2026-11-02").exitCode())
                    .isZero();
            MainTest.Run afterDrift = run("--config", config, "diff", "--from", "2026-11-01", "--to", "2026-11-02");
            assertThat(afterDrift.err()).contains("actors from the Audit events kept on");
            assertThat(Golden.stable(afterDrift.out())).isEqualTo(Golden.stable(plain));
        }
    }

    /** A mistyped type (Bukcet) would pass every drift review: each drift says so, as baseline set did once. */
    @Test
    void aBaselineTypeTheStoreNeverHeldIsSaidAtEachDrift() {
        try (SimHarness sim = SimHarness.goldenFixture()) {
            String config = snapshotGoldenDays(sim, "");
            assertThat(run("--config", config, "baseline", "set", "buckets", "--snapshot", "2026-11-01", "--type",
                    "Bukcet,Policy").err()).contains("--type Bukcet: the store holds no resource of that type");
            MainTest.Run drift = run("--config", config, "drift", "--baseline", "buckets", "--at", "2026-11-02",
                    "--no-audit");
            assertThat(drift.exitCode()).as(drift.err()).isZero();
            assertThat(drift.err()).contains("ocidiff: warning: baseline buckets covers resource type Bukcet, of which the"
                    + " store holds none (did you mean Bucket?): its drift there is none; if mistyped, 'baseline rm"
                    + " buckets' and set it again").doesNotContain("type Policy");
        }
    }

    /**
     * network moved under prod on day 2: the VCN and the NSG in it, unchanged themselves, entered the baseline's prod
     * with it, which is drift; the security list there, edited that day, shows as its edit.
     */
    @Test
    void resourcesACompartmentMoveTakesIntoTheBaselinesCompartmentsAreDrift(@TempDir Path dir) throws Exception {
        String network = "\"id\": \"ocid1.compartment.oc1..aaaaaaaanetwork\",\n    \"compartmentId\": "
                + "\"ocid1.tenancy.oc1..aaaaaaaafixturetenancy\"";
        JsonNode report = new ObjectMapper().readTree(driftOfProdOnDayTwo(SimHarness.smallFixtureWithCompartments(
                dir.resolve("fixture"), "2026-11-02", compartments -> {
                    assertThat(compartments).contains(network);
                    return compartments.replace(network, network.replace("ocid1.tenancy.oc1..aaaaaaaafixturetenancy",
                            "ocid1.compartment.oc1..aaaaaaaaprod"));
                })));
        assertThat(ReportSchema.validate(report)).isEmpty();
        List<JsonNode> carried = new java.util.ArrayList<>();
        report.path("changes").forEach(c -> {
            if (c.path("caveat").asText().startsWith("its compartment moved")) {
                carried.add(c);
            }
        });
        assertThat(carried).extracting(c -> c.path("displayName").asText()).containsExactlyInAnyOrder("main-vcn",
                "web-nsg");
        assertThat(carried).allSatisfy(c -> {
            assertThat(c.path("kind").asText()).isEqualTo("MOVED");
            assertThat(c.path("caveat").asText()).isEqualTo("its compartment moved into the baseline's compartments,"
                    + " from acme-fixture/network to acme-fixture/prod/network; the resource itself did not change");
        });
        assertThat(report.path("changes")).anySatisfy(c -> assertThat(c.path("displayName").asText())
                .isEqualTo("default-seclist"));
    }

    /** prod renamed on day 2: the baseline's prod is the compartment it named, whose resources stay in it. */
    @Test
    void aBaselinesCompartmentRenamedSinceTakesNothingOutOfIt(@TempDir Path dir) {
        assertThat(driftOfProdOnDayTwo(SimHarness.smallFixtureWithCompartments(dir.resolve("fixture"), "2026-11-02",
                compartments -> compartments.replace("\"name\": \"prod\"", "\"name\": \"production\""))))
                .doesNotContain("its compartment moved").contains("web-2");
    }

    /** The JSON drift of day 2 from a baseline of prod on day 1, {@code fixture}'s first two days snapshotted. */
    private static String driftOfProdOnDayTwo(Path fixture) {
        try (SimHarness sim = SimHarness.replaying(fixture)) {
            String config = sim.writeConfig("").toString();
            for (String day : List.of("2026-11-01", "2026-11-02")) {
                sim.server.source().selectDay(LocalDate.parse(day));
                assertThat(run("--config", config, "snapshot", "--quiet", "--at", day + "T23:59:59Z").exitCode()).isZero();
            }
            assertThat(run("--config", config, "baseline", "set", "prod", "--snapshot", "2026-11-01", "--compartment",
                    "prod").exitCode()).isZero();
            MainTest.Run drift = run("--config", config, "drift", "--baseline", "prod", "--no-audit", "--format", "json");
            assertThat(drift.exitCode()).as(drift.err()).isZero();
            return drift.out();
        }
    }

    /** A suppress rule's compartment misspelt applies to nothing, which only a warning can show. */
    @Test
    void aRuleNamingNoCompartmentOfEitherSnapshotIsWarnedOf() {
        try (SimHarness sim = SimHarness.goldenFixture()) {
            String rule = """
                    rules:
                      suppress:
                        - name: quiet-prod
                          compartment: %s
                          reason: noise
                    """;
            String config = snapshotGoldenDays(sim, rule.formatted("prdo"));
            MainTest.Run typo = run("--config", config, "diff", "--no-audit", "--format", "json");
            assertThat(typo.exitCode()).as(typo.err()).isZero();
            assertThat(typo.err()).contains("ocidiff: warning: suppress rule quiet-prod names compartment prdo, which"
                    + " neither snapshot has, so it applies to nothing here; give an OCID or a path below the tenancy,"
                    + " like prod/app (top level: ");
            MainTest.Run right = run("--config", sim.writeConfig(rule.formatted("prod")).toString(), "diff", "--no-audit",
                    "--format", "json");
            assertThat(right.err()).doesNotContain("quiet-prod");
        }
    }

    /** Snapshots the golden fixture's three days; returns the config file. */
    private static String snapshotGoldenDays(SimHarness sim, String yaml) {
        String config = sim.writeConfig(yaml).toString();
        for (String day : List.of("2026-11-01", "2026-11-02", "2026-11-03")) {
            sim.server.source().selectDay(LocalDate.parse(day));
            assertThat(run("--config", config, "snapshot", "--quiet", "--at", day + "T23:59:59Z").exitCode()).isIn(0, 4);
        }
        return config;
    }

    @Test
    void anUnknownBaselineIsAUsageErrorListingTheKnownOnes() {
        try (SimHarness sim = SimHarness.replaying(COMPLIANCE_FIXTURE)) {
            String config = sim.writeConfig("").toString();
            sim.server.source().selectDay(LocalDate.parse("2026-11-01"));
            assertThat(run("--config", config, "snapshot", "--quiet", "--at", "2026-11-01T23:59:59Z").exitCode()).isZero();
            MainTest.Run r = run("--config", config, "drift", "--baseline", "q4");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err().trim()).isEqualTo("ocidiff: no baseline q4; there are none (ocidiff baseline set NAME)");
        }
    }
}
