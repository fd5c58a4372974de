package io.github.ocidiff.cli;

import static io.github.ocidiff.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import io.github.ocidiff.Immutable;
import io.github.ocidiff.ReportSchema;
import io.github.ocidiff.SimHarness;
import io.github.ocidiff.sim.FaultPlan;
import io.github.ocidiff.sim.FixtureTenancy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** `ocidiff diff` over the handmade fixture's three days, replayed through the simulator. */
class DiffCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BATCH_1 = "ocid1.instance.oc1.eu-frankfurt-1.aaaaaaaainstancef";
    private static final FaultPlan FRANKFURT_DOWN = FaultPlan.none().withDownRegions(Set.of("eu-frankfurt-1"));

    private static String snapshotDays(SimHarness sim) throws Exception {
        return snapshotDays(sim, "2026-11-01", "2026-11-02", "2026-11-03");
    }

    /** Snapshots the nights in order, the simulator replaying each day as the nightly job would see it. */
    private static String snapshotDays(SimHarness sim, String... days) throws Exception {
        String config = sim.writeConfig("").toString();
        for (String day : days) {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.server.baseUrl() + "/_sim/day?date=" + day))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            int code = run("--config", config, "snapshot", "--quiet", "--at", day + "T23:59:59Z").exitCode();
            assertThat(code).isIn(0, 4);
        }
        return config;
    }

    /** The small fixture, in {@code dir}, with batch-1 (eu-frankfurt-1's only resource) gone on 2026-11-02. */
    private static Path batch1GoneOnDayTwo(Path dir) {
        return SimHarness.smallFixtureEdited(dir.resolve("fixture"), "2026-11-02", "eu-frankfurt-1",
                ArrayNode::removeAll);
    }

    /** Day 2026-11-02 taken at {@code at} into {@code sim}'s store by {@code faulty}, whose faults leave it PARTIAL. */
    private static void partialNight(SimHarness sim, SimHarness faulty, String at) {
        faulty.server.source().selectDay(LocalDate.parse("2026-11-02"));
        assertThat(run("--config", faulty.writeConfig("").toString(), "--store", sim.dir.resolve("store/ocidiff")
                .toString(), "snapshot", "--quiet", "--at", at).exitCode()).isEqualTo(4);
    }

    /** Day 2026-11-02 taken again at {@code at}, whole, by {@code sim}. */
    private static void wholeNight(SimHarness sim, String config, String at) {
        sim.server.source().selectDay(LocalDate.parse("2026-11-02"));
        assertThat(run("--config", config, "snapshot", "--quiet", "--at", at).exitCode()).isZero();
    }

    private static JsonNode change(JsonNode report, String ocid) {
        return StreamSupport.stream(report.path("changes").spliterator(), false)
                .filter(c -> c.path("ocid").asText().equals(ocid)).findFirst().orElse(null);
    }

    /** The JSON report of {@code diff --from from --to to}, which exits 0 and keeps to the contract. */
    private static JsonNode report(String config, String from, String to) throws Exception {
        MainTest.Run diff = run("--config", config, "diff", "--from", from, "--to", to, "--format", "json");
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        JsonNode report = JSON.readTree(diff.out());
        assertThat(validate(report)).isEmpty();
        return report;
    }

    private static Set<ValidationMessage> validate(JsonNode report) {
        return ReportSchema.validate(report);
    }

    /**
     * The VCN missing from Search on day 2 and listed again on day 3, as history says REAPPEARED: the report of the
     * third night lists it as created, that being the contract's only kind for it, but says it is back, so that neither
     * its CreatedBy tag nor an old creation is taken to explain it. Across both nights it did not change at all.
     */
    @Test
    void aResourceBackAfterAnAbsenceIsSaidToBeBackNotCreated(@TempDir Path dir) throws Exception {
        String vcn = "ocid1.vcn.oc1.iad.aaaaaaaavcn";
        Path fixture = SimHarness.smallFixtureWithout(dir.resolve("fixture"), "2026-11-02", "us-ashburn-1", vcn);
        try (SimHarness sim = SimHarness.replaying(fixture)) {
            String config = snapshotDays(sim, "2026-11-01", "2026-11-02", "2026-11-03");
            JsonNode back = change(report(config, "2", "3"), vcn);
            assertThat(back.path("kind").asText()).isEqualTo("CREATED");
            assertThat(back.path("caveat").asText()).isEqualTo("back after an absence: snapshot 2 (2026-11-02) was the"
                    + " first not to list it; not created");
            assertThat(back.path("attribution").asText()).as(back.toString()).isEqualTo("NONE");
            assertThat(back.path("actors")).isEmpty();
            assertThat(change(report(config, "1", "3"), vcn)).isNull();
        }
    }

    /**
     * A night with eu-frankfurt-1 down just after midnight, filled at 15:00: what it kept of us-ashburn-1 is as of
     * 00:30, so the changes made there in between show the night after, and Audit is read for them from 00:30, when
     * the data they differ from was collected, not from 15:00, when the fill was taken.
     */
    @Test
    void theNightAfterAFillReadsAuditFromWhenWhatTheFillKeptWasCollected() throws Exception {
        try (SimHarness sim = SimHarness.goldenFixture();
             SimHarness night = SimHarness.start(FixtureTenancy.open(SimHarness.GOLDEN_FIXTURE), FRANKFURT_DOWN)) {
            String config = snapshotDays(sim, "2026-11-01");
            partialNight(sim, night, "2026-11-03T00:30:00Z");
            sim.server.source().selectDay(LocalDate.parse("2026-11-02"));
            assertThat(run("--config", config, "snapshot", "--quiet", "--fill", "--at", "2026-11-03T15:00:00Z")
                    .exitCode()).isZero();
            // The fixture has eu-frankfurt-1 down that day too: PARTIAL, as for the night before.
            sim.server.source().selectDay(LocalDate.parse("2026-11-03"));
            assertThat(run("--config", config, "snapshot", "--quiet", "--at", "2026-11-04T00:30:00Z").exitCode())
                    .isEqualTo(4);

            JsonNode report = report(config, "3", "4");
            // Changed at 13:00-14:00 on 2026-11-03 in us-ashburn-1, by the fixture's Audit events.
            assertThat(change(report, "ocid1.bucket.oc1.iad.aaaaaaaabucket").path("attribution").asText())
                    .isEqualTo("AUDIT");
            assertThat(change(report, "ocid1.policy.oc1..aaaaaaaapolicy").path("attribution").asText())
                    .isEqualTo("AUDIT");
        }
    }

    /**
     * A diff from a PARTIAL snapshot: eu-frankfurt-1 was down the night batch-1 was removed, so that snapshot carried
     * it forward as last collected. The next snapshot collected the region without it: deleted, with a caveat, not
     * left out as unknown; and Audit is read there back to the snapshot that last collected the region, where the
     * event is (23:30, before the PARTIAL snapshot at 00:30).
     */
    @Test
    void aResourceGoneWhileItsRegionWasDownIsDeletedAndAttributedFromWhenTheRegionWasLastCollected(
            @TempDir Path dir) throws Exception {
        batch1GoneWhileFrankfurtWasDown(dir, (sim, night, config) -> {
            JsonNode report = report(config, "2", "3");
            JsonNode deleted = change(report, BATCH_1);
            assertThat(deleted.path("kind").asText()).isEqualTo("DELETED");
            String reason = report.at("/coverage/gaps/0/reason").asText().substring("'from' snapshot: ".length());
            assertThat(deleted.path("caveat").asText()).isEqualTo("eu-frankfurt-1 / ocid1.compartment.oc1..aaaaaaaadev"
                    + " was not fully collected by the 'from' snapshot: " + reason);
            assertThat(deleted.path("attribution").asText()).isEqualTo("AUDIT");
            assertThat(deleted.path("actors").get(0).path("principalName").asText()).isEqualTo("carol@example.com");
            // Rendered again from the evidence kept for the pair: the same actor.
            MainTest.Run again = run("--config", config, "diff", "--from", "2", "--to", "3", "--format", "json");
            assertThat(again.err()).contains("actors from the Audit events kept on");
            assertThat(change(JSON.readTree(again.out()), BATCH_1).path("actors").get(0).path("principalName")
                    .asText()).isEqualTo("carol@example.com");
        });
    }

    /**
     * dev, batch-1's compartment, emptied and deleted on day 2 (OCI deletes only an empty compartment): Identity no
     * longer lists it as active, yet its scope is asked once more, so batch-1 shows deleted, not unknown for good.
     */
    @Test
    void aResourceDeletedWithItsCompartmentShowsDeleted(@TempDir Path dir) throws Exception {
        Path fixture = batch1GoneOnDayTwo(dir);
        ArrayNode compartments = (ArrayNode) JSON.readTree(fixture.resolve("compartments.json").toFile());
        compartments.forEach(c -> {
            if (c.path("name").asText().equals("dev")) {
                ((ObjectNode) c).put("lifecycleState", "DELETED");
            }
        });
        JSON.writeValue(fixture.resolve("days/2026-11-02/compartments.json").toFile(), compartments);
        JSON.writeValue(fixture.resolve("days/2026-11-03/compartments.json").toFile(), compartments);
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(fixture), FaultPlan.none())) {
            String config = sim.writeConfig("").toString();
            sim.server.source().selectDay(LocalDate.parse("2026-11-01"));
            assertThat(run("--config", config, "snapshot", "--quiet", "--at", "2026-11-01T23:59:59Z").exitCode())
                    .isZero();
            sim.server.source().selectDay(LocalDate.parse("2026-11-02"));
            MainTest.Run second = run("--config", config, "snapshot", "--quiet", "--at", "2026-11-02T23:59:59Z");
            assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
            assertThat(second.out()).contains("1 compartment no longer active held resources at the last snapshot:"
                    + " asked once more, 0 resources still listed");
            sim.server.source().selectDay(LocalDate.parse("2026-11-03"));
            assertThat(run("--config", config, "snapshot", "--quiet", "--at", "2026-11-03T23:59:59Z").out())
                    .doesNotContain("no longer active");

            JsonNode report = report(config, "1", "2");
            assertThat(change(report, BATCH_1).path("kind").asText()).isEqualTo("DELETED");
            assertThat(change(report, BATCH_1).path("compartmentPath").asText()).endsWith("/dev");
            assertThat(report.at("/coverage/complete").asBoolean()).isTrue();
            JsonNode next = report(config, "2", "3");
            // Day 3 has eu-frankfurt-1 down: gaps, but none in dev, which held nothing after day 2.
            assertThat(next.at("/coverage/gaps").toString()).doesNotContain("aaaaaaaadev");
            assertThat(change(next, BATCH_1)).isNull();
        }
    }

    /**
     * Night 2 PARTIAL at 23:00 (eu-frankfurt-1 down), filled at 23:45: the fill took Frankfurt again after carol
     * moved batch-1 there at 23:30, which the report up to the fill attributes. The next night's report, of dave's
     * update on day 3, must not name carol too: Frankfurt's changes since the fill began when the fill took it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"--fill",
            // Narrowed as a user writes it, to the whole tree by the tenancy's name, which the report resolves as the
            // crawl did (it read the recorded tree with a root of no name, so the fill seemed to take nothing again).
            "--region eu-frankfurt-1 --compartment acme-fixture"})
    void aScopeAFillTookAgainIsAttributedFromWhenItWasTaken(String fillArguments, @TempDir Path dir) throws Exception {
        Path fixture = SimHarness.smallFixtureEdited(dir.resolve("fixture"), "2026-11-02", "eu-frankfurt-1", items -> {
        });
        ArrayNode frankfurt = (ArrayNode) JSON.readTree(fixture.resolve("days/2026-11-02/resources/eu-frankfurt-1.json")
                .toFile());
        ((ObjectNode) frankfurt.get(0)).put("displayName", "batch-1b");
        JSON.writeValue(fixture.resolve("days/2026-11-03/resources/eu-frankfurt-1.json").toFile(), frankfurt);
        ArrayNode moved = (ArrayNode) JSON.readTree(fixture.resolve("days/2026-11-02/audit/eu-frankfurt-1.json").toFile());
        ObjectNode update = moved.get(0).deepCopy();
        update.put("eventType", "com.oraclecloud.computeApi.UpdateInstance").put("eventId", "evt-update-batch-1")
                .put("eventTime", "2026-11-03T10:00:00.000Z");
        ((ObjectNode) update.path("data")).put("eventName", "UpdateInstance");
        ((ObjectNode) update.path("data").path("identity")).put("principalName", "dave@example.com");
        ((ObjectNode) update.path("data").path("request")).put("action", "PUT");
        JSON.writeValue(fixture.resolve("days/2026-11-03/audit/eu-frankfurt-1.json").toFile(), List.of(update));
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(fixture), FaultPlan.none());
             SimHarness night = SimHarness.start(FixtureTenancy.open(fixture), FRANKFURT_DOWN)) {
            String config = snapshotDays(sim, "2026-11-01");
            partialNight(sim, night, "2026-11-02T23:00:00Z");
            sim.server.source().selectDay(LocalDate.parse("2026-11-02"));
            List<String> fillCommand = new ArrayList<>(List.of("--config", config, "snapshot", "--quiet", "--at",
                    "2026-11-02T23:45:00Z"));
            fillCommand.addAll(List.of(fillArguments.split(" ")));
            MainTest.Run fill = run(fillCommand.toArray(String[]::new));
            assertThat(fill.exitCode()).as(fill.out() + fill.err()).isZero();
            sim.server.source().selectDay(LocalDate.parse("2026-11-03"));
            assertThat(run("--config", config, "snapshot", "--quiet", "--at", "2026-11-03T23:59:59Z").exitCode())
                    .isZero();

            JsonNode upToFill = report(config, "2026-11-01", "2026-11-02");
            assertThat(upToFill.at("/to/status").asText()).isEqualTo("COMPLETE");
            assertThat(change(upToFill, BATCH_1).path("actors").findValuesAsText("principalName"))
                    .containsExactly("carol@example.com");
            JsonNode next = report(config, "2026-11-02", "2026-11-03");
            assertThat(change(next, BATCH_1).path("kind").asText()).isEqualTo("MODIFIED");
            assertThat(change(next, BATCH_1).path("actors").findValuesAsText("principalName"))
                    .containsExactly("dave@example.com");
        }
    }

    /** The small fixture in {@code dir} whose compartment {@code name} is under {@code parent} from day 2 on. */
    private static Path reparentedOnDayTwo(Path dir, String name, String parent) {
        return SimHarness.smallFixtureWithCompartments(dir.resolve("fixture"), "2026-11-02", tree -> {
            try {
                ArrayNode compartments = (ArrayNode) JSON.readTree(tree);
                compartments.forEach(c -> {
                    if (c.path("name").asText().equals(name)) {
                        ((ObjectNode) c).put("compartmentId", parent);
                    }
                });
                return JSON.writeValueAsString(compartments);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Nights 1 and 2 of {@code sim} with the configuration covering prod alone; the config's path. */
    private static String prodOnlyNights(SimHarness sim) throws Exception {
        String config = sim.writeConfig("compartments:\n  include: [prod]\n").toString();
        for (String day : List.of("2026-11-01", "2026-11-02")) {
            sim.server.source().selectDay(LocalDate.parse(day));
            MainTest.Run night = run("--config", config, "snapshot", "--quiet", "--at", day + "T23:59:59Z");
            assertThat(night.exitCode()).as(night.out() + night.err()).isZero();
        }
        return config;
    }

    /**
     * The configuration covers prod alone, and on day 2 prod/app moved under network, taking web-1 out of the plan:
     * no longer looked at, yet neither deleted nor unknown. No change, no gap, a warning naming the compartment and
     * what it held; its history says it left the plan.
     */
    @Test
    void aCompartmentMovedOutOfThePlanTakesItsResourcesWithAWarningNotAGap(@TempDir Path dir) throws Exception {
        String web1 = "ocid1.instance.oc1.iad.aaaaaaaainstancea";
        String web9 = "ocid1.instance.oc1.iad.aaaaaaaaweb9";
        Path fixture = reparentedOnDayTwo(dir, "app", "ocid1.compartment.oc1..aaaaaaaanetwork");
        // web-9, also in app on day 1, moved to prod the night app left: it stayed in the plan, so did not leave (app
        // took web-1 and web-8).
        // web-8 stays in app, running, all three days.
        String web8 = "ocid1.instance.oc1.iad.aaaaaaaaweb8";
        for (String day : List.of("2026-11-01", "2026-11-02", "2026-11-03")) {
            Path file = fixture.resolve("days/" + day + "/resources/us-ashburn-1.json");
            ArrayNode items = (ArrayNode) JSON.readTree(file.toFile());
            ObjectNode web1Item = (ObjectNode) JSON.readTree(SimHarness.SMALL_FIXTURE
                    .resolve("days/2026-11-01/resources/us-ashburn-1.json").toFile()).get(0);
            if (!day.endsWith("03")) {
                items.add(web1Item.deepCopy().put("identifier", web9).put("displayName", "web-9").put("compartmentId",
                        day.endsWith("01") ? "ocid1.compartment.oc1..aaaaaaaaprodapp" : "ocid1.compartment.oc1..aaaaaaaaprod"));
            }
            items.add(web1Item.deepCopy().put("identifier", web8).put("displayName", "web-8"));
            JSON.writeValue(file.toFile(), items);
        }
        Files.copy(fixture.resolve("compartments.json"), fixture.resolve("days/2026-11-03/compartments.json"));
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(fixture), FaultPlan.none())) {
            String config = prodOnlyNights(sim);

            MainTest.Run diff = run("--config", config, "diff", "--from", "1", "--to", "2", "--format", "json");
            assertThat(diff.exitCode()).as(diff.err()).isZero();
            JsonNode report = JSON.readTree(diff.out());
            assertThat(validate(report)).isEmpty();
            assertThat(change(report, web1)).isNull();
            assertThat(change(report, web9).path("kind").asText()).isEqualTo("MOVED");
            assertThat(report.at("/coverage/complete").asBoolean()).as(report.at("/coverage").toString()).isTrue();
            assertThat(report.at("/coverage/gaps")).isEmpty();
            assertThat(diff.err()).contains("compartment acme-fixture/network/app (until then acme-fixture/prod/app) left"
                    + " the plan (the configuration does not cover it now): its 2 resources in us-ashburn-1 are not"
                    + " reported deleted, and left out from now on");
            MainTest.Run history = run("--config", config, "history", web1);
            assertThat(history.exitCode()).as(history.err()).isZero();
            assertThat(history.out()).contains("out of the plan");

            // Back under prod on day 3: web-8 enters the plan again, neither created nor back from an absence.
            sim.server.source().selectDay(LocalDate.parse("2026-11-03"));
            MainTest.Run third = run("--config", config, "snapshot", "--quiet", "--at", "2026-11-03T23:59:59Z");
            assertThat(third.exitCode()).as(third.out() + third.err()).isIn(0, 4);
            JsonNode back = report(config, "2", "3");
            assertThat(change(back, web8).path("caveat").asText()).isEqualTo("us-ashburn-1 /"
                    + " ocid1.compartment.oc1..aaaaaaaaprodapp was not in the 'from' snapshot's plan; created"
                    + " 2026-10-20T10:00:00Z, before 'from': it entered the plan with its scope, not created; the store last"
                    + " held it before snapshot 2 (2026-11-02)");
        }
    }

    /**
     * A baseline of prod/app, which then left the plan (moved under network): its drift is not known any more, so a
     * drift gate cannot pass: a gap, exit 4 with --fail-on-drift.
     */
    @Test
    void aDriftWhoseBaselineLeftThePlanIsIncomplete(@TempDir Path dir) throws Exception {
        Path fixture = reparentedOnDayTwo(dir, "app", "ocid1.compartment.oc1..aaaaaaaanetwork");
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(fixture), FaultPlan.none())) {
            String config = prodOnlyNights(sim);
            assertThat(run("--config", config, "baseline", "set", "app", "--snapshot", "1", "--compartment",
                    "prod/app").exitCode()).isZero();

            MainTest.Run drift = run("--config", config, "drift", "--baseline", "app", "--at", "2026-11-02",
                    "--fail-on-drift", "--format", "json");

            assertThat(drift.exitCode()).as(drift.err()).isEqualTo(4);
            JsonNode report = JSON.readTree(drift.out());
            assertThat(report.at("/coverage/complete").asBoolean()).isFalse();
            // App in both regions: web-1 left with it from us-ashburn-1, nothing from eu-frankfurt-1.
            assertThat(report.at("/coverage/gaps")).hasSize(2).allSatisfy(gap -> {
                assertThat(gap.path("compartmentId").asText()).isEqualTo("ocid1.compartment.oc1..aaaaaaaaprodapp");
                assertThat(gap.path("reason").asText()).startsWith("'to' snapshot: not in its plan, which it left");
            });
            assertThat(report.at("/coverage/gaps/0/region").asText()).isEqualTo("eu-frankfurt-1");
            assertThat(report.at("/coverage/gaps/1/unknownResources").asLong()).isEqualTo(1);
        }
    }

    /**
     * The configuration covers prod alone; web-1 moved from prod/app to dev on day 2 (that night's report: moved, out of
     * the plan), and is not looked for after. A report over both nights, as after a PARTIAL night, says it moved out
     * of the plan, not that it was deleted: it went from the store at night 3, where its last version, in dev, was
     * outside the plan.
     */
    @Test
    void aResourceMovedOutOfThePlanIsMovedNotDeletedInAReportOverSeveralNights(@TempDir Path dir) throws Exception {
        String web1 = "ocid1.instance.oc1.iad.aaaaaaaainstancea";
        Path fixture = SimHarness.copyOf(SimHarness.SMALL_FIXTURE, dir.resolve("fixture"));
        for (String day : List.of("2026-11-02", "2026-11-03")) {
            Path file = fixture.resolve("days/" + day + "/resources/us-ashburn-1.json");
            ArrayNode items = (ArrayNode) JSON.readTree(file.toFile());
            items.forEach(item -> {
                if (item.path("identifier").asText().equals(web1)) {
                    ((ObjectNode) item).put("compartmentId", "ocid1.compartment.oc1..aaaaaaaadev");
                }
            });
            JSON.writeValue(file.toFile(), items);
        }
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(fixture), FaultPlan.none())) {
            String config = prodOnlyNights(sim);
            sim.server.source().selectDay(LocalDate.parse("2026-11-03"));
            assertThat(run("--config", config, "snapshot", "--quiet", "--at", "2026-11-03T23:59:59Z").exitCode())
                    .isIn(0, 4);

            assertThat(change(report(config, "1", "2"), web1).path("kind").asText()).isEqualTo("MOVED");
            JsonNode over = change(report(config, "1", "3"), web1);
            assertThat(over.path("kind").asText()).as(over.toString()).isEqualTo("MOVED");
            assertThat(over.path("compartmentPath").asText()).isEqualTo("acme-fixture/dev");
            assertThat(over.path("caveat").asText()).endsWith("out of the plan from snapshot 3: not listed since, where"
                    + " the configuration does not look");
        }
    }

    /**
     * The configuration covers prod alone, and on day 2 network moved under prod: its VCN, security list and NSG,
     * made in September, entered the plan. Listed as the pair first holds them, each says it was not created, and
     * neither their CreatedBy tags nor a gap makes them look new.
     */
    @Test
    void resourcesOfACompartmentMovedIntoThePlanAreSaidToHaveEnteredItNotBeenCreated(@TempDir Path dir)
            throws Exception {
        String vcn = "ocid1.vcn.oc1.iad.aaaaaaaavcn";
        Path fixture = reparentedOnDayTwo(dir, "network", "ocid1.compartment.oc1..aaaaaaaaprod");
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(fixture), FaultPlan.none())) {
            String config = prodOnlyNights(sim);

            JsonNode report = report(config, "1", "2");
            JsonNode entered = change(report, vcn);
            assertThat(entered.path("kind").asText()).isEqualTo("CREATED");
            assertThat(entered.path("caveat").asText()).isEqualTo("us-ashburn-1 / ocid1.compartment.oc1..aaaaaaaanetwork"
                    + " was not in the 'from' snapshot's plan; created 2026-09-01T09:00:00Z, before 'from': it entered"
                    + " the plan with its scope, not created");
            assertThat(entered.path("attribution").asText()).isEqualTo("NONE");
            assertThat(report.at("/coverage/gaps")).isEmpty();
            assertThat(report.at("/coverage/complete").asBoolean()).isTrue();
            MainTest.Run history = run("--config", config, "history", vcn);
            assertThat(history.exitCode()).as(history.err()).isZero();
            assertThat(history.out()).contains("ENTERED THE PLAN  2026-11-02").contains("first listed when its compartment or"
                    + " region entered the plan");
        }
    }

    /** The three nights around batch-1's removal: 1 whole, 2 with eu-frankfurt-1 down (the day it went), 3 whole. */
    private static void batch1GoneWhileFrankfurtWasDown(Path dir, Nights check) throws Exception {
        Path fixture = batch1GoneOnDayTwo(dir);
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(fixture), FaultPlan.none());
             SimHarness night = SimHarness.start(FixtureTenancy.open(fixture), FRANKFURT_DOWN)) {
            String config = snapshotDays(sim, "2026-11-01");
            partialNight(sim, night, "2026-11-03T00:30:00Z");
            wholeNight(sim, config, "2026-11-04T00:30:00Z");
            check.check(sim, night, config);
        }
    }

    /** What a test checks of nights taken: {@code night} is the simulator with eu-frankfurt-1 down. */
    private interface Nights {
        void check(SimHarness sim, SimHarness night, String config) throws Exception;
    }

    /**
     * batch-1 moved from dev into prod the night prod's Search failed: that snapshot carried it forward in dev. The
     * next one finds it in prod, and its move (Audit logs it in prod, at 23:30, before the PARTIAL snapshot) is read
     * back to the snapshot that last collected prod, by the diff and by history.
     */
    @Test
    void aMoveIntoACompartmentNotCollectedThatNightIsAttributedByDiffAndHistory() throws Exception {
        FaultPlan prodFails = FaultPlan.none().withFailingCompartment("ocid1.compartment.oc1..aaaaaaaaprod", 0);
        try (SimHarness sim = SimHarness.smallFixture();
             SimHarness night = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), prodFails)) {
            String config = snapshotDays(sim, "2026-11-01");
            partialNight(sim, night, "2026-11-03T00:30:00Z");
            wholeNight(sim, config, "2026-11-04T00:30:00Z");

            JsonNode moved = change(JSON.readTree(run("--config", config, "diff", "--from", "2", "--to", "3").out()),
                    BATCH_1);
            assertThat(moved.path("kind").asText()).isEqualTo("MOVED");
            assertThat(moved.path("actors").get(0).path("principalName").asText()).isEqualTo("carol@example.com");
            MainTest.Run history = run("--config", config, "history", BATCH_1);
            assertThat(history.exitCode()).as(history.err()).isZero();
            assertThat(history.out().substring(history.out().indexOf("MOVED"))).contains("carol@example.com");
        }
    }

    /**
     * A diff of a night eu-frankfurt-1 was down keeps the events of its own changes: none there, where batch-1 moved
     * at 23:30. A later diff over that night from the night before reads that stretch again rather than take what
     * was kept as all its window held.
     */
    @Test
    void evidenceKeptForANightThatMissedARegionIsReadAgainByALongerDiff() throws Exception {
        try (SimHarness sim = SimHarness.smallFixture();
             SimHarness night = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), FRANKFURT_DOWN)) {
            String config = snapshotDays(sim, "2026-11-01");
            partialNight(sim, night, "2026-11-02T23:59:59Z");
            assertThat(run("--config", config, "diff").exitCode()).isZero();
            wholeNight(sim, config, "2026-11-03T23:59:59Z");

            JsonNode moved = change(JSON.readTree(run("--config", config, "diff", "--from", "1", "--to", "3").out()),
                    BATCH_1);

            assertThat(moved.path("kind").asText()).isEqualTo("MOVED");
            assertThat(moved.path("actors").get(0).path("principalName").asText()).isEqualTo("carol@example.com");
        }
    }

    /**
     * batch-1 went on 2026-11-02, a night that collected eu-frankfurt-1; the next night the region was down. A diff
     * to that night still has it deleted, as the nightly report had it, not unknown.
     */
    @Test
    void aResourceThatWentBeforeANightItsRegionWasDownStaysDeletedInADiffToThatNight(@TempDir Path dir)
            throws Exception {
        Path fixture = batch1GoneOnDayTwo(dir);
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(fixture), FaultPlan.none());
             SimHarness night = SimHarness.start(FixtureTenancy.open(fixture), FRANKFURT_DOWN)) {
            String config = snapshotDays(sim, "2026-11-01", "2026-11-02");
            partialNight(sim, night, "2026-11-03T23:59:59Z");

            JsonNode report = JSON.readTree(run("--config", config, "diff", "--from", "1", "--to", "3", "--no-audit")
                    .out());

            assertThat(change(report, BATCH_1).path("kind").asText()).isEqualTo("DELETED");
            assertThat(report.path("coverage").path("complete").asBoolean()).isFalse();
        }
    }

    /**
     * A diff made while Audit failed everywhere (a laptop off the VPN, Audit down) keeps the pair's evidence with
     * its failures; a later diff reads Audit again rather than take that evidence as the pair's last word.
     */
    @Test
    void evidenceKeptWhileAuditFailedIsReadAgainByTheNextDiff() throws Exception {
        FaultPlan down = FaultPlan.none().withDownRegions(Set.of("us-ashburn-1", "eu-frankfurt-1"));
        try (SimHarness sim = SimHarness.smallFixture();
             SimHarness offline = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), down)) {
            String config = snapshotDays(sim, "2026-11-01", "2026-11-02");
            String store = sim.dir.resolve("store/ocidiff").toString();
            String created = "ocid1.instance.oc1.iad.aaaaaaaainstancec";
            MainTest.Run failing = run("--config", offline.writeConfig("").toString(), "--store", store, "diff");
            assertThat(failing.err()).contains("Audit could not be read");
            assertThat(change(JSON.readTree(failing.out()), created).path("attribution").asText()).isNotEqualTo("AUDIT");

            MainTest.Run again = run("--config", config, "diff");
            assertThat(again.err()).isEmpty();
            JsonNode report = JSON.readTree(again.out());
            assertThat(change(report, created).path("actors").get(0).path("principalName").asText())
                    .isEqualTo("bob@example.com");
            // Kept now without failures: the next report renders from it, Audit not called again.
            assertThat(run("--config", offline.writeConfig("").toString(), "--store", store, "diff").err())
                    .contains("actors from the Audit events kept on").doesNotContain("could not be read");
        }
    }

    /** --out as users write it: a folder by its slash, a file name that cannot hold several formats, a file in the way. */
    @Test
    void outIsAFolderByItsSlashAndNeverAFileNameTurnedFolder() throws Exception {
        try (SimHarness sim = SimHarness.smallFixture()) {
            String config = snapshotDays(sim, "2026-11-01", "2026-11-02");
            java.nio.file.Path dir = sim.dir;
            MainTest.Run slash = run("--config", config, "diff", "--no-audit", "--format", "md", "--out",
                    dir.resolve("outy") + "/");
            assertThat(slash.exitCode()).isZero();
            assertThat(dir.resolve("outy/report.md")).isRegularFile();

            MainTest.Run named = run("--config", config, "diff", "--no-audit", "--format", "json,md", "--out",
                    dir.resolve("r.json").toString());
            assertThat(named.exitCode()).isEqualTo(2);
            assertThat(named.err()).startsWith("ocidiff: --out " + dir.resolve("r.json") + " names a file, and 2 formats"
                    + " need a folder to go into;");
            assertThat(dir.resolve("r.json")).doesNotExist();

            java.nio.file.Files.writeString(dir.resolve("afile"), "x");
            MainTest.Run below = run("--config", config, "diff", "--no-audit", "--out", dir.resolve("afile/r.json")
                    .toString());
            assertThat(below.exitCode()).isEqualTo(2);
            assertThat(below.err()).endsWith("ocidiff: cannot write the report " + dir.resolve("afile/r.json") + ": "
                    + dir.resolve("afile") + " is a file, not a folder; write it elsewhere\n");

            // A format name left out is told, not read as no --format (which wrote JSON).
            for (String formats : List.of(",,", "md,", ",")) {
                MainTest.Run empty = run("--config", config, "diff", "--no-audit", "--format", formats);
                assertThat(empty.exitCode()).isEqualTo(2);
                assertThat(empty.out()).isEmpty();
                assertThat(empty.err()).isEqualTo("ocidiff: --format " + formats + ": a format name is missing; use json,"
                        + " html, md or csv, several separated by commas (--format html,md)\n");
            }
        }
    }

    @Test
    void dayOneToDayTwoReportsEachKindPropertyByPropertyInTheContractsShape() throws Exception {
        try (SimHarness sim = SimHarness.smallFixture()) {
            String config = snapshotDays(sim, "2026-11-01", "2026-11-02");
            MainTest.Run r = run("--config", config, "diff", "--from", "2026-11-01", "--to", "2026-11-02");
            assertThat(r.err()).isEmpty();
            JsonNode report = JSON.readTree(r.out());
            assertThat(validate(report)).isEmpty();
            assertThat(validate(JSON.readTree("{\"schemaVersion\": 1, \"changes\": [{\"kind\": \"GONE\"}]}"))).isNotEmpty();
            assertThat(report.path("summary").toString())
                    .isEqualTo("{\"created\":1,\"deleted\":0,\"modified\":2,\"moved\":1,\"transient\":0,\"unattributed\":1,\"suppressed\":0,\"waived\":0}");

            // The launch event (the new OCID in its response payload), not the read that followed it.
            JsonNode created = change(report, "ocid1.instance.oc1.iad.aaaaaaaainstancec");
            assertThat(created.path("kind").asText()).isEqualTo("CREATED");
            assertThat(created.path("attribution").asText()).isEqualTo("AUDIT");
            assertThat(created.path("actors")).hasSize(1);
            assertThat(created.path("actors").get(0).path("principalName").asText()).isEqualTo("bob@example.com");
            assertThat(created.path("actors").get(0).path("eventName").asText()).isEqualTo("LaunchInstance");

            JsonNode retagged = change(report, "ocid1.instance.oc1.iad.aaaaaaaainstancea");
            assertThat(retagged.path("kind").asText()).isEqualTo("MODIFIED");
            assertThat(retagged.path("properties").toString())
                    .isEqualTo("[{\"path\":\"/freeformTags/owner\",\"before\":null,\"after\":\"web-team\"}]");

            JsonNode moved = change(report, "ocid1.instance.oc1.eu-frankfurt-1.aaaaaaaainstancef");
            assertThat(moved.path("kind").asText()).isEqualTo("MOVED");
            assertThat(moved.path("previousCompartmentId").asText()).isEqualTo("ocid1.compartment.oc1..aaaaaaaadev");
            assertThat(moved.path("compartmentId").asText()).isEqualTo("ocid1.compartment.oc1..aaaaaaaaprod");
            assertThat(moved.path("actors").get(0).path("principalName").asText()).isEqualTo("carol@example.com");

            JsonNode rule = change(report, "ocid1.securitylist.oc1.iad.aaaaaaaaseclist");
            assertThat(rule.path("properties").toString()).contains("/details/ingressSecurityRules/").contains("0.0.0.0/0");
            // Reordered policy statements and NSG rules are no change.
            assertThat(change(report, "ocid1.policy.oc1..aaaaaaaapolicy")).isNull();
            assertThat(change(report, "ocid1.networksecuritygroup.oc1.iad.aaaaaaaansg")).isNull();
            assertThat(report.path("coverage").path("complete").asBoolean()).isTrue();
        }
    }

    @Test
    void aTerminatedInstanceIsDeletedAndTheDownRegionIsAGapNotADeletion() throws Exception {
        try (SimHarness sim = SimHarness.smallFixture()) {
            String config = snapshotDays(sim);
            MainTest.Run r = run("--config", config, "diff");
            JsonNode report = JSON.readTree(r.out());
            assertThat(validate(report)).isEmpty();
            assertThat(report.path("to").path("status").asText()).isEqualTo("PARTIAL");
            assertThat(change(report, "ocid1.instance.oc1.iad.aaaaaaaainstancea").path("kind").asText()).isEqualTo("DELETED");
            assertThat(change(report, "ocid1.instance.oc1.eu-frankfurt-1.aaaaaaaainstancef")).isNull();
            assertThat(report.path("coverage").path("complete").asBoolean()).isFalse();
            assertThat(report.path("coverage").path("gaps").toString()).contains("eu-frankfurt-1");
            JsonNode policy = change(report, "ocid1.policy.oc1..aaaaaaaapolicy");
            assertThat(policy.path("properties").toString()).contains("manage objects in compartment prod");
            JsonNode bucket = change(report, "ocid1.bucket.oc1.iad.aaaaaaaabucket");
            assertThat(bucket.path("properties").toString())
                    .contains("{\"path\":\"/details/publicAccessType\",\"before\":\"NoPublicAccess\",\"after\":\"ObjectRead\"}");
        }
    }

    /**
     * The nightly report past a PARTIAL night compares with the COMPLETE snapshot before it and keeps its events for that
     * pair (1 -> 3). A later report of the night after the PARTIAL one (2 -> 3) lies within that pair: where Audit does
     * not answer (eu-frankfurt-1 down again here; offline, or past Audit's retention), the events kept for 1 -> 3 still
     * name who deleted batch-1, read back for the scope 2 did not collect.
     */
    @Test
    void aReportWithinAWiderPairKeptUsesItsEventsWhereAuditDoesNotAnswer(@TempDir Path dir) throws Exception {
        batch1GoneWhileFrankfurtWasDown(dir, (sim, night, config) -> {
            assertThat(change(report(config, "1", "3"), BATCH_1).path("actors").get(0).path("principalName").asText())
                    .isEqualTo("carol@example.com");

            MainTest.Run auditDown = run("--config", night.writeConfig("").toString(), "--store",
                    sim.dir.resolve("store/ocidiff").toString(), "diff", "--from", "2", "--to", "3", "--format", "json");
            assertThat(auditDown.exitCode()).isZero();
            assertThat(auditDown.err()).contains("actors from the Audit events kept for 1 earlier report")
                    .contains("Audit could not be read for");
            JsonNode deleted = change(JSON.readTree(auditDown.out()), BATCH_1);
            assertThat(deleted.path("attribution").asText()).isEqualTo("AUDIT");
            assertThat(deleted.path("actors").get(0).path("principalName").asText()).isEqualTo("carol@example.com");
        });
    }

    /**
     * Search lists resources ten hours after their creation: instance-c, launched by bob at 14:05 on 2026-11-02, is not
     * in that night's snapshot but in the next one. Its creation shows in the diff of the third night, before whose
     * window bob's event lies: it is read around the instance's timeCreated, which attributes it, and says why.
     */
    @Test
    void aResourceSearchListedOnlyTheNightAfterItsCreationIsAttributedToItsCreator() throws Exception {
        String instanceC = "ocid1.instance.oc1.iad.aaaaaaaainstancec";
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE),
                FaultPlan.none().withIndexLag(java.time.Duration.ofHours(10)))) {
            String config = snapshotDays(sim);

            JsonNode second = report(config, "1", "2");
            assertThat(change(second, instanceC)).isNull();
            assertThat(second.path("transient").toString()).doesNotContain(instanceC);
            JsonNode created = change(report(config, "2", "3"), instanceC);
            assertThat(created.path("kind").asText()).isEqualTo("CREATED");
            assertThat(created.path("attribution").asText()).isEqualTo("AUDIT");
            assertThat(created.path("actors")).singleElement().satisfies(actor -> {
                assertThat(actor.path("principalName").asText()).isEqualTo("bob@example.com");
                assertThat(actor.path("eventName").asText()).isEqualTo("LaunchInstance");
            });
            assertThat(created.path("caveat").asText()).startsWith("created 2026-11-02T14:05:00Z, before this diff's"
                    + " Audit window: Resource Search did not list it yet when the 'from' snapshot was taken");
            // The resource's history shows the event the report kept, though it is of the night before.
            MainTest.Run history = run("--config", config, "history", instanceC);
            assertThat(history.exitCode()).isZero();
            assertThat(history.out()).contains("bob@example.com");
        }
    }

    /**
     * A store this user may not write (the service user's, or on a read-only mount; here a file made immutable): the
     * report is made all the same, Audit read for it, and only the events that attributed it are not kept.
     */
    @Test
    void aStoreThisUserMayNotWriteStillGivesReports() throws Exception {
        try (SimHarness sim = SimHarness.smallFixture()) {
            String config = snapshotDays(sim, "2026-11-01", "2026-11-02");
            Path file = sim.dir.resolve("store/ocidiff.mv.db");
            assumeTrue(Immutable.set(file, true), "chattr +i is not available here");
            MainTest.Run readOnly;
            try {
                readOnly = run("--config", config, "diff", "--format", "json");
            } finally {
                Immutable.set(file, false);
            }
            assertThat(readOnly.exitCode()).isZero();
            assertThat(readOnly.err()).contains("warning: the store is read-only to this user: the Audit events that"
                    + " attributed this report were not kept");
            JsonNode report = JSON.readTree(readOnly.out());
            assertThat(change(report, "ocid1.instance.oc1.iad.aaaaaaaainstancea").path("attribution").asText())
                    .isEqualTo("AUDIT");

            MainTest.Run again = run("--config", config, "diff", "--format", "json");
            assertThat(again.err()).doesNotContain("read-only").doesNotContain("Audit events kept");
            assertThat(JSON.readTree(again.out()).path("changes")).isEqualTo(report.path("changes"));
        }
    }

    /** `--to` alone compares that snapshot with the one before it, not with the one before the latest. */
    @Test
    void toAloneComparesWithTheSnapshotBeforeIt() throws Exception {
        try (SimHarness sim = SimHarness.smallFixture()) {
            String config = snapshotDays(sim);
            MainTest.Run second = run("--config", config, "diff", "--to", "2", "--format", "json");
            assertThat(second.exitCode()).as(second.err()).isZero();
            JsonNode report = JSON.readTree(second.out());
            assertThat(report.at("/from/snapshotId").asLong()).isEqualTo(1);
            assertThat(report.at("/to/snapshotId").asLong()).isEqualTo(2);

            MainTest.Run first = run("--config", config, "diff", "--to", "1");
            assertThat(first.exitCode()).isEqualTo(2);
            assertThat(first.err()).startsWith("ocidiff: --to 1 is the store's oldest usable snapshot, 1 (2026-11-01,"
                    + " COMPLETE): nothing older to compare it with; name a later one");
        }
    }

    @Test
    void anUnknownDateListsTheNearestSnapshots() throws Exception {
        try (SimHarness sim = SimHarness.smallFixture()) {
            String config = snapshotDays(sim);
            MainTest.Run r = run("--config", config, "diff", "--from", "2026-10-30");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("--from 2026-10-30: no such snapshot; nearest: 1 (2026-11-01, COMPLETE)");
        }
    }
}
