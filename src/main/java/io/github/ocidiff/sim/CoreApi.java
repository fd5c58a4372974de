package io.github.ocidiff.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The full-resource GETs that show what Resource Search does not: Identity GetPolicy, Core
 * GetSecurityList and ListNetworkSecurityGroupSecurityRules (all API version 20160918), and the LIST
 * of each type in a compartment (ListPolicies, ListSecurityLists, ListNetworkSecurityGroups). Answers
 * are built from the source's details, as the {@link ServiceView} lets each call see them.
 */
final class CoreApi {
    private static final Map<String, String> TYPES = Map.of("policies", "Policy", "securityLists", "SecurityList",
            "networkSecurityGroups", "NetworkSecurityGroup");

    private final ServiceView services;
    private final TenancySource source;

    CoreApi(ServiceView services, TenancySource source) {
        this.services = services;
        this.source = source;
    }

    boolean owns(SimRequest r) {
        String collection = r.segment(1);
        return "20160918".equals(r.segment(0)) && ("policies".equals(collection) || "securityLists".equals(collection)
                || "networkSecurityGroups".equals(collection));
    }

    SimResponse handle(SimRequest r) {
        String collection = r.segment(1);
        if (r.is("GET", 2)) {
            return list(r, TYPES.get(collection));
        }
        if (r.is("GET", 3) && collection.equals("policies")) {
            return SimResponse.json(details(r, "Policy"));
        }
        if (r.is("GET", 3) && collection.equals("securityLists")) {
            return SimResponse.json(details(r, "SecurityList"));
        }
        if (r.is("GET", 4) && collection.equals("networkSecurityGroups") && r.segment(3).equals("securityRules")) {
            JsonNode nsg = details(r, "NetworkSecurityGroup");
            List<JsonNode> rules = new ArrayList<>();
            nsg.path("securityRules").forEach(rules::add);
            int limit = r.intParam("limit", 100, 1, 1000);
            return SimResponse.page(Pages.slice(rules, r.pageOffset(), limit), false);
        }
        throw SimError.notFound("No such operation: " + r.method() + " /" + String.join("/", r.segments()));
    }

    private ObjectNode details(SimRequest r, String type) {
        String id = r.segment(2);
        ObjectNode answer = services.details(r.region(), type, id);
        if (answer == null) {
            throw ServiceView.notFound(type + " " + id);
        }
        answer.put("id", id);
        return answer;
    }

    /**
     * A compartment's resources of one type, each as its GET answers it (OCI's LISTs of policies and of networking
     * types show each resource in full, to callers who may only inspect them), with the fields its summary shares
     * where the source gives no details of those.
     */
    private SimResponse list(SimRequest r, String type) {
        String compartmentId = r.param("compartmentId");
        if (compartmentId == null) {
            throw SimError.badRequest("MissingParameter", "compartmentId is required.");
        }
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode listed : services.listed(r.region(), type, compartmentId)) {
            String id = listed.path("identifier").asText();
            JsonNode details = source.details(r.region(), id);
            ObjectNode item = details != null && details.isObject() ? ((ObjectNode) details).deepCopy()
                    : SimResponse.JSON.createObjectNode();
            item.put("id", id);
            putIfAbsent(item, "compartmentId", TextNode.valueOf(compartmentId));
            putIfAbsent(item, type.equals("Policy") ? "name" : "displayName", listed.path("displayName"));
            putIfAbsent(item, "lifecycleState", listed.path("lifecycleState"));
            putIfAbsent(item, "timeCreated", listed.path("timeCreated"));
            items.add(item);
        }
        return SimResponse.page(Pages.slice(items, r.pageOffset(), r.intParam("limit", 100, 1, 1000)), false);
    }

    private static void putIfAbsent(ObjectNode item, String field, JsonNode value) {
        if (!item.has(field)) {
            item.set(field, value);
        }
    }
}
