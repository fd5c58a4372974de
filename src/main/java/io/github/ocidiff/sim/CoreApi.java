package io.github.ocidiff.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The full-resource GETs that show what Resource Search does not: Identity GetPolicy, Core
 * GetSecurityList and ListNetworkSecurityGroupSecurityRules (all API version 20160918). Answers are
 * built from the source's details merged over the resource's summary fields.
 */
final class CoreApi {
    private final TenancySource source;

    CoreApi(TenancySource source) {
        this.source = source;
    }

    boolean owns(SimRequest r) {
        String collection = r.segment(1);
        return "20160918".equals(r.segment(0)) && ("policies".equals(collection) || "securityLists".equals(collection)
                || "networkSecurityGroups".equals(collection));
    }

    SimResponse handle(SimRequest r) {
        String collection = r.segment(1);
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
        JsonNode details = source.details(r.region(), id);
        if (details == null || !details.isObject()) {
            throw SimError.notFound(type + " " + id + " not found.");
        }
        ObjectNode answer = ((ObjectNode) details).deepCopy();
        answer.put("id", id);
        return answer;
    }
}
