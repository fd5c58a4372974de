package io.github.ocidiff.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.bmc.core.requests.GetSecurityListRequest;
import com.oracle.bmc.http.client.Serializer;
import com.oracle.bmc.identity.requests.GetPolicyRequest;
import io.github.ocidiff.SimHarness;
import io.github.ocidiff.oci.Authenticator;
import io.github.ocidiff.oci.OciClients;
import io.github.ocidiff.sim.FaultPlan;
import io.github.ocidiff.sim.FixtureTenancy;
import io.github.ocidiff.sim.GeneratedTenancy;
import io.github.ocidiff.sim.GeneratorSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The crawler against the simulator through the real SDK, into an in-memory writer. */
class CrawlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Set<String> ENRICHED = Set.of("Policy", "SecurityList", "NetworkSecurityGroup", "Bucket");

    /** What the latest snapshot knew of the scopes, which decides how they are asked (see SearchGroups). */
    enum Night {
        /** Every scope large: each with a query of its own. */
        EACH_ALONE,
        /** Every scope small: they share queries. */
        SHARING,
        /** No scope collected before: they share queries as probes. */
        FIRST;

        List<ScopeCoverage> last(CrawlPlan plan) {
            return this == FIRST ? List.of() : plan.scopes().stream().map(scope -> new ScopeCoverage(scope, true, null, 1,
                    this == SHARING ? 1 : SearchGroups.SMALL, 0)).toList();
        }
    }

    private static RecordingWriter crawl(SimHarness sim, List<String> regions, List<String> compartments) {
        return crawl(sim, regions, compartments, Night.FIRST);
    }

    private static RecordingWriter crawl(SimHarness sim, List<String> regions, List<String> compartments, Night night) {
        return crawl(sim, regions, compartments, night::last);
    }

    /** @param last the latest snapshot's coverage of the plan's scopes */
    private static RecordingWriter crawl(SimHarness sim, List<String> regions, List<String> compartments,
                                         Function<CrawlPlan, List<ScopeCoverage>> last) {
        var config = sim.config();
        try (OciClients clients = new OciClients(new Authenticator(sim.dir).authenticate(config.auth()), config.oci())) {
            Crawler crawler = new Crawler(clients, config.snapshot().enrich());
            CrawlPlan plan = crawler.plan(Narrowing.NONE, regions, List.of(), compartments, List.of());
            RecordingWriter writer = new RecordingWriter();
            crawler.collect(plan, writer, CrawlProgress.NONE, last.apply(plan));
            return writer;
        }
    }

    /**
     * One compartment new since the latest snapshot makes each region's query naming no compartment a probe, which
     * holds the region's small scopes too: only the new compartment's scopes are told as not collected before.
     */
    @Test
    void aProbeTellsOnlyTheScopesTheLatestSnapshotDidNotCollect() {
        try (SimHarness sim = SimHarness.smallFixture()) {
            var config = sim.config();
            try (OciClients clients = new OciClients(new Authenticator(sim.dir).authenticate(config.auth()),
                    config.oci())) {
                Crawler crawler = new Crawler(clients, List.of());
                CrawlPlan plan = crawler.plan(Narrowing.NONE, List.of(), List.of(), List.of(), List.of());
                String newest = plan.compartments().get(plan.compartments().size() - 1).id();
                List<ScopeCoverage> last = Night.SHARING.last(plan).stream()
                        .filter(c -> !c.scope().compartmentId().equals(newest)).toList();
                int[] told = {-1, -1};
                crawler.collect(plan, new RecordingWriter(), new CrawlProgress() {
                    @Override
                    public void started(CrawlPlan started) {
                    }

                    @Override
                    public void scopeDone(ScopeCoverage coverage) {
                    }

                    @Override
                    public void committing() {
                    }

                    @Override
                    public void probing(int scopes, int queries) {
                        told[0] = scopes;
                        told[1] = queries;
                    }
                }, last);
                assertThat(told).containsExactly(plan.regions().size(), plan.regions().size());
            }
        }
    }

    /** The fixture's resources of one day, canonicalised as the crawler must see them. */
    private static Map<String, CanonicalResource> expected(String day) throws IOException {
        Map<String, CanonicalResource> expected = new HashMap<>();
        for (String region : List.of("us-ashburn-1", "eu-frankfurt-1")) {
            JsonNode items = JSON.readTree(SimHarness.SMALL_FIXTURE.resolve("days/" + day + "/resources/" + region + ".json").toFile());
            for (JsonNode item : items) {
                ObjectNode copy = ((ObjectNode) item).deepCopy();
                // Search does not answer the full resource a fixture keeps for the GET calls.
                copy.remove("details");
                CanonicalResource r = Canonicalizer.of(copy, region);
                expected.put(r.ocid(), r);
            }
        }
        return expected;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Night.class)
    void aMultiRegionNestedFixtureIsCollectedExactly(Night night) throws IOException {
        try (SimHarness sim = SimHarness.smallFixture()) {
            sim.server.source().selectDay(LocalDate.parse("2026-11-02"));
            RecordingWriter writer = crawl(sim, List.of(), List.of(), night);
            assertThat(writer.declared).hasSize(2 * 5);
            assertThat(writer.coverage).allMatch(ScopeCoverage::ok).hasSize(10);
            Map<String, CanonicalResource> expected = expected("2026-11-02");
            assertThat(writer.resources).containsOnlyKeys(expected.keySet());
            expected.forEach((ocid, resource) -> {
                if (!ENRICHED.contains(resource.resourceType())) {
                    assertThat(writer.resources.get(ocid)).isEqualTo(resource);
                }
            });
            // Fields the SDK's model does not know are kept, as Resource Search answered them.
            assertThat(writer.resources.values()).filteredOn(r -> r.json().contains("\"unknownFutureField\":"))
                    .isNotEmpty();
            assertThat(writer.commit().status()).isEqualTo(SnapshotStatus.COMPLETE);
        }
    }

    @Test
    void resourcesNotEnrichedComeWithADigestOfWhatSearchAnsweredThatTellsTheirContent() {
        try (SimHarness sim = SimHarness.smallFixture()) {
            sim.server.source().selectDay(LocalDate.parse("2026-11-01"));
            RecordingWriter first = crawl(sim, List.of(), List.of());
            sim.server.source().selectDay(LocalDate.parse("2026-11-02"));
            RecordingWriter second = crawl(sim, List.of(), List.of());
            for (RecordingWriter night : List.of(first, second)) {
                assertThat(night.digests.keySet()).isEqualTo(night.resources.values().stream()
                        .filter(r -> !ENRICHED.contains(r.resourceType())).map(CanonicalResource::ocid)
                        .collect(Collectors.toSet()));
            }
            int unchanged = 0;
            for (String ocid : first.digests.keySet()) {
                if (second.digests.containsKey(ocid)) {
                    boolean sameContent = first.resources.get(ocid).equals(second.resources.get(ocid));
                    // Other content, other digest (a digest found again is trusted to be the same content).
                    assertThat(first.digests.get(ocid).equals(second.digests.get(ocid))).isEqualTo(sameContent);
                    unchanged += sameContent ? 1 : 0;
                }
            }
            assertThat(unchanged).isPositive();
        }
    }

    @Test
    void policiesSecurityRulesAndBucketsCarryTheirFullResourceUnderDetails() throws IOException {
        try (SimHarness sim = SimHarness.smallFixture()) {
            sim.server.source().selectDay(LocalDate.parse("2026-11-02"));
            RecordingWriter writer = crawl(sim, List.of(), List.of());
            JsonNode policy = JSON.readTree(writer.resources.get("ocid1.policy.oc1..aaaaaaaapolicy").json()).path("details");
            assertThat(policy.path("statements")).extracting(JsonNode::asText).containsExactly(
                    "Allow group ocidiff-readers to read audit-events in tenancy",
                    "Allow group ocidiff-readers to inspect all-resources in tenancy");
            JsonNode seclist = JSON.readTree(writer.resources.get("ocid1.securitylist.oc1.iad.aaaaaaaaseclist").json()).path("details");
            assertThat(seclist.path("ingressSecurityRules").get(1).path("source").asText()).isEqualTo("0.0.0.0/0");
            assertThat(seclist.path("ingressSecurityRules").get(0).path("tcpOptions").path("destinationPortRange").path("min").asInt())
                    .isEqualTo(22);
            JsonNode nsg = JSON.readTree(writer.resources.get("ocid1.networksecuritygroup.oc1.iad.aaaaaaaansg").json()).path("details");
            assertThat(nsg.path("securityRules")).extracting(r -> r.path("id").asText()).containsExactly("r2", "r1");
            JsonNode bucket = JSON.readTree(writer.resources.get("ocid1.bucket.oc1.iad.aaaaaaaabucket").json()).path("details");
            assertThat(bucket.path("publicAccessType").asText()).isEqualTo("NoPublicAccess");
            assertThat(bucket.path("versioning").asText()).isEqualTo("Enabled");
        }
    }

    /**
     * Small scopes share a query a region (see SearchGroups), and so do scopes never collected (a first night), as
     * probes, whose one page here is the whole answer: the same resources, each written by its own compartment's
     * scope, the same coverage, and one Search request for each region instead of one per scope.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Night.class, names = {"SHARING", "FIRST"})
    void smallOrNewScopesSharingAQueryAreCollectedAsEachAloneWithFewerRequests(Night night) {
        try (SimHarness sim = SimHarness.smallFixture()) {
            sim.server.source().selectDay(LocalDate.parse("2026-11-02"));
            long start = sim.server.requestCount();
            RecordingWriter alone = crawl(sim, List.of(), List.of(), Night.EACH_ALONE);
            long between = sim.server.requestCount();
            RecordingWriter shared = crawl(sim, List.of(), List.of(), night);
            // 10 scopes in 2 regions, each answered in one page; enrichment's requests the same in both.
            assertThat((between - start) - (sim.server.requestCount() - between)).isEqualTo(10 - 2);
            assertThat(shared.resources).isEqualTo(alone.resources);
            assertThat(shared.digests).isEqualTo(alone.digests);
            assertThat(shared.writtenBy).isEqualTo(alone.writtenBy);
            assertThat(shared.writtenBy).allSatisfy((ocid, scope) ->
                    assertThat(scope.compartmentId()).isEqualTo(alone.resources.get(ocid).compartmentId()));
            assertThat(shared.coverage).extracting(c -> c.scope(), c -> c.ok(), c -> c.resources())
                    .containsExactlyInAnyOrderElementsOf(alone.coverage.stream()
                            .map(c -> org.assertj.core.groups.Tuple.tuple(c.scope(), c.ok(), c.resources())).toList());
        }
    }

    /** Every compartment but the root: a plan that does not cover them all. */
    private static final List<String> LEAVING_ROOT_OUT = List.of("prod", "network", "dev");

    /**
     * A shared query (or a probe) Search refuses as too long (400, by a limit OCI does not document) is asked again in
     * two halves, each sharing a query: the same resources and coverage as each scope alone, with fewer requests.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Night.class, names = {"SHARING", "FIRST"})
    void aSharedQuerySearchRefusesAsTooLongIsAskedAgainInHalves(Night night) {
        // 43 compartments; "prod" and its 6 children leave 36 out, too many for a query to name: each group names its own.
        GeneratorSpec spec = GeneratorSpec.defaults().withSeed(3).withResourceCount(300).withDays(1)
                .withRegions(List.of("us-ashburn-1", "eu-frankfurt-1")).withCompartments(2, 6);
        RecordingWriter alone;
        try (SimHarness sim = SimHarness.start(new GeneratedTenancy(spec), FaultPlan.none())) {
            long start = sim.server.searchRequestCount();
            alone = crawl(sim, List.of(), List.of("prod"), Night.EACH_ALONE);
            assertThat(sim.server.searchRequestCount() - start).isEqualTo(2 * 7);
        }
        // The query the 7 scopes of a region share, and a limit its halves (3 and 4 scopes) keep within.
        String shared = alone.coverage.stream().map(ScopeCoverage::scope).filter(s -> s.region().equals("us-ashburn-1"))
                .map(s -> "compartmentId = '" + s.compartmentId() + "'")
                .collect(Collectors.joining(" || ", "query all resources where ", ""));
        FaultPlan limit = FaultPlan.none().withMaxQueryLength(shared.length() * 4 / 5);
        try (SimHarness sim = SimHarness.start(new GeneratedTenancy(spec), limit)) {
            long start = sim.server.searchRequestCount();
            RecordingWriter halves = crawl(sim, List.of(), List.of("prod"), night);
            // 2 regions of 7 scopes, each answered in one page: per region 1 refused query and 2 halves, not 7.
            assertThat(sim.server.searchRequestCount() - start).isEqualTo(2 * 3);
            assertThat(halves.resources).isNotEmpty().isEqualTo(alone.resources);
            assertThat(halves.writtenBy).isEqualTo(alone.writtenBy);
            assertThat(halves.coverage).allMatch(ScopeCoverage::ok).extracting(c -> c.scope(), c -> c.resources())
                    .containsExactlyInAnyOrderElementsOf(alone.coverage.stream()
                            .map(c -> org.assertj.core.groups.Tuple.tuple(c.scope(), c.resources())).toList());
        }
    }

    /**
     * Covering every compartment, a region whose scopes all are small or new shares one query that names no
     * compartment (see SearchGroups): 31 compartments, one request, as a first night's probe and as a later night's
     * shared query; and when the probe holds more than a page, its compartments are probed in groups that name them.
     */
    @ParameterizedTest(name = "{0} resources")
    @ValueSource(ints = {600, 3_000})
    void aRegionOfSmallScopesSharesAQueryNamingNoCompartment(int resources) {
        GeneratorSpec spec = GeneratorSpec.defaults().withSeed(5).withResourceCount(resources).withDays(1)
                .withRegions(List.of("us-ashburn-1")).withCompartments(2, 5);
        try (SimHarness sim = SimHarness.start(new GeneratedTenancy(spec), FaultPlan.none())) {
            long start = sim.server.searchRequestCount();
            RecordingWriter alone = crawl(sim, List.of(), List.of(), Night.EACH_ALONE);
            long aloneRequests = sim.server.searchRequestCount() - start;
            assertThat(alone.coverage).hasSize(31).allMatch(ScopeCoverage::ok);
            for (Night night : List.of(Night.FIRST, Night.SHARING)) {
                start = sim.server.searchRequestCount();
                RecordingWriter shared = crawl(sim, List.of(), List.of(), night);
                long requests = sim.server.searchRequestCount() - start;
                assertThat(shared.resources).as(night.name()).isEqualTo(alone.resources);
                assertThat(shared.writtenBy).isEqualTo(alone.writtenBy);
                assertThat(shared.coverage).allMatch(ScopeCoverage::ok).extracting(c -> c.scope(), c -> c.resources())
                        .containsExactlyInAnyOrderElementsOf(alone.coverage.stream()
                                .map(c -> org.assertj.core.groups.Tuple.tuple(c.scope(), c.resources())).toList());
                if (resources < 1_000) {
                    assertThat(requests).as(night.name()).isEqualTo(1);
                } else if (night == Night.FIRST) {
                    // The region-wide probe's page, then probes of 25 and 6 compartments, then those asked apart.
                    assertThat(requests).isLessThanOrEqualTo(aloneRequests + 3);
                }
            }
        }
    }

    /** A query naming no compartment leaves out what Search lists in none that is active (a deleted one's leftovers). */
    @Test
    void aQueryNamingNoCompartmentLeavesOutResourcesOfCompartmentsNotActive(@TempDir Path dir) {
        SimHarness.smallFixtureEdited(dir, "2026-11-01", "us-ashburn-1", items -> {
            ObjectNode leftover = ((ObjectNode) items.get(0)).deepCopy();
            leftover.put("identifier", "ocid1.instance.oc1.iad.aaaaaaaaleftover")
                    .put("compartmentId", "ocid1.compartment.oc1..aaaaaaaadeleted").put("lifecycleState", "TERMINATED");
            items.add(leftover);
        });
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(dir), FaultPlan.none())) {
            RecordingWriter alone = crawl(sim, List.of(), List.of(), Night.EACH_ALONE);
            RecordingWriter first = crawl(sim, List.of(), List.of());
            assertThat(first.resources).doesNotContainKey("ocid1.instance.oc1.iad.aaaaaaaaleftover")
                    .isEqualTo(alone.resources);
            assertThat(first.coverage).extracting(c -> c.scope(), c -> c.resources())
                    .containsExactlyInAnyOrderElementsOf(alone.coverage.stream()
                            .map(c -> org.assertj.core.groups.Tuple.tuple(c.scope(), c.resources())).toList());
        }
    }

    /**
     * Leaving compartments out, a region whose scopes all are small or new shares one query that names those left
     * out ({@code compartmentId != ...}), whose resources it neither asks for nor writes.
     */
    @Test
    void aRegionOfSmallScopesLeavingCompartmentsOutSharesAQueryNamingThem() {
        try (SimHarness sim = SimHarness.smallFixture()) {
            sim.server.source().selectDay(LocalDate.parse("2026-11-02"));
            RecordingWriter alone = crawl(sim, List.of(), LEAVING_ROOT_OUT, Night.EACH_ALONE);
            assertThat(alone.resources).isNotEmpty().noneSatisfy((ocid, r) ->
                    assertThat(r.compartmentId()).isEqualTo("ocid1.tenancy.oc1..aaaaaaaafixturetenancy"));
            for (Night night : List.of(Night.FIRST, Night.SHARING)) {
                long start = sim.server.searchRequestCount();
                RecordingWriter shared = crawl(sim, List.of(), LEAVING_ROOT_OUT, night);
                // One request a region, each answered in one page.
                assertThat(sim.server.searchRequestCount() - start).as(night.name()).isEqualTo(2);
                assertThat(shared.resources).isEqualTo(alone.resources);
                assertThat(shared.writtenBy).isEqualTo(alone.writtenBy);
                assertThat(shared.coverage).allMatch(ScopeCoverage::ok).extracting(c -> c.scope(), c -> c.resources())
                        .containsExactlyInAnyOrderElementsOf(alone.coverage.stream()
                                .map(c -> org.assertj.core.groups.Tuple.tuple(c.scope(), c.resources())).toList());
            }
        }
        // Where Search refuses != (400), the region's scopes share queries that name them, as before: one refusal and
        // one query a region; the refusal is not taken for a length, which would leave every scope a query of its own.
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE),
                FaultPlan.none().withNotEqualRefused())) {
            sim.server.source().selectDay(LocalDate.parse("2026-11-02"));
            for (Night night : List.of(Night.FIRST, Night.SHARING)) {
                long start = sim.server.searchRequestCount();
                RecordingWriter named = crawl(sim, List.of(), LEAVING_ROOT_OUT, night);
                assertThat(sim.server.searchRequestCount() - start).as(night.name()).isEqualTo(2 * 2);
                assertThat(named.resources).isNotEmpty().allSatisfy((ocid, r) -> assertThat(r.compartmentId())
                        .isNotEqualTo("ocid1.tenancy.oc1..aaaaaaaafixturetenancy"));
                assertThat(named.coverage).allMatch(ScopeCoverage::ok).hasSize(8);
            }
        }
        QueryGroup group = QueryGroup.regionWide(List.of(new Scope("r", "a"), new Scope("r", "b")), false, List.of("x", "y"));
        assertThat(Crawler.query(group)).isEqualTo("query all resources where compartmentId != 'x' && compartmentId != 'y'");
        assertThat(Crawler.query(QueryGroup.regionWide(group.scopes(), false, List.of()))).isEqualTo("query all resources");
    }

    /**
     * A probe whose first page is not its last is not paged on: the compartments that page held resources of are
     * asked alone (any may hold thousands), the others again together, and nothing is written twice or lost.
     */
    @Test
    void aProbeThatHoldsMoreThanAPageIsAskedApart() {
        GeneratorSpec spec = GeneratorSpec.defaults().withSeed(7).withResourceCount(4_000).withDays(1)
                .withRegions(List.of("us-ashburn-1")).withCompartments(1, 3);
        try (SimHarness sim = SimHarness.start(new GeneratedTenancy(spec), FaultPlan.none())) {
            long start = sim.server.searchRequestCount();
            RecordingWriter alone = crawl(sim, List.of(), List.of(), Night.EACH_ALONE);
            long between = sim.server.searchRequestCount();
            RecordingWriter probed = crawl(sim, List.of(), List.of());
            long probedRequests = sim.server.searchRequestCount() - between;
            assertThat(alone.coverage).hasSize(4).allMatch(ScopeCoverage::ok);
            assertThat(alone.coverage).filteredOn(c -> c.pages() > 1).isNotEmpty();
            assertThat(probed.resources).hasSize(alone.resources.size()).isEqualTo(alone.resources);
            assertThat(probed.writtenBy).isEqualTo(alone.writtenBy);
            assertThat(probed.writes).hasValue(alone.writes.get());
            assertThat(probed.coverage).allMatch(ScopeCoverage::ok)
                    .extracting(c -> c.scope(), c -> c.resources(), c -> c.pages())
                    .containsExactlyInAnyOrderElementsOf(alone.coverage.stream()
                            .map(c -> org.assertj.core.groups.Tuple.tuple(c.scope(), c.resources(), c.pages())).toList());
            // The probe's first page, and one more for those it held none of, if any: at most two requests more.
            assertThat(probedRequests - (between - start)).isBetween(1L, 2L);
        }
    }

    /** Scopes small the night before may have grown: their shared query pages to the end like any other. */
    @Test
    void aSharedQueryOfScopesThatGrewPagesToTheEnd() {
        GeneratorSpec spec = GeneratorSpec.defaults().withSeed(7).withResourceCount(2_500).withDays(1)
                .withRegions(List.of("us-ashburn-1")).withCompartments(1, 3);
        try (SimHarness sim = SimHarness.start(new GeneratedTenancy(spec), FaultPlan.none())) {
            RecordingWriter alone = crawl(sim, List.of(), List.of(), Night.EACH_ALONE);
            RecordingWriter shared = crawl(sim, List.of(), List.of(), Night.SHARING);
            assertThat(alone.resources).hasSizeGreaterThan(2_000);
            assertThat(shared.resources).isEqualTo(alone.resources);
            assertThat(shared.writtenBy).isEqualTo(alone.writtenBy);
            assertThat(shared.coverage).allMatch(ScopeCoverage::ok);
            assertThat(shared.coverage.stream().mapToInt(ScopeCoverage::pages).max().orElse(0)).isGreaterThan(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Night.class)
    void enrichmentThatFailsMakesItsScopeAGap(Night night, @TempDir Path dir) throws IOException {
        SimHarness.smallFixtureEdited(dir, "2026-11-01", "us-ashburn-1", items -> items.forEach(item -> {
            if (item.path("resourceType").asText().equals("NetworkSecurityGroup")) {
                ((ObjectNode) item).remove("details");
            }
        }));
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(dir), FaultPlan.none())) {
            RecordingWriter writer = crawl(sim, List.of(), List.of(), night);
            assertThat(writer.coverage).filteredOn(c -> !c.ok()).singleElement().satisfies(c -> {
                assertThat(c.scope()).isEqualTo(new Scope("us-ashburn-1", "ocid1.compartment.oc1..aaaaaaaanetwork"));
                assertThat(c.error()).contains("details of NetworkSecurityGroup ocid1.networksecuritygroup.oc1.iad.aaaaaaaansg")
                        .contains("404");
            });
        }
    }

    /**
     * Search's index lags its services: a resource deleted after Search indexed it is listed, its GET answers
     * 404 and its type's LIST no longer shows it. It is left out and named, and its scope stays whole.
     */
    @Test
    void resourcesDeletedAfterSearchIndexedThemAreLeftOutAndNamedNotGaps() {
        FaultPlan faults = FaultPlan.none().withSeed(5).withStaleIndex(0.5);
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), faults)) {
            sim.server.source().selectDay(LocalDate.parse("2026-11-02"));
            var config = sim.config();
            try (OciClients clients = new OciClients(new Authenticator(sim.dir).authenticate(config.auth()), config.oci())) {
                Crawler crawler = new Crawler(clients, config.snapshot().enrich());
                CrawlPlan plan = crawler.plan(Narrowing.NONE, List.of(), List.of(), List.of(), List.of());
                RecordingWriter writer = new RecordingWriter();
                CrawlResult result = crawler.collect(plan, writer, CrawlProgress.NONE);
                Set<String> stale = expectedOcids("2026-11-02").stream()
                        .filter(ocid -> ENRICHED.stream().anyMatch(t -> ocid.startsWith("ocid1." + t.toLowerCase() + ".")))
                        .filter(faults::stale).collect(Collectors.toSet());
                assertThat(stale).isNotEmpty().hasSizeLessThan(ENRICHED.size());
                assertThat(result.vanished()).extracting(VanishedResource::ocid).containsExactlyInAnyOrderElementsOf(stale);
                assertThat(result.coverage()).allMatch(ScopeCoverage::ok);
                assertThat(writer.resources.keySet()).doesNotContainAnyElementsOf(stale)
                        .hasSize(expectedOcids("2026-11-02").size() - stale.size());
                assertThat(result.coverage().stream().mapToLong(ScopeCoverage::resources).sum())
                        .isEqualTo(writer.resources.size());
                assertThat(writer.commit().status()).isEqualTo(SnapshotStatus.COMPLETE);
            }
        }
    }

    /** A night that deleted many resources of a compartment lists that compartment's type once, not once for each. */
    @Test
    void resourcesDeletedTogetherAreToldApartWithOneListEach() {
        GeneratorSpec spec = GeneratorSpec.defaults().withSeed(3).withResourceCount(2_000).withDays(1)
                .withRegions(List.of("us-ashburn-1", "eu-frankfurt-1")).withCompartments(1, 3);
        long[] requests = new long[2];
        RecordingWriter clean = null;
        CrawlResult staleResult = null;
        for (int stale = 0; stale < 2; stale++) {
            try (SimHarness sim = SimHarness.start(new GeneratedTenancy(spec), FaultPlan.none().withStaleIndex(stale))) {
                var config = sim.config();
                try (OciClients clients = new OciClients(new Authenticator(sim.dir).authenticate(config.auth()), config.oci())) {
                    Crawler crawler = new Crawler(clients, config.snapshot().enrich());
                    CrawlPlan plan = crawler.plan(Narrowing.NONE, List.of(), List.of(), List.of(), List.of());
                    RecordingWriter writer = new RecordingWriter();
                    long before = sim.server.requestCount();
                    CrawlResult result = crawler.collect(plan, writer, CrawlProgress.NONE);
                    requests[stale] = sim.server.requestCount() - before;
                    if (stale == 0) {
                        clean = writer;
                    } else {
                        staleResult = result;
                    }
                }
            }
        }
        // Terminated ones have no details to fetch.
        List<CanonicalResource> enriched = clean.resources.values().stream().filter(r -> r.json().contains("\"details\":"))
                .toList();
        Map<Boolean, List<CanonicalResource>> listedInFull = enriched.stream()
                .collect(Collectors.partitioningBy(r -> Set.of("Policy", "SecurityList").contains(r.resourceType())));
        long lists = listedInFull.get(false).stream().map(r -> r.region() + r.resourceType() + r.compartmentId())
                .distinct().count();
        assertThat(staleResult.vanished()).hasSameSizeAs(enriched);
        assertThat(listedInFull.get(false).size()).isGreaterThan(4 * (int) lists);
        // Of the types read by GET, each 404 answers where the details would have; a list per region, type and
        // compartment comes on top, give or take the namespace lookups that a region's 4 threads may race to make,
        // in either run. Policies and security lists are listed in both runs; missing from their lists in the
        // second, each is asked for with a GET (it may have moved), which the list then settles.
        long expected = lists + listedInFull.get(true).size();
        assertThat(listedInFull.get(true)).isNotEmpty();
        assertThat(requests[1] - requests[0]).isBetween(expected - 8, expected + 8);
    }

    /**
     * A compartment's policies and security lists come from its LIST, which shows them in full, rather than from a
     * GET each: exactly what the GETs show, one request a region, type and compartment, and to a caller who may only
     * inspect them.
     */
    @Test
    void policiesAndSecurityListsAreReadWithTheirCompartmentsList() {
        GeneratorSpec spec = GeneratorSpec.defaults().withSeed(11).withResourceCount(3_000).withDays(1)
                .withRegions(List.of("us-ashburn-1", "eu-frankfurt-1")).withCompartments(1, 3);
        List<String> types = List.of("Policy", "SecurityList");
        for (boolean readDenied : new boolean[] {false, true}) {
            FaultPlan faults = readDenied ? FaultPlan.none().withReadDenied(Set.copyOf(types)) : FaultPlan.none();
            try (SimHarness sim = SimHarness.start(new GeneratedTenancy(spec), faults)) {
                var config = sim.config();
                try (OciClients clients = new OciClients(new Authenticator(sim.dir).authenticate(config.auth()), config.oci())) {
                    long before = sim.server.requestCount();
                    RecordingWriter plain = new RecordingWriter();
                    Crawler crawler = new Crawler(clients, List.of());
                    crawler.collect(crawler.plan(Narrowing.NONE, List.of(), List.of(), List.of(), List.of()), plain,
                            CrawlProgress.NONE);
                    long plainRequests = sim.server.requestCount() - before;
                    before = sim.server.requestCount();
                    RecordingWriter enriched = new RecordingWriter();
                    crawler = new Crawler(clients, types);
                    CrawlResult result = crawler.collect(crawler.plan(Narrowing.NONE, List.of(), List.of(), List.of(),
                            List.of()), enriched, CrawlProgress.NONE);
                    long enrichedRequests = sim.server.requestCount() - before;

                    assertThat(result.coverage()).allMatch(ScopeCoverage::ok);
                    List<CanonicalResource> detailed = enriched.resources.values().stream()
                            .filter(r -> r.json().contains("\"details\":")).toList();
                    assertThat(detailed).extracting(CanonicalResource::resourceType).containsOnlyElementsOf(types)
                            .contains("Policy", "SecurityList");
                    long lists = detailed.stream().map(r -> r.region() + r.resourceType() + r.compartmentId())
                            .distinct().count();
                    assertThat(detailed.size()).isGreaterThan(10 * (int) lists);
                    assertThat(enrichedRequests - plainRequests).isEqualTo(lists);
                    if (!readDenied) {
                        // What a GET answers, through the SDK's model as the enrichment keeps it.
                        for (CanonicalResource r : detailed) {
                            OciClients.Region c = clients.region(r.region());
                            Object got = r.resourceType().equals("Policy")
                                    ? c.identity().getPolicy(GetPolicyRequest.builder().policyId(r.ocid()).build()).getPolicy()
                                    : c.network().getSecurityList(GetSecurityListRequest.builder().securityListId(r.ocid())
                                            .build()).getSecurityList();
                            assertThat(JSON.readTree(r.json()).get("details"))
                                    .isEqualTo(JSON.readTree(Serializer.getDefault().writeValueAsString(got)));
                        }
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /**
     * One request at a time to each service of a region: the details' threads wait for Search's pages, their
     * compartments' lists and the namespace without holding a slot another needs, and read every detail.
     */
    @Test
    @org.junit.jupiter.api.Timeout(120)
    void oneRequestAtATimeAServiceStillReadsEveryDetail() {
        GeneratorSpec spec = GeneratorSpec.defaults().withSeed(13).withResourceCount(1_500).withDays(1)
                .withRegions(List.of("us-ashburn-1", "eu-frankfurt-1")).withCompartments(1, 3);
        try (SimHarness sim = SimHarness.start(new GeneratedTenancy(spec), FaultPlan.none())) {
            RecordingWriter defaults = crawl(sim, List.of(), List.of(), Night.FIRST);
            var config = sim.config("  concurrencyPerRegion: 1\n");
            try (OciClients clients = new OciClients(new Authenticator(sim.dir).authenticate(config.auth()), config.oci())) {
                Crawler crawler = new Crawler(clients, config.snapshot().enrich());
                RecordingWriter one = new RecordingWriter();
                crawler.collect(crawler.plan(Narrowing.NONE, List.of(), List.of(), List.of(), List.of()), one,
                        CrawlProgress.NONE);
                assertThat(one.coverage).allMatch(ScopeCoverage::ok);
                assertThat(one.resources).isEqualTo(defaults.resources);
                assertThat(one.resources.values()).filteredOn(r -> r.json().contains("\"details\":"))
                        .extracting(CanonicalResource::resourceType).containsAll(ENRICHED);
            }
        }
    }

    /** A GET answering 404 for a resource its compartment's list shows is a missing read permission: a gap. */
    @Test
    void aTypeThatMayBeListedButNotReadIsAGapNamingThePermission() {
        FaultPlan faults = FaultPlan.none().withReadDenied(Set.of("Bucket"));
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), faults)) {
            RecordingWriter writer = crawl(sim, List.of(), List.of());
            assertThat(writer.coverage).filteredOn(c -> !c.ok()).singleElement().satisfies(c -> {
                assertThat(c.scope()).isEqualTo(new Scope("us-ashburn-1", "ocid1.compartment.oc1..aaaaaaaaprod"));
                assertThat(c.error()).startsWith("details of Bucket ocid1.bucket.oc1.iad.aaaaaaaabucket: Bucket GET in"
                        + " us-ashburn-1 failed: 404 BucketNotFound").endsWith("; yet its compartment's list shows it, so"
                        + " ocidiff may inspect but not read buckets there: grant read on them (e.g. `allow group <group>"
                        + " to read buckets in tenancy`), or leave Bucket out of snapshot.enrich");
            });
            assertThat(writer.resources).doesNotContainKey("ocid1.bucket.oc1.iad.aaaaaaaabucket");
        }
    }

    private static Set<String> expectedOcids(String day) {
        try {
            return expected(day).keySet();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Night.class)
    void aRegionDownFailsItsScopesWithTheReasonAndKeepsTheOthers(Night night) throws IOException {
        try (SimHarness sim = SimHarness.smallFixture()) {
            sim.server.source().selectDay(LocalDate.parse("2026-11-03"));
            RecordingWriter writer = crawl(sim, List.of(), List.of(), night);
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

    /**
     * Sharing a query, the failing compartment fails it for all, and the SDK's retries of it count as failures:
     * each scope is then asked alone, through a client whose circuit breaker did not count those, so that only
     * the failing compartment is a gap, with its own error, and nothing of the others is lost. (A query naming
     * no compartment fails only where the failing one holds resources: in eu-frankfurt-1 it holds none, and its
     * scope there is collected, empty, where a query naming it fails.)
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Night.class)
    void aCompartmentFailingMidwayIsAGapWhileThrottlingIsRetriedAway(Night night) throws IOException {
        FaultPlan faults = FaultPlan.none().withSeed(11).withThrottling(0.3, 0)
                .withFailingCompartment("ocid1.compartment.oc1..aaaaaaaaprodapp", 0);
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), faults)) {
            RecordingWriter writer = crawl(sim, List.of(), List.of(), night);
            int gaps = night == Night.EACH_ALONE ? 2 : 1;
            assertThat(writer.coverage).filteredOn(c -> !c.ok()).hasSize(gaps).allSatisfy(c -> {
                assertThat(c.scope().compartmentId()).isEqualTo("ocid1.compartment.oc1..aaaaaaaaprodapp");
                // Its last answer: the injected failure, or a throttling the retries did not outlast.
                assertThat(c.error()).containsAnyOf("Injected failure of compartment", "429 TooManyRequests")
                        .doesNotContain("circuit breaker");
            });
            assertThat(writer.coverage).filteredOn(ScopeCoverage::ok).hasSize(10 - gaps);
            Set<String> outside = expected("2026-11-01").values().stream()
                    .filter(r -> !r.compartmentId().equals("ocid1.compartment.oc1..aaaaaaaaprodapp"))
                    .map(CanonicalResource::ocid).collect(Collectors.toSet());
            assertThat(outside).isNotEmpty();
            assertThat(writer.resources.keySet()).containsAll(outside);
        }
    }
}
