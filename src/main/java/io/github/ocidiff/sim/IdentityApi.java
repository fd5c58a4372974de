package io.github.ocidiff.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Identity (20160918): GetTenancy, ListRegionSubscriptions, ListCompartments, GetCompartment. */
final class IdentityApi {
    private static final String VERSION = "20160918";

    private final TenancySource source;

    IdentityApi(TenancySource source) {
        this.source = source;
    }

    boolean owns(SimRequest r) {
        return VERSION.equals(r.segment(0)) && ("tenancies".equals(r.segment(1)) || "compartments".equals(r.segment(1)));
    }

    SimResponse handle(SimRequest r) {
        String tenancyId = source.tenancy().path("id").asText();
        if (r.is("GET", 3) && r.segment(1).equals("tenancies")) {
            requireTenancy(r.segment(2), tenancyId);
            return SimResponse.json(source.tenancy());
        }
        if (r.is("GET", 4) && r.segment(1).equals("tenancies") && r.segment(3).equals("regionSubscriptions")) {
            requireTenancy(r.segment(2), tenancyId);
            return SimResponse.jsonList(source.regions());
        }
        if (r.is("GET", 2) && r.segment(1).equals("compartments")) {
            return listCompartments(r, tenancyId);
        }
        if (r.is("GET", 3) && r.segment(1).equals("compartments")) {
            String id = r.segment(2);
            if (id.equals(tenancyId)) {
                return SimResponse.json(source.tenancy());
            }
            return source.compartments().stream()
                    .filter(c -> c.path("id").asText().equals(id))
                    .findFirst()
                    .map(SimResponse::json)
                    .orElseThrow(() -> SimError.notFound("Compartment " + id + " not found."));
        }
        throw SimError.notFound("No such Identity operation: " + r.method() + " " + String.join("/", r.segments()));
    }

    private SimResponse listCompartments(SimRequest r, String tenancyId) {
        String parent = r.param("compartmentId");
        if (parent == null) {
            throw SimError.badRequest("MissingParameter", "compartmentId is required.");
        }
        boolean subtree = Boolean.parseBoolean(r.param("compartmentIdInSubtree"));
        if (subtree && !parent.equals(tenancyId)) {
            throw SimError.badRequest("InvalidParameter",
                    "compartmentIdInSubtree can only be true when compartmentId is the tenancy.");
        }
        String accessLevel = r.param("accessLevel");
        if (accessLevel != null && !accessLevel.equals("ANY") && !accessLevel.equals("ACCESSIBLE")) {
            throw SimError.badRequest("InvalidParameter", "accessLevel must be ANY or ACCESSIBLE.");
        }
        String state = r.param("lifecycleState");
        int limit = r.intParam("limit", 1000, 1, 1000);
        int offset = r.pageOffset();
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode c : source.compartments()) {
            boolean inScope = subtree || c.path("compartmentId").asText().equals(parent);
            boolean stateOk = state == null || c.path("lifecycleState").asText().equals(state);
            boolean accessOk = !"ACCESSIBLE".equals(accessLevel) || c.path("isAccessible").asBoolean(true);
            if (inScope && stateOk && accessOk) {
                matching.add(c);
            }
        }
        return SimResponse.page(Pages.slice(matching, offset, limit), false);
    }

    private static void requireTenancy(String requested, String tenancyId) {
        if (!requested.equals(tenancyId)) {
            throw SimError.notFound("Tenancy " + requested + " not found.");
        }
    }
}
