package io.github.ocidiff.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.crawl.ScopeCoverage;
import io.github.ocidiff.store.StoredResource;
import java.util.List;

/** Resource versions as the store hands them to the diff, built from canonical-looking JSON. */
final class Versions {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String ASHBURN = "us-ashburn-1";
    static final String PHOENIX = "us-phoenix-1";
    static final String TENANCY = "ocid1.tenancy.oc1..tenancy";
    static final String APP = "ocid1.compartment.oc1..app";
    static final String NETWORK = "ocid1.compartment.oc1..network";
    static final String SANDBOX = "ocid1.compartment.oc1..sandbox";

    private Versions() {
    }

    /** A minimal Resource Search resource in us-ashburn-1, as the crawler stores it. */
    static ObjectNode resource(String type, String ocid, String compartmentId, String state, String name) {
        ObjectNode node = JSON.createObjectNode();
        node.put("compartmentId", compartmentId);
        node.set("definedTags", JSON.createObjectNode());
        node.put("displayName", name);
        node.set("freeformTags", JSON.createObjectNode());
        node.put("identifier", ocid);
        node.put("lifecycleState", state);
        node.put("region", ASHBURN);
        node.put("resourceType", type);
        node.set("systemTags", JSON.createObjectNode());
        node.put("timeCreated", "2026-10-20T10:00:00Z");
        return node;
    }

    static ObjectNode instance(String ocid, String compartmentId, String state) {
        return resource("Instance", ocid, compartmentId, state, "web-1");
    }

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static JsonNode value(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A copy of {@code node} with the value at {@code pointer} set (objects on the way created). */
    static ObjectNode with(ObjectNode node, String pointer, Object value) {
        ObjectNode copy = node.deepCopy();
        List<String> tokens = JsonPointers.tokens(pointer);
        ObjectNode parent = copy;
        for (String token : tokens.subList(0, tokens.size() - 1)) {
            String key = JsonPointers.unescape(token);
            if (!(parent.get(key) instanceof ObjectNode)) {
                parent.set(key, JSON.createObjectNode());
            }
            parent = (ObjectNode) parent.get(key);
        }
        parent.set(JsonPointers.unescape(tokens.get(tokens.size() - 1)), JSON.valueToTree(value));
        return copy;
    }

    /** The store's view: indexed columns read from the JSON, content addressed by a stand-in hash. */
    static StoredResource stored(ObjectNode node) {
        String json = node.toString();
        return new StoredResource(text(node, "identifier"), text(node, "region"), text(node, "resourceType"),
                text(node, "compartmentId"), text(node, "lifecycleState"), text(node, "displayName"),
                "sha-" + Integer.toHexString(json.hashCode()), json);
    }

    private static String text(ObjectNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static ScopeCoverage ok(String region, String compartmentId, long resources) {
        return new ScopeCoverage(new Scope(region, compartmentId), true, null, 1, resources, 10);
    }

    static ScopeCoverage failed(String region, String compartmentId, String error) {
        return new ScopeCoverage(new Scope(region, compartmentId), false, error, 0, 0, 10);
    }
}
