package io.github.ocidiff.crawl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.bmc.resourcesearch.model.ResourceSummary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The canonical form of a resource, so that the same content always has the same bytes and hash:
 * keys sorted at every level, top-level nulls dropped, search-time fields ({@code searchContext})
 * dropped, times as RFC 3339 UTC, and the region recorded. Unknown fields are kept.
 */
public final class Canonicalizer {

    /** Fields that describe the search, not the resource: they change without the resource changing. */
    private static final List<String> SEARCH_ONLY = List.of("searchContext");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Canonicalizer() {
    }

    /** From the SDK's model (what SearchResources returns through the SDK). */
    public static CanonicalResource of(ResourceSummary r, String region) {
        ObjectNode node = JSON.createObjectNode();
        node.put("resourceType", r.getResourceType());
        node.put("identifier", r.getIdentifier());
        node.put("compartmentId", r.getCompartmentId());
        node.put("timeCreated", time(r.getTimeCreated()));
        node.put("displayName", r.getDisplayName());
        node.put("availabilityDomain", r.getAvailabilityDomain());
        node.put("lifecycleState", r.getLifecycleState());
        node.set("freeformTags", tree(r.getFreeformTags()));
        node.set("definedTags", tree(r.getDefinedTags()));
        node.set("systemTags", tree(r.getSystemTags()));
        node.set("identityContext", tree(r.getIdentityContext()));
        node.set("additionalDetails", tree(r.getAdditionalDetails()));
        return of(node, region);
    }

    /** From raw Resource Search JSON (camelCase), e.g. a saved API response. */
    public static CanonicalResource of(ObjectNode raw, String region) {
        // One sorted deep copy: the top level is assembled here (nulls and search-only fields left out,
        // the region added, the creation time normalised), members below it are copied sorted.
        List<String> names = new ArrayList<>();
        raw.fieldNames().forEachRemaining(name -> {
            if (!SEARCH_ONLY.contains(name) && !name.equals("region") && !raw.get(name).isNull()) {
                names.add(name);
            }
        });
        names.add("region");
        names.sort(null);
        ObjectNode ordered = JSON.createObjectNode();
        for (String name : names) {
            JsonNode value = name.equals("region") ? ordered.textNode(region) : raw.get(name);
            if (name.equals("timeCreated") && value.isTextual()) {
                value = ordered.textNode(normalizedTime(value.asText()));
            }
            ordered.set(name, sorted(value));
        }
        String json = write(ordered);
        return new CanonicalResource(text(ordered, "identifier"), region, text(ordered, "resourceType"),
                text(ordered, "compartmentId"), text(ordered, "lifecycleState"), text(ordered, "displayName"),
                json, sha256(json));
    }

    /** The hex SHA-256 of a canonical JSON text. */
    public static String sha256(String json) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            for (String name : names) {
                out.set(name, sorted(node.get(name)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            node.forEach(item -> out.add(sorted(item)));
            return out;
        }
        return node;
    }

    private static JsonNode tree(Map<String, ?> map) {
        return map == null ? null : JSON.valueToTree(map);
    }

    private static String time(Date date) {
        return date == null ? null : date.toInstant().toString();
    }

    /** RFC 3339 in UTC with only the fraction needed, so "…00.000Z" and "…00Z" hash alike. */
    private static String normalizedTime(String text) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant().toString();
        } catch (java.time.format.DateTimeParseException e) {
            return text;
        }
    }

    private static String text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
