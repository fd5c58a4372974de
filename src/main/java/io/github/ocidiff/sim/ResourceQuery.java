package io.github.ocidiff.sim;

import java.util.Set;

/**
 * What a Resource Search structured query selects: resource types (empty = all) and
 * compartment ids (empty = all). Type names compare case-insensitively, as OCI does.
 */
public record ResourceQuery(Set<String> types, Set<String> compartmentIds) {
    public ResourceQuery {
        types = Set.copyOf(types);
        compartmentIds = Set.copyOf(compartmentIds);
    }

    public static ResourceQuery all() {
        return new ResourceQuery(Set.of(), Set.of());
    }

    public boolean matchesType(String resourceType) {
        return types.isEmpty() || types.stream().anyMatch(t -> t.equalsIgnoreCase(resourceType));
    }

    public boolean matchesCompartment(String compartmentId) {
        return compartmentIds.isEmpty() || compartmentIds.contains(compartmentId);
    }
}
