package io.github.ocidiff.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.bmc.core.model.EgressSecurityRule;
import com.oracle.bmc.core.model.IngressSecurityRule;
import com.oracle.bmc.core.model.SecurityList;
import com.oracle.bmc.core.model.SecurityRule;
import com.oracle.bmc.http.client.Serializer;
import com.oracle.bmc.identity.model.Policy;
import com.oracle.bmc.objectstorage.model.Bucket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The full-resource views (GetPolicy, GetSecurityList, NSG rules, GetBucket) of the generated tenancy. */
class GeneratedDetailsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DEAD = Set.of("TERMINATED", "DELETED");
    private static final Set<String> DETAILED = Set.of("Policy", "SecurityList", "NetworkSecurityGroup", "Bucket");
    private static final Map<String, String> CONFIG_OP = Map.of("Policy", "UpdatePolicy",
            "SecurityList", "UpdateSecurityList", "NetworkSecurityGroup", "UpdateNetworkSecurityGroupSecurityRules",
            "Bucket", "UpdateBucket");
    /** The members of the details that only CONFIG updates change. */
    private static final Map<String, List<String>> CONTENT = Map.of("Policy", List.of("statements"),
            "SecurityList", List.of("egressSecurityRules", "ingressSecurityRules"),
            "NetworkSecurityGroup", List.of("securityRules"),
            "Bucket", List.of("autoTiering", "objectEventsEnabled", "publicAccessType", "versioning"));

    /** Busy enough that every detailed type gets rule, statement and setting changes within a few days. */
    private static GeneratorSpec busy() {
        return GeneratorSpec.defaults().withSeed(11).withResourceCount(3000).withCompartments(2, 2)
                .withChurnRate(0.05).withDays(6).withTransientPerDay(2).withReadEventsPerWrite(0);
    }

    @Test
    void ocidsDecodeBackToTheirUniqueValue() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            long x = random.nextLong();
            assertThat(GeneratorHash.unmix(GeneratorHash.mix(x))).isEqualTo(x);
            long unique = random.nextLong() >>> 4;
            assertThat(GeneratorHash.ocidUnique(42, GeneratorHash.ocidSuffix(42, unique))).isEqualTo(unique);
        }
        assertThat(GeneratorHash.ocidUnique(42, "aaaaaaaa")).isEqualTo(-1);
        assertThat(GeneratorHash.ocidUnique(42, "aaaaaaaa" + "1".repeat(52))).isEqualTo(-1);
    }

    @Test
    void theSameSeedGivesTheSameDetailsAndAnotherSeedKnowsNoneOfItsOcids() throws Exception {
        GeneratedTenancy first = new GeneratedTenancy(busy());
        GeneratedTenancy second = new GeneratedTenancy(busy());
        GeneratedTenancy other = new GeneratedTenancy(busy().withSeed(12));
        int compared = 0;
        for (LocalDate day : List.of(first.days().get(0), first.days().get(3), first.days().get(5))) {
            first.selectDay(day);
            second.selectDay(day);
            other.selectDay(day);
            for (String region : regions(first)) {
                for (JsonNode r : all(first, region)) {
                    String id = r.path("identifier").asText();
                    JsonNode details = first.details(region, id);
                    assertThat(second.details(region, id)).isEqualTo(details);
                    assertThat(other.details(region, id)).isNull();
                    if (details != null) {
                        assertThat(JSON.writeValueAsString(first.details(region, id)))
                                .isEqualTo(JSON.writeValueAsString(details));
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(500);
    }

    @Test
    void everyDetailedResourceListedBySearchHasDetailsAndNoOtherOcidHas() throws Exception {
        GeneratedTenancy tenancy = new GeneratedTenancy(busy());
        LocalDate last = tenancy.days().get(tenancy.days().size() - 1);
        Map<String, Integer> seen = new HashMap<>();
        for (LocalDate day : List.of(tenancy.days().get(0), last)) {
            tenancy.selectDay(day);
            for (String region : regions(tenancy)) {
                for (JsonNode r : all(tenancy, region)) {
                    String type = r.path("resourceType").asText();
                    JsonNode details = tenancy.details(region, r.path("identifier").asText());
                    if (!DETAILED.contains(type)) {
                        assertThat(details).as("%s %s", type, r.path("identifier").asText()).isNull();
                        continue;
                    }
                    assertThat(details).as("%s %s", type, r.path("identifier").asText()).isNotNull();
                    seen.merge(type, 1, Integer::sum);
                    checkShape(type, r, details, region);
                }
            }
        }
        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(DETAILED);

        String home = "us-ashburn-1";
        JsonNode policy = all(tenancy, home).stream()
                .filter(r -> r.path("resourceType").asText().equals("Policy")).findFirst().orElseThrow();
        String policyId = policy.path("identifier").asText();
        assertThat(tenancy.details(home, policyId)).isNotNull();
        assertThat(tenancy.details("eu-frankfurt-1", policyId)).as("policies live in the home region").isNull();
        assertThat(tenancy.details("xx-nowhere-1", policyId)).isNull();
        assertThat(tenancy.details(home, policyId.substring(0, policyId.length() - 1) + "q")).isNull();
        assertThat(tenancy.details(home, "ocid1.policy.oc1..aaaaaaaanosuchpolicy")).isNull();
        assertThat(tenancy.details(home, "not an ocid")).isNull();
        assertThat(tenancy.details(home, null)).isNull();
        assertThat(tenancy.details(home, tenancy.tenancy().path("id").asText())).isNull();
        assertThat(tenancy.details(home, tenancy.compartments().get(0).path("id").asText())).isNull();
        JsonNode frankfurtList = all(tenancy, "eu-frankfurt-1").stream()
                .filter(r -> r.path("resourceType").asText().equals("SecurityList")).findFirst().orElseThrow();
        assertThat(tenancy.details("eu-frankfurt-1", frankfurtList.path("identifier").asText())).isNotNull();
        assertThat(tenancy.details(home, frankfurtList.path("identifier").asText())).isNull();

        // created on the last day: no details on the first
        Instant lastStart = last.atStartOfDay(ZoneOffset.UTC).toInstant();
        JsonNode young = all(tenancy, home).stream()
                .filter(r -> DETAILED.contains(r.path("resourceType").asText())
                        && Instant.parse(r.path("timeCreated").asText()).isAfter(lastStart))
                .findFirst().orElseThrow();
        assertThat(tenancy.details(home, young.path("identifier").asText())).isNotNull();
        tenancy.selectDay(tenancy.days().get(0));
        assertThat(tenancy.details(home, young.path("identifier").asText())).isNull();
    }

    @Test
    void deletedResourcesKeepTheirLastDetailsWhileListedThenHaveNone() {
        GeneratedTenancy tenancy = new GeneratedTenancy(busy());
        List<Map<String, JsonNode>> snapshots = snapshots(tenancy);
        int checked = 0;
        for (int d = 1; d + 2 < snapshots.size(); d++) {
            for (Map.Entry<String, JsonNode> e : snapshots.get(d).entrySet()) {
                JsonNode was = snapshots.get(d - 1).get(e.getKey());
                String type = e.getValue().path("resourceType").asText();
                if (!DETAILED.contains(type) || was == null || dead(was) || !dead(e.getValue())) {
                    continue;
                }
                String region = e.getValue().path("region").asText();
                String id = e.getKey();
                tenancy.selectDay(tenancy.days().get(d - 1));
                JsonNode before = tenancy.details(region, id);
                tenancy.selectDay(tenancy.days().get(d));
                JsonNode onTheDay = tenancy.details(region, id);
                assertThat(onTheDay).isNotNull();
                if (onTheDay.has("lifecycleState")) {
                    assertThat(DEAD).contains(onTheDay.path("lifecycleState").asText());
                }
                for (String member : CONTENT.get(type)) {
                    assertThat(onTheDay.get(member)).isEqualTo(before.get(member));
                }
                tenancy.selectDay(tenancy.days().get(d + 1));
                assertThat(tenancy.details(region, id)).isEqualTo(onTheDay);
                tenancy.selectDay(tenancy.days().get(d + 2));
                assertThat(tenancy.details(region, id)).isNull();
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void detailsChangeOnExactlyTheDaysOfTheirUpdateEventsWhichShowTheChange() throws Exception {
        GeneratedTenancy tenancy = new GeneratedTenancy(busy());
        List<Map<String, JsonNode>> snapshots = snapshots(tenancy);
        List<Map<String, JsonNode>> details = new ArrayList<>();
        for (int d = 0; d < snapshots.size(); d++) {
            tenancy.selectDay(tenancy.days().get(d));
            Map<String, JsonNode> views = new HashMap<>();
            for (Map.Entry<String, JsonNode> e : snapshots.get(d).entrySet()) {
                if (DETAILED.contains(e.getValue().path("resourceType").asText())) {
                    views.put(e.getKey(), tenancy.details(e.getValue().path("region").asText(), e.getKey()));
                }
            }
            details.add(views);
        }
        Map<String, Integer> contentChanges = new HashMap<>();
        int unchanged = 0;
        int visibleUpdates = 0;
        int moves = 0;
        for (int d = 1; d < snapshots.size(); d++) {
            Map<String, JsonNode> writes = writes(tenancy, tenancy.days().get(d));
            for (Map.Entry<String, JsonNode> e : details.get(d).entrySet()) {
                String id = e.getKey();
                JsonNode search = snapshots.get(d).get(id);
                JsonNode searchBefore = snapshots.get(d - 1).get(id);
                if (searchBefore == null || dead(searchBefore) || dead(search)) {
                    continue;
                }
                String type = search.path("resourceType").asText();
                JsonNode before = details.get(d - 1).get(id);
                JsonNode after = e.getValue();
                JsonNode event = writes.get(id);
                if (event == null) {
                    assertThat(after).as("%s on day %d without a write event", id, d).isEqualTo(before);
                    unchanged++;
                    continue;
                }
                assertThat(after).as("%s on day %d, %s", id, d, event.path("data").path("eventName").asText())
                        .isNotEqualTo(before);
                JsonNode change = event.path("data").path("stateChange");
                String name = event.path("data").path("eventName").asText();
                if (change.path("current").has("compartmentId")) {
                    moves++;
                    assertThat(after.path("compartmentId").asText())
                            .isEqualTo(change.path("current").path("compartmentId").asText())
                            .isEqualTo(search.path("compartmentId").asText());
                    assertThat(without(after, "compartmentId", "etag")).isEqualTo(without(before, "compartmentId", "etag"));
                    continue;
                }
                assertThat(name).startsWith("Update");
                assertThat(after.path("compartmentId")).isEqualTo(before.path("compartmentId"));
                boolean content = CONTENT.get(type).stream().anyMatch(change.path("current")::has);
                if (content) {
                    assertThat(name).isEqualTo(CONFIG_OP.get(type));
                    contentChanges.merge(type, 1, Integer::sum);
                    ObjectNode was = JSON.createObjectNode();
                    ObjectNode now = JSON.createObjectNode();
                    for (String member : CONTENT.get(type)) {
                        was.set(member, before.get(member));
                        now.set(member, after.get(member));
                    }
                    assertThat(now).isNotEqualTo(was);
                    assertThat(change.path("previous")).isEqualTo(was);
                    assertThat(change.path("current")).isEqualTo(now);
                    List<String> rest = new ArrayList<>(CONTENT.get(type));
                    rest.add("etag"); // a bucket's etag changes with every write
                    assertThat(without(after, rest.toArray(String[]::new)))
                            .isEqualTo(without(before, rest.toArray(String[]::new)));
                    assertThat(search).isEqualTo(searchBefore);
                } else {
                    visibleUpdates++;
                    assertThat(type).isNotEqualTo("NetworkSecurityGroup");
                    for (String member : CONTENT.get(type)) {
                        assertThat(after.get(member)).isEqualTo(before.get(member));
                    }
                    assertThat(search).isNotEqualTo(searchBefore);
                    assertThat(after.path("freeformTags")).isEqualTo(search.path("freeformTags"));
                }
            }
        }
        assertThat(contentChanges.keySet()).containsExactlyInAnyOrderElementsOf(DETAILED);
        assertThat(unchanged).isGreaterThan(1000);
        assertThat(visibleUpdates).isPositive();
        assertThat(moves).isPositive();
    }

    @Test
    void detailsAreValidInputForTheOciSdkModelsWithRealEnumValues() throws Exception {
        GeneratedTenancy tenancy = new GeneratedTenancy(busy());
        tenancy.selectDay(tenancy.days().get(tenancy.days().size() - 1));
        Serializer sdk = Serializer.getDefault();
        Map<String, Integer> parsed = new HashMap<>();
        Set<String> protocols = new java.util.HashSet<>();
        Set<String> access = new java.util.HashSet<>();
        for (String region : regions(tenancy)) {
            for (JsonNode r : all(tenancy, region)) {
                String type = r.path("resourceType").asText();
                JsonNode details = tenancy.details(region, r.path("identifier").asText());
                if (details == null) {
                    continue;
                }
                String json = JSON.writeValueAsString(details);
                Instant created = Instant.parse(r.path("timeCreated").asText());
                switch (type) {
                    case "Policy" -> {
                        Policy policy = sdk.readValue(json, Policy.class);
                        assertThat(policy.getLifecycleState()).isNotEqualTo(Policy.LifecycleState.UnknownEnumValue)
                                .isNotNull();
                        assertThat(policy.getStatements()).hasSizeBetween(1, 6);
                        assertThat(policy.getName()).isEqualTo(r.path("displayName").asText());
                        assertThat(policy.getTimeCreated().toInstant()).isEqualTo(created);
                        assertThat(policy.getVersionDate()).isNull();
                    }
                    case "SecurityList" -> {
                        SecurityList list = sdk.readValue(json, SecurityList.class);
                        assertThat(list.getLifecycleState()).isNotNull()
                                .isNotEqualTo(SecurityList.LifecycleState.UnknownEnumValue);
                        assertThat(list.getTimeCreated().toInstant()).isEqualTo(created);
                        assertThat(list.getIngressSecurityRules()).isNotEmpty();
                        assertThat(list.getEgressSecurityRules()).isNotEmpty();
                        for (IngressSecurityRule rule : list.getIngressSecurityRules()) {
                            assertThat(rule.getSourceType()).isNotNull()
                                    .isNotEqualTo(IngressSecurityRule.SourceType.UnknownEnumValue);
                            protocols.add(rule.getProtocol());
                            checkPorts(rule.getProtocol(), rule.getTcpOptions(), rule.getUdpOptions(), rule.getIcmpOptions());
                        }
                        for (EgressSecurityRule rule : list.getEgressSecurityRules()) {
                            assertThat(rule.getDestinationType()).isNotNull()
                                    .isNotEqualTo(EgressSecurityRule.DestinationType.UnknownEnumValue);
                            checkPorts(rule.getProtocol(), rule.getTcpOptions(), rule.getUdpOptions(), rule.getIcmpOptions());
                        }
                    }
                    case "NetworkSecurityGroup" -> {
                        assertThat(details.path("securityRules")).isNotEmpty();
                        for (JsonNode item : details.path("securityRules")) {
                            SecurityRule rule = sdk.readValue(JSON.writeValueAsString(item), SecurityRule.class);
                            assertThat(rule.getDirection()).isNotNull().isNotEqualTo(SecurityRule.Direction.UnknownEnumValue);
                            if (rule.getDirection() == SecurityRule.Direction.Ingress) {
                                assertThat(rule.getSourceType()).isNotNull()
                                        .isNotEqualTo(SecurityRule.SourceType.UnknownEnumValue);
                                assertThat(rule.getDestinationType()).isNull();
                            } else {
                                assertThat(rule.getDestinationType()).isNotNull()
                                        .isNotEqualTo(SecurityRule.DestinationType.UnknownEnumValue);
                                assertThat(rule.getSourceType()).isNull();
                            }
                            assertThat(rule.getId()).matches("[0-9A-F]{6}");
                            assertThat(rule.getTimeCreated().toInstant()).isAfterOrEqualTo(created);
                            checkPorts(rule.getProtocol(), rule.getTcpOptions(), rule.getUdpOptions(), rule.getIcmpOptions());
                        }
                    }
                    case "Bucket" -> {
                        Bucket bucket = sdk.readValue(json, Bucket.class);
                        assertThat(bucket.getPublicAccessType()).isNotNull()
                                .isNotEqualTo(Bucket.PublicAccessType.UnknownEnumValue);
                        assertThat(bucket.getStorageTier()).isEqualTo(Bucket.StorageTier.Standard);
                        assertThat(bucket.getVersioning()).isNotNull().isNotEqualTo(Bucket.Versioning.UnknownEnumValue);
                        assertThat(bucket.getAutoTiering()).isNotNull().isNotEqualTo(Bucket.AutoTiering.UnknownEnumValue);
                        assertThat(bucket.getTimeCreated().toInstant()).isEqualTo(created);
                        assertThat(bucket.getCreatedBy()).startsWith("ocid1.");
                        assertThat(bucket.getKmsKeyId()).isNull();
                        assertThat(bucket.getName()).isEqualTo(r.path("displayName").asText());
                        access.add(bucket.getPublicAccessType().getValue());
                    }
                    default -> throw new AssertionError("details for " + type);
                }
                parsed.merge(type, 1, Integer::sum);
            }
        }
        assertThat(parsed.keySet()).containsExactlyInAnyOrderElementsOf(DETAILED);
        assertThat(protocols).contains("6", "17", "all");
        assertThat(access).contains("NoPublicAccess");
    }

    @Test
    void theSimulatorServesGeneratedDetailsOverHttp() throws Exception {
        GeneratorSpec spec = busy();
        HttpClient http = HttpClient.newHttpClient();
        try (SimServer server = new SimServer(new GeneratedTenancy(spec), null, FaultPlan.none(), 0)) {
            List<JsonNode> items = all(server.source(), "us-ashburn-1");
            JsonNode policy = first(items, "Policy");
            String id = policy.path("identifier").asText();
            HttpResponse<String> response = get(http, server, "/us-ashburn-1/20160918/policies/" + id);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.path("id").asText()).isEqualTo(id);
            assertThat(body.path("name").asText()).isEqualTo(policy.path("displayName").asText());
            assertThat(body.path("compartmentId").asText()).isEqualTo(policy.path("compartmentId").asText());
            assertThat(body.path("lifecycleState").asText()).isEqualTo("ACTIVE");
            assertThat(body.path("statements")).isNotEmpty().allSatisfy(s -> assertThat(s.asText())
                    .matches("Allow group \\S+ to (inspect|read|use|manage) [a-z-]+ in (tenancy|compartment \\S+)"));
            Policy parsed = Serializer.getDefault().readValue(response.body(), Policy.class);
            assertThat(parsed.getId()).isEqualTo(id);
            assertThat(parsed.getLifecycleState()).isEqualTo(Policy.LifecycleState.Active);
            assertThat(get(http, server, "/eu-frankfurt-1/20160918/policies/" + id).statusCode()).isEqualTo(404);

            String nsg = first(items, "NetworkSecurityGroup").path("identifier").asText();
            HttpResponse<String> rules = get(http, server,
                    "/us-ashburn-1/20160918/networkSecurityGroups/" + nsg + "/securityRules");
            assertThat(rules.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(rules.body())).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.path("direction").asText()).isIn("INGRESS", "EGRESS"));

            String list = first(items, "SecurityList").path("identifier").asText();
            JsonNode securityList = JSON.readTree(get(http, server, "/us-ashburn-1/20160918/securityLists/" + list).body());
            assertThat(securityList.path("ingressSecurityRules")).isNotEmpty();

            JsonNode bucket = first(items, "Bucket");
            HttpResponse<String> got = get(http, server, "/us-ashburn-1/n/" + server.namespace() + "/b/"
                    + URLEncoder.encode(bucket.path("displayName").asText(), StandardCharsets.UTF_8));
            assertThat(got.statusCode()).isEqualTo(200);
            Bucket parsedBucket = Serializer.getDefault().readValue(got.body(), Bucket.class);
            assertThat(parsedBucket.getId()).isEqualTo(bucket.path("identifier").asText());
            assertThat(parsedBucket.getPublicAccessType()).isIn(Bucket.PublicAccessType.NoPublicAccess,
                    Bucket.PublicAccessType.ObjectRead, Bucket.PublicAccessType.ObjectReadWithoutList);
        }
    }

    /**
     * GetBucket finds a bucket by the name Search lists it under that day, beyond Search's first page of
     * buckets, and after the day changes (renamed buckets by their new name); the simulator lists a region's
     * buckets once per day for it, not once per request (a million resources' enrichment fetches them all).
     */
    @Test
    void everyBucketSearchListsIsFoundByItsNameOnEachDay() throws Exception {
        GeneratorSpec spec = GeneratorSpec.defaults().withSeed(5).withResourceCount(60_000).withCompartments(2, 2)
                .withChurnRate(0.2).withDays(2).withReadEventsPerWrite(0);
        HttpClient http = HttpClient.newHttpClient();
        try (SimServer server = new SimServer(new GeneratedTenancy(spec), null, FaultPlan.none(), 0)) {
            Set<String> names = new HashSet<>();
            for (LocalDate day : server.source().days()) {
                server.source().selectDay(day);
                List<JsonNode> buckets = all(server.source(), "us-ashburn-1").stream()
                        .filter(r -> r.path("resourceType").asText().equals("Bucket") && !dead(r)).toList();
                assertThat(buckets).hasSizeGreaterThan(1000);
                for (int i = 0; i < buckets.size(); i += buckets.size() / 40) {
                    JsonNode bucket = buckets.get(Math.max(i, buckets.size() - 1 - i));
                    String name = bucket.path("displayName").asText();
                    names.add(name);
                    HttpResponse<String> got = get(http, server, "/us-ashburn-1/n/" + server.namespace() + "/b/"
                            + URLEncoder.encode(name, StandardCharsets.UTF_8));
                    assertThat(got.statusCode()).as(name + " on " + day).isEqualTo(200);
                    assertThat(JSON.readTree(got.body()).path("id").asText()).isEqualTo(bucket.path("identifier").asText());
                }
            }
            assertThat(names).hasSizeGreaterThan(40);
            assertThat(get(http, server, "/us-ashburn-1/n/" + server.namespace() + "/b/no-such-bucket").statusCode())
                    .isEqualTo(404);
        }
    }

    // helpers

    private static void checkShape(String type, JsonNode search, JsonNode details, String region) {
        if (!type.equals("Bucket")) {
            assertThat(details.path("lifecycleState").asText()).isEqualTo(search.path("lifecycleState").asText());
        }
        assertThat(details.path("compartmentId").asText()).isEqualTo(search.path("compartmentId").asText());
        assertThat(details.path("timeCreated").asText()).isEqualTo(search.path("timeCreated").asText());
        assertThat(details.path("freeformTags")).isEqualTo(search.path("freeformTags"));
        assertThat(details.path("definedTags")).isEqualTo(search.path("definedTags"));
        String nameField = type.equals("Policy") || type.equals("Bucket") ? "name" : "displayName";
        assertThat(details.path(nameField).asText()).isEqualTo(search.path("displayName").asText());
        String regionPart = search.path("identifier").asText().split("\\.")[3];
        switch (type) {
            case "Policy" -> {
                assertThat(details.path("statements")).hasSizeBetween(1, 6).allSatisfy(s -> assertThat(s.asText())
                        .matches("Allow group \\S+ to (inspect|read|use|manage) [a-z-]+ in (tenancy|compartment \\S+)"));
                assertThat(details.path("versionDate").isNull()).isTrue();
                assertThat(details.path("description").asText()).isNotBlank();
            }
            case "SecurityList" -> {
                assertThat(details.path("vcnId").asText()).startsWith("ocid1.vcn.oc1." + regionPart + ".");
                assertThat(details.path("ingressSecurityRules")).isNotEmpty();
                assertThat(details.path("egressSecurityRules")).isNotEmpty();
                for (JsonNode rule : details.path("ingressSecurityRules")) {
                    assertThat(rule.path("protocol").asText()).isIn("1", "6", "17", "all");
                    assertThat(rule.path("sourceType").asText()).isIn("CIDR_BLOCK", "SERVICE_CIDR_BLOCK");
                    assertThat(rule.path("isStateless").isBoolean()).isTrue();
                }
            }
            case "NetworkSecurityGroup" -> {
                assertThat(details.path("vcnId").asText()).startsWith("ocid1.vcn.oc1." + regionPart + ".");
                assertThat(details.path("securityRules")).isNotEmpty();
            }
            case "Bucket" -> {
                assertThat(details.path("publicAccessType").asText()).isIn("NoPublicAccess", "ObjectRead",
                        "ObjectReadWithoutList");
                assertThat(details.path("versioning").asText()).isIn("Enabled", "Disabled", "Suspended");
                assertThat(details.path("storageTier").asText()).isEqualTo("Standard");
                assertThat(details.path("kmsKeyId").isNull()).isTrue();
                assertThat(details.path("isReadOnly").isBoolean()).isTrue();
                assertThat(details.path("objectEventsEnabled").isBoolean()).isTrue();
                assertThat(details.path("replicationEnabled").isBoolean()).isTrue();
            }
            default -> throw new AssertionError(type);
        }
        assertThat(region).isNotBlank();
    }

    private static void checkPorts(String protocol, com.oracle.bmc.core.model.TcpOptions tcp,
                                   com.oracle.bmc.core.model.UdpOptions udp, com.oracle.bmc.core.model.IcmpOptions icmp) {
        assertThat(protocol).isIn("1", "6", "17", "all");
        assertThat(tcp != null).isEqualTo(protocol.equals("6"));
        assertThat(udp != null).isEqualTo(protocol.equals("17"));
        assertThat(icmp != null).isEqualTo(protocol.equals("1"));
        com.oracle.bmc.core.model.PortRange range = tcp != null ? tcp.getDestinationPortRange()
                : udp != null ? udp.getDestinationPortRange() : null;
        if (range != null) {
            assertThat(range.getMin()).isBetween(1, 65535).isLessThanOrEqualTo(range.getMax());
            assertThat(range.getMax()).isBetween(1, 65535);
        }
        if (icmp != null) {
            assertThat(icmp.getType()).isBetween(0, 255);
        }
    }

    private static JsonNode without(JsonNode node, String... members) {
        ObjectNode copy = node.deepCopy();
        copy.remove(List.of(members));
        return copy;
    }

    private static JsonNode first(List<JsonNode> items, String type) {
        return items.stream().filter(r -> r.path("resourceType").asText().equals(type)
                && !dead(r)).findFirst().orElseThrow();
    }

    private static HttpResponse<String> get(HttpClient http, SimServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Per day, every resource Search lists (all regions), with its region under "region". */
    private static List<Map<String, JsonNode>> snapshots(GeneratedTenancy tenancy) {
        List<Map<String, JsonNode>> snapshots = new ArrayList<>();
        for (LocalDate day : tenancy.days()) {
            tenancy.selectDay(day);
            Map<String, JsonNode> snapshot = new LinkedHashMap<>();
            for (String region : regions(tenancy)) {
                for (JsonNode r : all(tenancy, region)) {
                    ((ObjectNode) r).put("region", region);
                    snapshot.put(r.path("identifier").asText(), r);
                }
            }
            snapshots.add(snapshot);
        }
        return snapshots;
    }

    /** The write event of each resource on a day (the generator writes at most one per resource and day). */
    private static Map<String, JsonNode> writes(GeneratedTenancy tenancy, LocalDate day) {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<String> compartments = new ArrayList<>();
        compartments.add(tenancy.tenancy().path("id").asText());
        tenancy.compartments().forEach(c -> compartments.add(c.path("id").asText()));
        Map<String, JsonNode> writes = new HashMap<>();
        for (String region : regions(tenancy)) {
            for (String compartment : compartments) {
                Integer offset = 0;
                while (offset != null) {
                    Page page = tenancy.auditEvents(region, compartment, start, start.plus(1, ChronoUnit.DAYS), offset, 500);
                    for (JsonNode event : page.items()) {
                        JsonNode data = event.path("data");
                        if (!data.path("request").path("action").asText().equals("GET")
                                && !data.path("resourceName").asText().startsWith("autoscale-")) {
                            assertThat(writes.put(data.path("resourceId").asText(), event)).isNull();
                        }
                    }
                    offset = page.nextOffset();
                }
            }
        }
        return writes;
    }

    private static List<String> regions(TenancySource tenancy) {
        return tenancy.regions().stream().map(r -> r.path("regionName").asText()).toList();
    }

    private static List<JsonNode> all(TenancySource tenancy, String region) {
        List<JsonNode> items = new ArrayList<>();
        Integer offset = 0;
        while (offset != null) {
            Page page = tenancy.resources(region, ResourceQuery.all(), offset, 1000);
            items.addAll(page.items());
            offset = page.nextOffset();
        }
        return items;
    }

    private static boolean dead(JsonNode resource) {
        return DEAD.contains(resource.path("lifecycleState").asText());
    }
}
