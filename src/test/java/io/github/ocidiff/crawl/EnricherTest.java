package io.github.ocidiff.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ocidiff.SimHarness;
import io.github.ocidiff.oci.Authenticator;
import io.github.ocidiff.oci.OciClients;
import io.github.ocidiff.sim.FaultPlan;
import io.github.ocidiff.sim.FixtureTenancy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * When the compartment's LIST of a type it shows in full was taken matters: one begun before a resource's page was
 * read may not show it yet, one begun after that does not show it settles that it is gone.
 */
class EnricherTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION = "us-ashburn-1";
    private static final String POLICY = "ocid1.policy.oc1..aaaaaaaapolicy";
    private static final String NEW_POLICY = "ocid1.policy.oc1..aaaaaaaanewpolicy";

    /**
     * The small fixture with a second policy in the root compartment from its second day: a crawl that listed the
     * compartment's policies on the first day reads the new one from a LIST taken again, not with a GET, so a caller
     * who may only inspect policies gets it too.
     */
    @ParameterizedTest(name = "read denied: {0}")
    @ValueSource(booleans = {false, true})
    void aResourceNewerThanItsCompartmentsListIsReadFromANewOne(boolean readDenied, @TempDir Path dir) throws IOException {
        SimHarness.smallFixtureEdited(dir, "2026-11-02", REGION, items -> items.add(newPolicy(items)));
        FaultPlan faults = readDenied ? FaultPlan.none().withReadDenied(Set.of("Policy")) : FaultPlan.none();
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(dir), faults);
             OciClients clients = clients(sim)) {
            sim.server.source().selectDay(LocalDate.parse("2026-11-01"));
            Enricher enricher = new Enricher(clients, List.of("Policy"));
            CanonicalResource policy = searched(clients, POLICY);
            long before = sim.server.requestCount();
            assertThat(enricher.enrich(policy, System.nanoTime())).get()
                    .satisfies(r -> assertThat(r.json()).contains("\"statements\":"));

            sim.server.source().selectDay(LocalDate.parse("2026-11-02"));
            CanonicalResource added = searched(clients, NEW_POLICY);
            long searches = sim.server.searchRequestCount();
            Optional<CanonicalResource> enriched = enricher.enrich(added, System.nanoTime());
            assertThat(enriched).get().satisfies(r -> assertThat(JSON.readTree(r.json()).at("/details/statements/0")
                    .asText()).isEqualTo("Allow group auditors to inspect all-resources in tenancy"));
            // Two LISTs of the root compartment's policies, no GET (and the one Search between them).
            assertThat(sim.server.requestCount() - before - 1).isEqualTo(2);
            assertThat(sim.server.searchRequestCount()).isEqualTo(searches);
        }
    }

    /** A resource a LIST begun after its page was read does not show is read with its GET: gone, it is left out. */
    @ParameterizedTest(name = "read denied: {0}")
    @ValueSource(booleans = {false, true})
    void aResourceALaterListDoesNotShowIsAskedForAndLeftOutWhenGone(boolean readDenied, @TempDir Path dir)
            throws IOException {
        SimHarness.smallFixtureEdited(dir, "2026-11-02", REGION, items -> items.add(newPolicy(items)));
        FaultPlan faults = readDenied ? FaultPlan.none().withReadDenied(Set.of("Policy")) : FaultPlan.none();
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(dir), faults);
             OciClients clients = clients(sim)) {
            sim.server.source().selectDay(LocalDate.parse("2026-11-02"));
            CanonicalResource searched = searched(clients, NEW_POLICY);
            // Deleted after Search's page was read: the day before, it did not exist.
            sim.server.source().selectDay(LocalDate.parse("2026-11-01"));
            Enricher enricher = new Enricher(clients, List.of("Policy"));
            long before = sim.server.requestCount();
            assertThat(enricher.enrich(searched, System.nanoTime())).isEmpty();
            // The LIST, the GET answering 404, which that LIST (begun after the page was read) settles.
            assertThat(sim.server.requestCount() - before).isEqualTo(2);
        }
    }

    /** A compartment's LIST that fails fails the resources it would have given details of, naming the LIST. */
    @Test
    void aListThatFailsFailsTheResourceNamingIt() {
        FaultPlan faults = FaultPlan.none().withFailingCompartment("ocid1.compartment.oc1..aaaaaaaanetwork", 1);
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), faults);
             OciClients clients = clients(sim)) {
            CanonicalResource securityList = searched(clients, "ocid1.securitylist.oc1.iad.aaaaaaaaseclist");
            Enricher enricher = new Enricher(clients, List.of("SecurityList"));
            assertThatThrownBy(() -> enricher.enrich(securityList, System.nanoTime()))
                    .isInstanceOf(Enricher.Failure.class)
                    .hasMessageStartingWith("details of SecurityList ocid1.securitylist.oc1.iad.aaaaaaaaseclist: SecurityList"
                            + " LIST in us-ashburn-1 failed: 500 InternalServerError");
        }
    }

    private static ObjectNode newPolicy(ArrayNode items) {
        for (var item : items) {
            if (item.path("identifier").asText().equals(POLICY)) {
                ObjectNode copy = ((ObjectNode) item).deepCopy();
                copy.put("identifier", NEW_POLICY).put("displayName", "auditors");
                ObjectNode details = (ObjectNode) copy.get("details");
                details.put("name", "auditors");
                details.putArray("statements").add("Allow group auditors to inspect all-resources in tenancy");
                return copy;
            }
        }
        throw new IllegalStateException("no policy in the fixture");
    }

    /** The resource as Search answers it on the simulator's current day, canonical. */
    private static CanonicalResource searched(OciClients clients, String ocid) {
        List<CanonicalResource> found = new ArrayList<>();
        clients.searchPages(REGION, "query all resources where identifier = '" + ocid + "'",
                items -> items.json().forEach(item -> found.add(Canonicalizer.of(item, REGION))));
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static OciClients clients(SimHarness sim) {
        var config = sim.config();
        return new OciClients(new Authenticator(sim.dir).authenticate(config.auth()), config.oci());
    }
}
