package io.github.ocidiff.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.bmc.audit.model.AuditEvent;
import com.oracle.bmc.audit.requests.ListEventsRequest;
import com.oracle.bmc.identity.model.Compartment;
import com.oracle.bmc.identity.requests.GetCompartmentRequest;
import com.oracle.bmc.identity.requests.GetTenancyRequest;
import com.oracle.bmc.identity.requests.ListCompartmentsRequest;
import com.oracle.bmc.identity.requests.ListRegionSubscriptionsRequest;
import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.requests.DeleteObjectRequest;
import com.oracle.bmc.objectstorage.requests.GetNamespaceRequest;
import com.oracle.bmc.objectstorage.requests.GetObjectRequest;
import com.oracle.bmc.objectstorage.requests.ListObjectsRequest;
import com.oracle.bmc.objectstorage.requests.PutObjectRequest;
import com.oracle.bmc.resourcesearch.model.ResourceSummary;
import com.oracle.bmc.serialization.jackson.JacksonSerializer;
import com.oracle.bmc.resourcesearch.model.StructuredSearchDetails;
import com.oracle.bmc.resourcesearch.requests.SearchResourcesRequest;
import io.github.ocidiff.SimHarness;
import io.github.ocidiff.sim.FaultPlan;
import io.github.ocidiff.sim.FixtureTenancy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real OCI SDK clients, built by {@link OciClients}, against the simulator over loopback HTTP. */
class OciClientsSimulatorTest {

    private static final String TENANCY = "ocid1.tenancy.oc1..aaaaaaaafixturetenancy";
    private static final String ASHBURN = "us-ashburn-1";

    private static OciClients clients(SimHarness sim) {
        var config = sim.config();
        return new OciClients(new Authenticator(sim.dir).authenticate(config.auth()), config.oci());
    }

    /** Every item of a query, as the SDK's models (which {@link OciClients#searchPages} reads raw). */
    private static List<ResourceSummary> searchAll(OciClients clients, String region, String query) {
        List<ResourceSummary> items = new ArrayList<>();
        clients.searchPages(region, query, page -> page.json().forEach(item -> items.add(
                JacksonSerializer.getDefaultObjectMapper().convertValue(item, ResourceSummary.class))));
        return items;
    }

