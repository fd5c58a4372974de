package io.github.ocidiff.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.bmc.resourcesearch.model.ResourceSummary;
import com.oracle.bmc.resourcesearch.model.SearchContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CanonicalizerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode raw(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void sortsKeysAtEveryLevelDropsNullsAndSearchContextAndRecordsTheRegion() throws Exception {
        CanonicalResource r = Canonicalizer.of(raw("""
                {"resourceType":"Instance","identifier":"ocid1.instance.x","compartmentId":"c","lifecycleState":"RUNNING",
                 "timeCreated":"2026-10-20T10:00:00.000Z","displayName":null,"searchContext":{"highlights":{}},
                 "freeformTags":{"z":"1","a":"2"},"zzUnknown":{"kept":true}}"""), "us-ashburn-1");
        assertThat(r.json()).isEqualTo("{\"compartmentId\":\"c\",\"freeformTags\":{\"a\":\"2\",\"z\":\"1\"},"
                + "\"identifier\":\"ocid1.instance.x\",\"lifecycleState\":\"RUNNING\",\"region\":\"us-ashburn-1\","
                + "\"resourceType\":\"Instance\",\"timeCreated\":\"2026-10-20T10:00:00Z\",\"zzUnknown\":{\"kept\":true}}");
        assertThat(r.ocid()).isEqualTo("ocid1.instance.x");
        assertThat(r.displayName()).isNull();
        assertThat(r.sha256()).hasSize(64).isEqualTo(Canonicalizer.sha256(r.json()));
    }

    @Test
    void theSameContentHashesAlikeWhateverTheKeyOrderOrTimeFormat() throws Exception {
        CanonicalResource a = Canonicalizer.of(raw("{\"identifier\":\"x\",\"timeCreated\":\"2026-01-01T00:00:00.000Z\",\"freeformTags\":{\"a\":\"1\",\"b\":\"2\"}}"), "r");
        CanonicalResource b = Canonicalizer.of(raw("{\"freeformTags\":{\"b\":\"2\",\"a\":\"1\"},\"timeCreated\":\"2026-01-01T00:00:00Z\",\"identifier\":\"x\"}"), "r");
        assertThat(a.sha256()).isEqualTo(b.sha256());
    }

    @Test
    void aTagChangeChangesTheHash() throws Exception {
        CanonicalResource a = Canonicalizer.of(raw("{\"identifier\":\"x\",\"freeformTags\":{\"env\":\"dev\"}}"), "r");
        CanonicalResource b = Canonicalizer.of(raw("{\"identifier\":\"x\",\"freeformTags\":{\"env\":\"prod\"}}"), "r");
        assertThat(a.sha256()).isNotEqualTo(b.sha256());
    }

    @Test
    void theSdkModelAndTheRawApiJsonOfOneResourceAreTheSameCanonicalResource() throws Exception {
        ResourceSummary sdk = ResourceSummary.builder().resourceType("Bucket").identifier("ocid1.bucket.x")
                .compartmentId("c").lifecycleState("ACTIVE").displayName("logs")
                .timeCreated(Date.from(Instant.parse("2026-09-15T12:00:00Z")))
                .freeformTags(Map.of("team", "ops")).definedTags(Map.of("Oracle-Tags", Map.of("CreatedBy", "alice")))
                .searchContext(SearchContext.builder().build()).build();
        CanonicalResource fromSdk = Canonicalizer.of(sdk, "us-ashburn-1");
        CanonicalResource fromJson = Canonicalizer.of(raw("""
                {"resourceType":"Bucket","identifier":"ocid1.bucket.x","compartmentId":"c","lifecycleState":"ACTIVE",
                 "displayName":"logs","timeCreated":"2026-09-15T12:00:00.000Z","availabilityDomain":null,
                 "freeformTags":{"team":"ops"},"definedTags":{"Oracle-Tags":{"CreatedBy":"alice"}},"searchContext":null}"""),
                "us-ashburn-1");
        assertThat(fromSdk).isEqualTo(fromJson);
    }

    @Test
    void theModelWrittenDirectlyIsTheTextOfItsJsonTreeForAnyTags() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            ResourceSummary sdk = ResourceSummary.builder()
                    .resourceType(random.nextInt(8) == 0 ? null : text(random))
                    .identifier("ocid1.instance.oc1.iad." + text(random))
                    .compartmentId(text(random)).lifecycleState(random.nextBoolean() ? "RUNNING" : null)
                    .displayName(text(random)).availabilityDomain(random.nextBoolean() ? text(random) : null)
                    .timeCreated(random.nextBoolean() ? new Date(random.nextLong() % 4_000_000_000_000L) : null)
                    .freeformTags(random.nextInt(5) == 0 ? null : strings(random))
                    .definedTags(random.nextInt(5) == 0 ? null : namespaces(random))
                    .systemTags(random.nextInt(3) == 0 ? null : namespaces(random))
                    .identityContext(random.nextBoolean() ? Map.of() : tags(random, 2))
                    .additionalDetails(random.nextInt(3) == 0 ? null : tags(random, 2))
                    .build();
            CanonicalResource direct = Canonicalizer.of(sdk, "eu-frankfurt-1");
            assertThat(direct).as(direct.json()).isEqualTo(Canonicalizer.of(tree(sdk), "eu-frankfurt-1"));
        }
    }

    /** The model as a JSON tree, as Jackson converts it: what the canonical form of raw JSON is made from. */
    private static ObjectNode tree(ResourceSummary r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("resourceType", r.getResourceType());
        node.put("identifier", r.getIdentifier());
        node.put("compartmentId", r.getCompartmentId());
        node.put("timeCreated", r.getTimeCreated() == null ? null : r.getTimeCreated().toInstant().toString());
        node.put("displayName", r.getDisplayName());
        node.put("availabilityDomain", r.getAvailabilityDomain());
        node.put("lifecycleState", r.getLifecycleState());
        node.set("freeformTags", JSON.valueToTree(r.getFreeformTags()));
        node.set("definedTags", JSON.valueToTree(r.getDefinedTags()));
        node.set("systemTags", JSON.valueToTree(r.getSystemTags()));
        node.set("identityContext", JSON.valueToTree(r.getIdentityContext()));
        node.set("additionalDetails", JSON.valueToTree(r.getAdditionalDetails()));
        return node;
    }

    private static final String[] PIECES = {"a", "Z", "env", "é", "東京", "\"", "\\", "/", "\n", "\t", "\u0001", "\u2028",
        "😀", " ", "<script>", "&", "0", "-", "_", "Oracle-Tags"};

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(6); n >= 0; n--) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    private static Map<String, String> strings(Random random) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int n = random.nextInt(5); n > 0; n--) {
            tags.put(text(random), random.nextInt(6) == 0 ? null : text(random));
        }
        return tags;
    }

    private static Map<String, Map<String, Object>> namespaces(Random random) {
        Map<String, Map<String, Object>> namespaces = new LinkedHashMap<>();
        for (int n = random.nextInt(3); n > 0; n--) {
            namespaces.put(text(random), tags(random, 1));
        }
        return namespaces;
    }

    /** Tags as the SDK's JSON mapper makes them: strings mostly, with numbers, booleans, nulls, lists and maps. */
    private static Map<String, Object> tags(Random random, int depth) {
        Map<String, Object> tags = new LinkedHashMap<>();
        for (int n = random.nextInt(5); n > 0; n--) {
            tags.put(text(random), value(random, depth));
        }
        return tags;
    }

    private static Object value(Random random, int depth) {
        return switch (random.nextInt(depth > 0 ? 11 : 8)) {
            case 0 -> random.nextInt();
            case 1 -> random.nextLong();
            case 2 -> random.nextDouble() * 1e6;
            case 3 -> random.nextBoolean();
            case 4 -> null;
            case 5 -> new BigDecimal("12.500");
            case 6 -> (float) random.nextDouble();
            case 8 -> tags(random, depth - 1);
            case 9 -> List.of(text(random), random.nextInt(), tags(random, depth - 1));
            case 10 -> new ArrayList<>(Arrays.asList(text(random), null, random.nextBoolean()));
            default -> text(random);
        };
    }
}
