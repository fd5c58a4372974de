package io.github.ocidiff.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ocidiff.SimHarness;
import io.github.ocidiff.oci.Authenticator;
import io.github.ocidiff.oci.OciClients;
import io.github.ocidiff.sim.FaultPlan;
import io.github.ocidiff.sim.FixtureTenancy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The crawler against the simulator through the real SDK, into an in-memory writer. */
class CrawlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The ResourceSummary fields the SDK model carries; others do not survive the SDK's deserialisation. */
    private static final Set<String> SDK_FIELDS = Set.of("resourceType", "identifier", "compartmentId", "timeCreated",
            "displayName", "availabilityDomain", "lifecycleState", "freeformTags", "definedTags", "systemTags",
            "identityContext", "additionalDetails", "searchContext");

    private static RecordingWriter crawl(SimHarness sim, List<String> regions, List<String> compartments) {
        var config = sim.config();
        try (OciClients clients = new OciClients(new Authenticator(sim.dir).authenticate(config.auth()), config.oci())) {
            Crawler crawler = new Crawler(clients, 4);
            CrawlPlan plan = crawler.plan(regions, List.of(), compartments, List.of());
            RecordingWriter writer = new RecordingWriter();
            crawler.collect(plan, writer, CrawlProgress.NONE);
            return writer;
        }
    }

    /** The fixture's resources of one day, canonicalised as the crawler must see them. */
    private static Map<String, CanonicalResource> expected(String day) throws IOException {
        Map<String, CanonicalResource> expected = new HashMap<>();
        for (String region : List.of("us-ashburn-1", "eu-frankfurt-1")) {
            JsonNode items = JSON.readTree(SimHarness.SMALL_FIXTURE.resolve("days/" + day + "/resources/" + region + ".json").toFile());
            for (JsonNode item : items) {
                ObjectNode copy = ((ObjectNode) item).deepCopy();
                copy.retain(SDK_FIELDS);
                CanonicalResource r = Canonicalizer.of(copy, region);
                expected.put(r.ocid(), r);
            }
        }
        return expected;
    }

    @Test
    void aMultiRegionNestedFixtureIsCollectedExactly() throws IOException {
        try (SimHarness sim = SimHarness.smallFixture()) {
            sim.server.source().selectDay(LocalDate.parse("2026-11-02"));
            RecordingWriter writer = crawl(sim, List.of(), List.of());
            assertThat(writer.declared).hasSize(2 * 5);
            assertThat(writer.coverage).allMatch(ScopeCoverage::ok).hasSize(10);
            assertThat(writer.resources).isEqualTo(expected("2026-11-02"));
            assertThat(writer.commit().status()).isEqualTo(SnapshotStatus.COMPLETE);
        }
    }

    @Test
    void aRegionDownFailsItsScopesWithTheReasonAndKeepsTheOthers() throws IOException {
        try (SimHarness sim = SimHarness.smallFixture()) {
            sim.server.source().selectDay(LocalDate.parse("2026-11-03"));
            RecordingWriter writer = crawl(sim, List.of(), List.of());
            assertThat(writer.coverage).filteredOn(c -> !c.ok()).hasSize(5)
                    .allSatisfy(c -> {
                        assertThat(c.scope().region()).isEqualTo("eu-frankfurt-1");
                        assertThat(c.error()).containsAnyOf("503 ServiceUnavailable", "last answer: HTTP 503 Service Unavailable");
                    });
            assertThat(writer.resources.values()).allMatch(r -> r.region().equals("us-ashburn-1")).hasSize(7);
            assertThat(writer.commit().status()).isEqualTo(SnapshotStatus.PARTIAL);
        }
    }

    @Test
    void regionAndCompartmentSelectionsNarrowTheScopes() {
        try (SimHarness sim = SimHarness.smallFixture()) {
            RecordingWriter writer = crawl(sim, List.of("us-ashburn-1"), List.of("prod"));
            assertThat(writer.declared).containsExactlyInAnyOrder(
                    new Scope("us-ashburn-1", "ocid1.compartment.oc1..aaaaaaaaprod"),
                    new Scope("us-ashburn-1", "ocid1.compartment.oc1..aaaaaaaaprodapp"));
            assertThat(writer.resources).containsOnlyKeys("ocid1.instance.oc1.iad.aaaaaaaainstancea", "ocid1.bucket.oc1.iad.aaaaaaaabucket");
        }
    }

    @Test
    void aCompartmentFailingMidwayIsAGapWhileThrottlingIsRetriedAway() {
        FaultPlan faults = FaultPlan.none().withSeed(11).withThrottling(0.3, 0)
                .withFailingCompartment("ocid1.compartment.oc1..aaaaaaaaprodapp", 0);
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), faults)) {
            RecordingWriter writer = crawl(sim, List.of(), List.of());
            assertThat(writer.coverage).filteredOn(c -> !c.ok())
                    .extracting(c -> c.scope().compartmentId()).containsOnly("ocid1.compartment.oc1..aaaaaaaaprodapp");
            assertThat(writer.coverage).filteredOn(ScopeCoverage::ok).hasSize(8);
        }
    }
}
