package io.github.ocidiff.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
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
    void timesOfAnyPrecisionOrOffsetAreKeptToTheMillisecondInUtc() throws Exception {
        for (String time : List.of("2026-09-15T12:00:00.123Z", "2026-09-15T12:00:00.123456Z",
                "2026-09-15T14:00:00.123000+02:00")) {
            assertThat(Canonicalizer.of(raw("{\"identifier\":\"x\",\"timeCreated\":\"" + time + "\"}"), "r").json())
                    .contains("\"timeCreated\":\"2026-09-15T12:00:00.123Z\"");
        }
        assertThat(Canonicalizer.of(raw("{\"timeCreated\":\"yesterday\"}"), "r").json()).contains("\"yesterday\"");
    }

    /** Times in the canonical form skip the parser: they must come out as the parser would make them. */
    @Test
    void aTimeKeptWithoutParsingIsWhatParsingWouldGive() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            String time = String.format("%04d-%02d-%02dT%02d:%02d:%02d%s", random.nextInt(3) == 0 ? 1 + random.nextInt(9998)
                    : 2000 + random.nextInt(40), random.nextInt(14), random.nextInt(33), random.nextInt(26),
                    random.nextInt(62), random.nextInt(62), List.of("Z", ".000Z", ".120Z", ".5Z", ".123456Z", "+01:00",
                            ".999Z", "z", "").get(random.nextInt(9)));
            String parsed;
            try {
                parsed = OffsetDateTime.parse(time).toInstant().truncatedTo(ChronoUnit.MILLIS).toString();
            } catch (DateTimeParseException e) {
                parsed = time;
            }
            assertThat(Canonicalizer.normalizedTime(time)).as(time).isEqualTo(parsed);
        }
    }

    /**
     * Stores hold the hashes of this text since the first release: it must stay Jackson's text of the tree
     * with its keys sorted, whatever the tags hold (escapes, unicode, numbers of every kind, nulls, nesting).
     */
    @Test
    void theTextIsJacksonsTextOfTheSortedTreeForAnyTags() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            ObjectNode raw = JSON.createObjectNode();
            raw.put("resourceType", random.nextInt(8) == 0 ? null : text(random));
            raw.put("identifier", "ocid1.instance.oc1.iad." + text(random));
            raw.put("compartmentId", text(random));
            raw.put("lifecycleState", random.nextBoolean() ? "RUNNING" : null);
            raw.put("displayName", text(random));
            raw.put("timeCreated", random.nextBoolean() ? Instant.ofEpochMilli(random.nextLong() % 4_000_000_000_000L).toString() : null);
            raw.set("freeformTags", random.nextInt(5) == 0 ? null : JSON.valueToTree(strings(random)));
            raw.set("definedTags", random.nextInt(5) == 0 ? null : JSON.valueToTree(namespaces(random)));
            raw.set("systemTags", random.nextInt(3) == 0 ? null : JSON.valueToTree(namespaces(random)));
            raw.set("additionalDetails", random.nextInt(3) == 0 ? null : JSON.valueToTree(tags(random, 2)));
            raw.set(text(random) + "Future", JSON.valueToTree(tags(random, 1)));
            // Through text, as the API's JSON arrives: number nodes as Jackson parses them.
            ObjectNode parsed = raw(JSON.writeValueAsString(raw));
            CanonicalResource r = Canonicalizer.of(parsed, "eu-frankfurt-1");
            assertThat(r.json()).isEqualTo(reference(parsed, "eu-frankfurt-1"));
        }
    }

    /** The canonical text as the first release made it: a sorted deep copy of the tree, written by Jackson. */
    private static String reference(ObjectNode raw, String region) throws Exception {
        ObjectNode top = raw.deepCopy();
        top.remove("searchContext");
        top.put("region", region);
        List<String> nulls = new ArrayList<>();
        top.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                nulls.add(e.getKey());
            }
        });
        top.remove(nulls);
        if (top.has("timeCreated")) {
            top.put("timeCreated", Instant.parse(top.get("timeCreated").asText()).toString());
        }
        return JSON.writeValueAsString(sorted(top));
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            names.forEach(name -> out.set(name, sorted(node.get(name))));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            node.forEach(item -> out.add(sorted(item)));
            return out;
        }
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
