package io.github.ocidiff.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;

/** The simulator's HTTP surface as a plain client sees it: errors, request ids, the admin day switch. */
class SimServerTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/small");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(SimServer server, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUnsignedRequestGets401NotAuthenticatedWithAnOciErrorBody() throws Exception {
        var key = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic();
        try (SimServer server = new SimServer(FixtureTenancy.open(FIXTURE), key, FaultPlan.none(), 0)) {
            HttpResponse<String> response = get(server, "/us-ashburn-1/20160918/tenancies/ocid1.tenancy.oc1..aaaaaaaafixturetenancy");
            assertThat(response.statusCode()).isEqualTo(401);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.path("code").asText()).isEqualTo("NotAuthenticated");
            assertThat(body.path("message").asText()).isNotBlank();
            assertThat(response.headers().firstValue("opc-request-id")).isPresent();
        }
    }

    @Test
    void withoutAuthAnUnknownRegionIsA404NamingTheRegions() throws Exception {
        try (SimServer server = new SimServer(FixtureTenancy.open(FIXTURE), null, FaultPlan.none(), 0)) {
            HttpResponse<String> response = get(server, "/ap-tokyo-1/20160918/compartments?compartmentId=x");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("us-ashburn-1").contains("eu-frankfurt-1");
        }
    }

    @Test
    void theAdminEndpointSwitchesTheReplayedDayAndCountsRequests() throws Exception {
        try (SimServer server = new SimServer(FixtureTenancy.open(FIXTURE), null, FaultPlan.none(), 0)) {
            assertThat(JSON.readTree(get(server, "/_sim/day").body()).path("currentDay").asText()).isEqualTo("2026-11-01");
            var post = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/_sim/day?date=2026-11-03"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(JSON.readTree(post.body()).path("currentDay").asText()).isEqualTo("2026-11-03");
            var bad = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/_sim/day?date=2027-01-01"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("2027-01-01");
            // The requests answered before this one: the three above.
            assertThat(JSON.readTree(get(server, "/_sim/requests").body()).path("requests").asLong()).isEqualTo(3);
            assertThat(server.requestCount()).isEqualTo(4);
        }
    }

    @Test
    void fullResourceGetsServeTheFixturesDetailsWhichSearchLeavesOut() throws Exception {
        try (SimServer server = new SimServer(FixtureTenancy.open(FIXTURE), null, FaultPlan.none(), 0)) {
            JsonNode policy = JSON.readTree(get(server, "/us-ashburn-1/20160918/policies/ocid1.policy.oc1..aaaaaaaapolicy").body());
            assertThat(policy.path("id").asText()).isEqualTo("ocid1.policy.oc1..aaaaaaaapolicy");
            assertThat(policy.path("statements")).hasSize(2);
            JsonNode rules = JSON.readTree(get(server,
                    "/us-ashburn-1/20160918/networkSecurityGroups/ocid1.networksecuritygroup.oc1.iad.aaaaaaaansg/securityRules").body());
            assertThat(rules).hasSize(2);
            JsonNode bucket = JSON.readTree(get(server, "/us-ashburn-1/n/" + server.namespace() + "/b/logs").body());
            assertThat(bucket.path("publicAccessType").asText()).isEqualTo("NoPublicAccess");
            assertThat(get(server, "/us-ashburn-1/n/" + server.namespace() + "/b/nope").statusCode()).isEqualTo(404);
            Page search = server.source().resources("us-ashburn-1", ResourceQuery.all(), 0, 100);
            assertThat(search.items()).noneMatch(r -> r.has("details"));
        }
    }

    @Test
    void aRegionDownInTheFixtureAnswers503() throws Exception {
        FixtureTenancy fixture = FixtureTenancy.open(FIXTURE);
        fixture.selectDay(java.time.LocalDate.parse("2026-11-03"));
        try (SimServer server = new SimServer(fixture, null, FaultPlan.none(), 0)) {
            var response = get(server, "/eu-frankfurt-1/20190901/auditEvents?compartmentId=x&startTime=2026-11-03T00:00:00Z&endTime=2026-11-03T01:00:00Z");
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("ServiceUnavailable");
        }
    }

    @Test
    void aSearchQueryLongerThanTheLimitIsRefusedWith400() throws Exception {
        try (SimServer server = new SimServer(FixtureTenancy.open(FIXTURE), null, FaultPlan.none().withMaxQueryLength(40), 0)) {
            String query = "query all resources where displayName = '";
            var refused = post(server, "/us-ashburn-1/20180409/resources", "{\"type\":\"Structured\",\"query\":\"" + query + "x'\"}");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).path("code").asText()).isEqualTo("InvalidParameter");
            assertThat(JSON.readTree(refused.body()).path("message").asText())
                    .isEqualTo("The query is " + (query.length() + 2) + " characters long; the limit is 40.");
            var answered = post(server, "/us-ashburn-1/20180409/resources", "{\"type\":\"Structured\",\"query\":\"query all resources\"}");
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(answered.body()).path("items")).isNotEmpty();
        }
    }

    private HttpResponse<String> post(SimServer server, String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
