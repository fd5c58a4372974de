package io.github.ocidiff.diff;

import java.util.Map;
import java.util.Set;

/**
 * The arrays OCI treats as unordered sets, per resource type, by JSON Pointer. They are compared as
 * multisets, so a reorder (the API returns them in no promised order; a console edit may rewrite them)
 * is no change.
 */
public final class SetArrays {

    /**
     * Policy statements are evaluated as a set; security list rules and NSG rules are stateful match
     * lists without precedence (any matching rule allows), so their order means nothing.
     */
    public static final SetArrays DEFAULT = of(Map.of(
            "Policy", Set.of("/details/statements"),
            "SecurityList", Set.of("/details/ingressSecurityRules", "/details/egressSecurityRules"),
            "NetworkSecurityGroup", Set.of("/details/securityRules")));

    private final Map<String, Set<String>> byType;

    private SetArrays(Map<String, Set<String>> byType) {
        this.byType = byType;
    }

    /** @param byType resource type (as Resource Search names it) → exact JSON Pointers of its set arrays */
    public static SetArrays of(Map<String, Set<String>> byType) {
        Map<String, Set<String>> copy = new java.util.HashMap<>();
        byType.forEach((type, paths) -> copy.put(type, Set.copyOf(paths)));
        return new SetArrays(Map.copyOf(copy));
    }

    /** The set-array pointers of one resource type; empty for types without any. */
    public Set<String> of(String resourceType) {
        return resourceType == null ? Set.of() : byType.getOrDefault(resourceType, Set.of());
    }
}