    /**
     * A run that did not need its plan (today's snapshot kept) closes the clients while planning may still be
     * opening a region's: closing, and opening in a race with it, must both end. Before, the two took the same two
     * locks in opposite orders, and `snapshot` hung.
     */
    @Test
    void closingWhileARegionIsOpenedEndsAndARegionAskedForAfterIsRefused() throws Exception {
        try (SimHarness sim = SimHarness.smallFixture()) {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int round = 0; round < 200; round++) {
                    OciClients clients = clients(sim);
                    clients.region(ASHBURN);
                    CountDownLatch go = new CountDownLatch(1);
                    Thread planning = new Thread(() -> {
                        go.countDown();
                        try {
                            clients.region("eu-frankfurt-1");
                        } catch (IllegalStateException closed) {
                            // Asked for after close: refused, as below.
                        }
                    });
                    planning.start();
                    go.await();
                    clients.close();
                    planning.join();
                }
            });
            OciClients clients = clients(sim);
            clients.close();
            assertThatThrownBy(() -> clients.region(ASHBURN)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("the OCI clients are closed; region us-ashburn-1 was asked for after");
        }
    }

    @Test
    void fixtureReplayReturnsExactlyTheFixturesItemsOfTheSelectedDay() {
        try (SimHarness sim = SimHarness.smallFixture(); OciClients clients = clients(sim)) {
            List<ResourceSummary> day1 = searchAll(clients, ASHBURN, "query all resources");
            assertThat(day1).extracting(ResourceSummary::getIdentifier).containsExactlyInAnyOrder(
                    "ocid1.instance.oc1.iad.aaaaaaaainstancea", "ocid1.vcn.oc1.iad.aaaaaaaavcn",
                    "ocid1.bucket.oc1.iad.aaaaaaaabucket", "ocid1.policy.oc1..aaaaaaaapolicy",
                    "ocid1.securitylist.oc1.iad.aaaaaaaaseclist", "ocid1.networksecuritygroup.oc1.iad.aaaaaaaansg");
            ResourceSummary instance = day1.stream().filter(r -> r.getResourceType().equals("Instance")).findFirst().orElseThrow();
            assertThat(instance.getDisplayName()).isEqualTo("web-1");
            assertThat(instance.getLifecycleState()).isEqualTo("RUNNING");
            assertThat(instance.getFreeformTags()).containsEntry("env", "prod");
            assertThat(instance.getAvailabilityDomain()).isEqualTo("Uocm:US-ASHBURN-AD-1");
            assertThat(instance.getTimeCreated().toInstant()).isEqualTo(Instant.parse("2026-10-20T10:00:00Z"));

            sim.server.source().selectDay(LocalDate.parse("2026-11-02"));
            assertThat(searchAll(clients, ASHBURN, "query all resources")).hasSize(7);
            assertThat(searchAll(clients, "eu-frankfurt-1", "query all resources"))
                    .extracting(ResourceSummary::getCompartmentId).containsExactly("ocid1.compartment.oc1..aaaaaaaaprod");
        }
    }

    @Test
    void searchFiltersByTypeAndCompartmentAndReturnsNewestFirst() {
        try (SimHarness sim = SimHarness.smallFixture(); OciClients clients = clients(sim)) {
            sim.server.source().selectDay(LocalDate.parse("2026-11-02"));
            assertThat(searchAll(clients, ASHBURN, "query instance, Vcn resources"))
                    .extracting(ResourceSummary::getDisplayName).containsExactly("web-2", "web-1", "main-vcn");
            assertThat(searchAll(clients, ASHBURN,
                    "query all resources where compartmentId = 'ocid1.compartment.oc1..aaaaaaaaprodapp'"))
                    .extracting(ResourceSummary::getDisplayName).containsExactly("web-2", "web-1");
        }
    }

    @Test
    void searchPagesOverMoreThanAThousandItemsWithoutLossOrDuplicates(@TempDir Path dir) throws IOException {
        Path fixture = largeFixture(dir, 2500);
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(fixture), FaultPlan.none());
             OciClients clients = clients(sim)) {
            List<ResourceSummary> all = searchAll(clients, ASHBURN, "query all resources");
            Set<String> ids = new HashSet<>();
            all.forEach(r -> ids.add(r.getIdentifier()));
            assertThat(all).hasSize(2500);
            assertThat(ids).hasSize(2500);
        }
    }

    @Test
    void identityServesTenancyRegionsAndTheCompartmentTree() {
        try (SimHarness sim = SimHarness.smallFixture(); OciClients clients = clients(sim)) {
            var identity = clients.region(ASHBURN).identity();
            assertThat(identity.getTenancy(GetTenancyRequest.builder().tenancyId(TENANCY).build()).getTenancy().getName())
                    .isEqualTo("acme-fixture");
            assertThat(identity.listRegionSubscriptions(ListRegionSubscriptionsRequest.builder().tenancyId(TENANCY).build())
                    .getItems()).extracting(r -> r.getRegionName()).containsExactly(ASHBURN, "eu-frankfurt-1");
            var subtree = identity.listCompartments(ListCompartmentsRequest.builder().compartmentId(TENANCY)
                    .compartmentIdInSubtree(true).accessLevel(ListCompartmentsRequest.AccessLevel.Any).build());
            assertThat(subtree.getItems()).extracting(Compartment::getName).containsExactlyInAnyOrder("prod", "app", "network", "dev");
            var children = identity.listCompartments(ListCompartmentsRequest.builder().compartmentId(TENANCY).build());
            assertThat(children.getItems()).extracting(Compartment::getName).containsExactlyInAnyOrder("prod", "network", "dev");
            assertThat(identity.getCompartment(GetCompartmentRequest.builder()
                    .compartmentId("ocid1.compartment.oc1..aaaaaaaaprodapp").build()).getCompartment().getCompartmentId())
                    .isEqualTo("ocid1.compartment.oc1..aaaaaaaaprod");
        }
    }

    @Test
    void auditListsOneCompartmentsEventsInTheWindow() {
        try (SimHarness sim = SimHarness.smallFixture(); OciClients clients = clients(sim)) {
            var audit = clients.region(ASHBURN).audit();
            List<AuditEvent> events = audit.listEvents(ListEventsRequest.builder()
                    .compartmentId("ocid1.compartment.oc1..aaaaaaaaprodapp")
                    .startTime(Date.from(Instant.parse("2026-11-02T00:00:00Z")))
                    .endTime(Date.from(Instant.parse("2026-11-02T14:06:00Z"))).build()).getItems();
            assertThat(events).extracting(e -> e.getData().getEventName()).containsExactly("UpdateInstance", "LaunchInstance");
            assertThat(events.get(1).getData().getIdentity().getPrincipalName()).isEqualTo("bob@example.com");
        }
    }

    @Test
    void auditRejectsTimesThatAreNotWholeMinutes() {
        try (SimHarness sim = SimHarness.smallFixture(); OciClients clients = clients(sim)) {
            var audit = clients.region(ASHBURN).audit();
            assertThatThrownBy(() -> audit.listEvents(ListEventsRequest.builder().compartmentId(TENANCY)
                    .startTime(Date.from(Instant.parse("2026-11-02T00:00:30Z")))
                    .endTime(Date.from(Instant.parse("2026-11-02T01:00:00Z"))).build()))
                    .isInstanceOfSatisfying(BmcException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(400);
                        assertThat(e.getServiceCode()).isEqualTo("InvalidParameter");
                    });
        }
    }

    @Test
    void objectStorageStoresListsReadsAndDeletesObjects() throws IOException {
        try (SimHarness sim = SimHarness.smallFixture(); OciClients clients = clients(sim)) {
            var os = clients.region(ASHBURN).objectStorage();
            String ns = os.getNamespace(GetNamespaceRequest.builder().build()).getValue();
            byte[] body = "<html>report</html>".getBytes(StandardCharsets.UTF_8);
            os.putObject(PutObjectRequest.builder().namespaceName(ns).bucketName("reports")
                    .objectName("ocidiff/2026/11/02/report.html").contentType("text/html")
                    .contentLength((long) body.length).putObjectBody(new ByteArrayInputStream(body)).build());
            var listed = os.listObjects(ListObjectsRequest.builder().namespaceName(ns).bucketName("reports")
                    .prefix("ocidiff/2026/").build()).getListObjects().getObjects();
            assertThat(listed).extracting(o -> o.getName()).containsExactly("ocidiff/2026/11/02/report.html");
            var got = os.getObject(GetObjectRequest.builder().namespaceName(ns).bucketName("reports")
                    .objectName("ocidiff/2026/11/02/report.html").build());
            try (var in = got.getInputStream()) {
                assertThat(in.readAllBytes()).isEqualTo(body);
            }
            assertThat(got.getContentType()).isEqualTo("text/html");
            os.deleteObject(DeleteObjectRequest.builder().namespaceName(ns).bucketName("reports")
                    .objectName("ocidiff/2026/11/02/report.html").build());
            assertThat(sim.server.objects(ASHBURN, "reports")).isEmpty();
        }
    }

    @Test
    void objectStorageRejectsABodyThatDoesNotMatchItsContentMd5() {
        try (SimHarness sim = SimHarness.smallFixture(); OciClients clients = clients(sim)) {
            var os = clients.region(ASHBURN).objectStorage();
            String ns = os.getNamespace(GetNamespaceRequest.builder().build()).getValue();
            byte[] body = "<html>report</html>".getBytes(StandardCharsets.UTF_8);
            String md5OfSomethingElse = "1B2M2Y8AsgTpgAmY7PhCfg=="; // the MD5 of no bytes at all

            assertThatThrownBy(() -> os.putObject(PutObjectRequest.builder().namespaceName(ns).bucketName("reports")
                    .objectName("report.html").contentMD5(md5OfSomethingElse).contentLength((long) body.length)
                    .putObjectBody(new ByteArrayInputStream(body)).build()))
                    .isInstanceOfSatisfying(BmcException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(400);
                        assertThat(e.getServiceCode()).isEqualTo("UnmatchedContentMD5");
                    });
            assertThat(sim.server.objects(ASHBURN, "reports")).isEmpty();
        }
    }

    @Test
    void throttlingIsRetriedToSuccess() {
        FaultPlan faults = FaultPlan.none().withSeed(7).withThrottling(0.5, 0);
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), faults);
             OciClients clients = clients(sim)) {
            for (int i = 0; i < 10; i++) {
                assertThat(searchAll(clients, ASHBURN, "query all resources")).hasSize(6);
            }
            assertThat(sim.server.requestCount()).isGreaterThan(10);
        }
    }

    @Test
    void retryAfterIsHonouredBeforeTheNextAttempt() {
        FaultPlan faults = FaultPlan.none().withSeed(3).withThrottling(0.5, 1);
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), faults);
             OciClients clients = clients(sim)) {
            long start = System.nanoTime();
            int calls = 0;
            while (sim.server.requestCount() == calls) {
                searchAll(clients, ASHBURN, "query all resources");
                calls++;
            }
            long throttled = sim.server.requestCount() - calls;
            assertThat(throttled).isPositive();
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1000 * throttled);
        }
    }

    @Test
    void concurrentCallsToOneRegionStayWithinTheConfiguredBound() throws Exception {
        FaultPlan faults = FaultPlan.none().withLatency(java.time.Duration.ofMillis(50));
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), faults)) {
            var config = sim.config("  concurrencyPerRegion: 2\n");
            try (OciClients clients = new OciClients(new Authenticator(sim.dir).authenticate(config.auth()), config.oci())) {
                var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
                List<java.util.concurrent.Future<?>> calls = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    calls.add(pool.submit(() -> searchAll(clients, ASHBURN, "query all resources")));
                }
                for (var call : calls) {
                    call.get();
                }
                pool.shutdown();
                assertThat(sim.server.maxConcurrentRequests()).isBetween(1, 2);
            }
        }
    }

    /** OCI limits each service apart: a region's bound is per service, so one service's calls never wait for another's. */
    @Test
    void eachServiceOfARegionHasABoundOfItsOwn() throws Exception {
        try (SimHarness sim = SimHarness.smallFixture()) {
            var config = sim.config("  concurrencyPerRegion: 1\n  concurrency: {audit: 3}\n");
            try (OciClients clients = new OciClients(new Authenticator(sim.dir).authenticate(config.auth()), config.oci())) {
                assertThat(clients.concurrency(Service.AUDIT)).isEqualTo(3);
                assertThat(clients.concurrency(Service.SEARCH)).isEqualTo(1);
                var searchHeld = new java.util.concurrent.CountDownLatch(1);
                var release = new java.util.concurrent.CountDownLatch(1);
                var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
                var holding = pool.submit(() -> clients.call(ASHBURN, Service.SEARCH, () -> {
                    searchHeld.countDown();
                    try {
                        return release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }));
                assertThat(searchHeld.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                // Object Storage answers while Search's only slot is taken; a second Search call waits for it.
                assertThat(clients.call(ASHBURN, Service.OBJECT_STORAGE, () -> "answered")).isEqualTo("answered");
                var waiting = pool.submit(() -> clients.call(ASHBURN, Service.SEARCH, () -> "answered"));
                assertThatThrownBy(() -> waiting.get(300, java.util.concurrent.TimeUnit.MILLISECONDS))
                        .isInstanceOf(java.util.concurrent.TimeoutException.class);
                release.countDown();
                assertThat(holding.get()).isEqualTo(true);
                assertThat(waiting.get()).isEqualTo("answered");
                pool.shutdown();
            }
        }
    }

    @Test
    void persistentErrorsFailAfterTheConfiguredAttemptsWithTheStatusInTheMessage() {
        FaultPlan faults = FaultPlan.none().withErrors(1.0);
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), faults);
             OciClients clients = clients(sim)) {
            assertThatThrownBy(() -> searchAll(clients, ASHBURN, "query all resources"))
                    .isInstanceOfSatisfying(BmcException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(500);
                        assertThat(clients.describe("Resource Search", ASHBURN, e))
                                .startsWith("Resource Search in us-ashburn-1 failed: 500 InternalServerError");
                    });
            assertThat(sim.server.requestCount()).isEqualTo(5);
        }
    }

    /**
     * The shared queries' client (few queries): a region down opens its breaker after 3 attempts rather than
     * spending each query's retries, while a query failing for itself (500) spends them and never opens it, so
     * that its scopes can be asked again one by one.
     */
    @Test
    void theSharedQueriesClientStopsAskingARegionDownButNotAFailingQuery() {
        String prodApp = "ocid1.compartment.oc1..aaaaaaaaprodapp";
        FaultPlan faults = FaultPlan.none().withDownRegions(Set.of(ASHBURN)).withFailingCompartment(prodApp, 0);
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), faults);
             OciClients clients = clients(sim)) {
            String failing = "query all resources where compartmentId = '" + prodApp + "'";
            for (int i = 0; i < 3; i++) {
                long before = sim.server.requestCount();
                assertThatThrownBy(() -> clients.searchPagesApart("eu-frankfurt-1", failing, page -> { }))
                        .isInstanceOfSatisfying(BmcException.class, e -> {
                            assertThat(e.getStatusCode()).isEqualTo(500);
                            assertThat(OciClients.regionWide(e)).isFalse();
                        });
                assertThat(sim.server.requestCount() - before).isEqualTo(5);
            }
            long before = sim.server.requestCount();
            assertThatThrownBy(() -> clients.searchPagesApart(ASHBURN, "query all resources", page -> { }))
                    .isInstanceOfSatisfying(BmcException.class, e -> assertThat(OciClients.regionWide(e)).isTrue());
            assertThat(sim.server.requestCount() - before).isEqualTo(3);
            assertThatThrownBy(() -> clients.searchPagesApart(ASHBURN, "query all resources", page -> { }))
                    .isInstanceOfSatisfying(BmcException.class, e -> {
                        assertThat(OciClients.regionWide(e)).isTrue();
                        assertThat(clients.describe("Resource Search", ASHBURN, e)).contains("circuit breaker open")
                                .endsWith("; last answer: HTTP 503 Service Unavailable");
                    });
            assertThat(sim.server.requestCount() - before).isEqualTo(3);
        }
    }

    @Test
    void aCompartmentFailingAfterSomePagesServesThoseThenFails(@TempDir Path dir) throws IOException {
        FaultPlan faults = FaultPlan.none().withFailingCompartment(TENANCY, 2);
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(largeFixture(dir, 2500)), faults);
             OciClients clients = clients(sim)) {
            String query = "query all resources where compartmentId = '" + TENANCY + "'";
            List<ResourceSummary> pages = new ArrayList<>();
            String page = null;
            for (int i = 0; i < 2; i++) {
                String current = page;
                var response = clients.region(ASHBURN).search().searchResources(SearchResourcesRequest.builder()
                        .searchDetails(StructuredSearchDetails.builder().query(query).build()).limit(1000).page(current).build());
                pages.addAll(response.getResourceSummaryCollection().getItems());
                page = response.getOpcNextPage();
            }
            assertThat(pages).hasSize(2000);
            String third = page;
            assertThatThrownBy(() -> clients.region(ASHBURN).search().searchResources(SearchResourcesRequest.builder()
                    .searchDetails(StructuredSearchDetails.builder().query(query).build()).limit(1000).page(third).build()))
                    .isInstanceOfSatisfying(BmcException.class, e -> assertThat(e.getStatusCode()).isEqualTo(500));
        }
    }

    /** A body cut short every time is an error, told on one line, not a short page. */
    @Test
    void aTruncatedBodyIsAnErrorNotAShortPage() {
        FaultPlan faults = FaultPlan.none().withTruncation(1.0);
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), faults);
             OciClients clients = clients(sim)) {
            assertThatThrownBy(() -> searchAll(clients, ASHBURN, "query all resources"))
                    .isInstanceOfSatisfying(BmcException.class, e -> assertThat(clients.describe("Resource Search", ASHBURN, e))
                            .startsWith("Resource Search in us-ashburn-1 failed: connection failed: the answer was cut short"
                                    + " or is not JSON (Unexpected end-of-input")
                            .doesNotContain("\n"));
        }
    }

    /** A body cut short now and then is asked for again, as a connection that fails is: every page arrives whole. */
    @Test
    void aBodyCutShortNowAndThenIsAskedForAgain() {
        List<ResourceSummary> clean;
        try (SimHarness sim = SimHarness.smallFixture(); OciClients clients = clients(sim)) {
            clean = searchAll(clients, ASHBURN, "query all resources");
        }
        FaultPlan faults = FaultPlan.none().withSeed(3).withTruncation(0.5);
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), faults);
             OciClients clients = clients(sim)) {
            long before = sim.server.requestCount();
            assertThat(searchAll(clients, ASHBURN, "query all resources")).isEqualTo(clean);
            assertThat(sim.server.requestCount() - before).as("retried").isGreaterThan(1);
        }
    }

    /** A one-region fixture with {@code count} resources, written to {@code dir}. */
    static Path largeFixture(Path dir, int count) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Files.createDirectories(dir.resolve("days/2026-11-01/resources"));
        json.writeValue(dir.resolve("tenancy.json").toFile(), json.createObjectNode().put("id", TENANCY).put("name", "big"));
        ArrayNode regions = json.createArrayNode();
        regions.addObject().put("regionKey", "IAD").put("regionName", ASHBURN).put("status", "READY").put("isHomeRegion", true);
        json.writeValue(dir.resolve("regions.json").toFile(), regions);
        json.writeValue(dir.resolve("compartments.json").toFile(), json.createArrayNode());
        ArrayNode items = json.createArrayNode();
        for (int i = 0; i < count; i++) {
            ObjectNode r = items.addObject();
            r.put("resourceType", "Volume").put("identifier", "ocid1.volume.oc1.iad.v" + i).put("compartmentId", TENANCY)
                    .put("lifecycleState", "AVAILABLE").put("timeCreated", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i).toString());
        }
        json.writeValue(dir.resolve("days/2026-11-01/resources/" + ASHBURN + ".json").toFile(), items);
        return dir;
    }
}
