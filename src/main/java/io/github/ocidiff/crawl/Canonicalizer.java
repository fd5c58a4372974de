package io.github.ocidiff.crawl;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.bmc.resourcesearch.model.ResourceSummary;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical form of a resource, so that the same content always has the same bytes and hash:
 * keys sorted at every level, top-level nulls dropped, search-time fields ({@code searchContext})
 * dropped, times as RFC 3339 UTC, and the region recorded. Unknown fields are kept.
 */
public final class Canonicalizer {

    /** Fields that describe the search, not the resource: they change without the resource changing. */
    private static final List<String> SEARCH_ONLY = List.of("searchContext");

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A digest per thread: looking one up per resource showed in the crawl's profile. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private Canonicalizer() {
    }

    /**
     * From the SDK's model (what SearchResources returns through the SDK): the same text as the raw JSON
     * of the resource gives, written straight from the model with its keys in order. Building a JSON tree
     * of the model first and copying it sorted cost twice the CPU of the SDK's own paging and parsing.
     */
    public static CanonicalResource of(ResourceSummary r, String region) {
        StringWriter text = new StringWriter(1024);
        try (JsonGenerator out = JSON.getFactory().createGenerator(text)) {
            out.writeStartObject();
            // The model's fields and the region, in the order of their names.
            member(out, "additionalDetails", r.getAdditionalDetails());
            member(out, "availabilityDomain", r.getAvailabilityDomain());
            member(out, "compartmentId", r.getCompartmentId());
            member(out, "definedTags", r.getDefinedTags());
            member(out, "displayName", r.getDisplayName());
            member(out, "freeformTags", r.getFreeformTags());
            member(out, "identifier", r.getIdentifier());
            member(out, "identityContext", r.getIdentityContext());
            member(out, "lifecycleState", r.getLifecycleState());
            member(out, "region", region);
            member(out, "resourceType", r.getResourceType());
            member(out, "systemTags", r.getSystemTags());
            member(out, "timeCreated", time(r.getTimeCreated()));
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String json = text.toString();
        return new CanonicalResource(r.getIdentifier(), region, r.getResourceType(), r.getCompartmentId(),
                r.getLifecycleState(), r.getDisplayName(), json, sha256(json));
    }

    /** Whether every key of a map is a string; a loop, as a stream per map showed in the crawl's profile. */
    private static boolean stringKeys(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                return false;
            }
        }
        return true;
    }

    /** A top-level member, left out when null. */
    private static void member(JsonGenerator out, String name, Object value) throws IOException {
        if (value != null) {
            out.writeFieldName(name);
            write(out, value);
        }
    }

    /**
     * A value of the model's maps (what Jackson made of the API's JSON), maps sorted by key; a type other
     * than JSON's usual ones goes through a tree, as {@link #of(ObjectNode, String)} would take it.
     */
    private static void write(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String string) {
            out.writeString(string);
        } else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        } else if (value instanceof Integer number) {
            out.writeNumber(number);
        } else if (value instanceof Long number) {
            out.writeNumber(number);
        } else if (value instanceof Map<?, ?> map && stringKeys(map)) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
                out.writeFieldName((String) entry.getKey());
                write(out, entry.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof List<?> list) {
            out.writeStartArray();
            for (Object item : list) {
                write(out, item);
            }
            out.writeEndArray();
        } else {
            out.writeTree(sorted(JSON.valueToTree(value)));
        }
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
        return HexFormat.of().formatHex(SHA_256.get().digest(json.getBytes(StandardCharsets.UTF_8)));
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
