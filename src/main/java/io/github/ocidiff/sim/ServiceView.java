package io.github.ocidiff.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the services behind Resource Search (Identity, Core, Object Storage) hold of the resources it lists, as
 * their own GET and LIST calls answer. Search's index lags its services: a resource the fault plan makes stale was
 * deleted after Search indexed it, so Search lists it, its GET answers 404 and its service's LIST leaves it out. A
 * type whose read the plan denies answers 404 to its GET while its LIST shows it (a policy granting inspect but not
 * read), which is why OCI's 404 says "not authorized or not found".
 */
final class ServiceView {
    private final TenancySource source;
    private final FaultPlan faults;

    ServiceView(TenancySource source, FaultPlan faults) {
        this.source = source;
        this.faults = faults;
    }

    /** Whether the resource's GET finds it; when not, the GET answers with {@link #notFound}. */
    boolean readable(String resourceType, String ocid) {
        return !faults.stale(ocid) && !faults.readDenied(resourceType);
    }

    static SimError notFound(String what) {
        return SimError.notFound("Authorization failed or requested resource not found: " + what + ".");
    }

    /**
     * The details of a resource as its GET answers them (the source's details, a copy), or null when the
     * resource or its details are unknown.
     */
    ObjectNode details(String region, String resourceType, String ocid) {
        JsonNode details = source.details(region, ocid);
        if (details == null || !details.isObject() || !readable(resourceType, ocid)) {
            return null;
        }
        return ((ObjectNode) details).deepCopy();
    }

    /**
     * The Search items of one type in exactly one compartment that the service still holds, in Search's order.
     * A service lists one compartment's resources of one type, few enough to hold.
     */
    List<JsonNode> listed(String region, String resourceType, String compartmentId) {
        List<JsonNode> listed = new ArrayList<>();
        Pages.forEachResource(source, region, new ResourceQuery(Set.of(resourceType), Set.of(compartmentId)), item -> {
            if (!faults.stale(item.path("identifier").asText())) {
                listed.add(item);
            }
        });
        return listed;
    }
}
