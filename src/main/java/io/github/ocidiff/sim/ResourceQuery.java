package io.github.ocidiff.sim;

import java.util.Set;

/**
 * What a Resource Search structured query selects: resource types (empty = all), compartment ids (empty =
 * all) but those excluded, and resource identifiers (empty = all). Type names compare case-insensitively, as
 * OCI does.
 */
public record ResourceQuery(Set<String> types, Set<String> compartmentIds, Set<String> excludedCompartmentIds,
                            Set<String> identifiers) {
    public ResourceQuery {
        types = Set.copyOf(types);
        compartmentIds = Set.copyOf(compartmentIds);
        excludedCompartmentIds = Set.copyOf(excludedCompartmentIds);
        identifiers = Set.copyOf(identifiers);
    }

    public ResourceQuery(Set<String> types, Set<String> compartmentIds) {
        this(types, compartmentIds, Set.of(), Set.of());
    }

    public static ResourceQuery all() {
        return new ResourceQuery(Set.of(), Set.of());
    }

    public boolean matchesType(String resourceType) {
        return types.isEmpty() || types.stream().anyMatch(t -> t.equalsIgnoreCase(resourceType));
    }

    public boolean matchesCompartment(String compartmentId) {
        return (compartmentIds.isEmpty() || compartmentIds.contains(compartmentId))
                && !excludedCompartmentIds.contains(compartmentId);
    }

    public boolean matchesIdentifier(String identifier) {
        return identifiers.isEmpty() || identifiers.contains(identifier);
    }
}
