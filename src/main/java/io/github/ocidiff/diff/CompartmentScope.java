package io.github.ocidiff.diff;

import io.github.ocidiff.crawl.Compartment;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compartment patterns resolved against one tenancy's tree: a compartment OCID or a path below the
 * tenancy ({@code prod/app}, segments may be {@code *}) covers that compartment and its whole subtree.
 * The tenancy's own OCID covers everything.
 */
public final class CompartmentScope {
    private final Map<String, String> paths;
    /** The tenancy's name, when known: reports write paths from it. */
    private final String tenancyName;

    /** @param paths compartment OCID → its path below the tenancy ("" for the tenancy itself) */
    public CompartmentScope(Map<String, String> paths) {
        this(paths, null);
    }

    private CompartmentScope(Map<String, String> paths, String tenancyName) {
        this.paths = Map.copyOf(paths);
        this.tenancyName = tenancyName;
    }

    /** The tree one snapshot recorded. */
    public static CompartmentScope of(List<Compartment> tree) {
        Map<String, String> paths = new HashMap<>();
        tree.forEach(c -> paths.put(c.id(), c.path()));
        return new CompartmentScope(paths, tree.stream().filter(c -> c.parentId() == null).map(Compartment::name)
                .findFirst().orElse(null));
    }

    /**
     * A pattern written as reports write paths, from the tenancy's name ("acme/prod/app"), as this scope
     * takes it: the path below the tenancy ("prod/app"), unless the tree has a compartment as written.
     */
    public String belowTenancy(String pattern) {
        String prefix = tenancyName == null ? null : tenancyName + "/";
        return prefix != null && pattern.startsWith(prefix) && !knows(pattern) ? pattern.substring(prefix.length())
                : pattern;
    }

    /** The compartments right below the tenancy, by name, for messages. */
    public List<String> topLevel() {
        return paths.values().stream().filter(p -> !p.isEmpty() && !p.contains("/")).sorted().toList();
    }

    /** Whether {@code pattern} covers the compartment {@code compartmentId}. */
    public boolean covers(String pattern, String compartmentId) {
        if (pattern.equals(compartmentId)) {
            return true;
        }
        String path = compartmentId == null ? null : paths.get(compartmentId);
        if (path == null) {
            return false; // a compartment the tree does not know is covered by its own OCID only
        }
        List<String> patternSegments;
        if (pattern.startsWith("ocid1.")) {
            String patternPath = paths.get(pattern);
            if (patternPath == null) {
                return false;
            }
            patternSegments = segments(patternPath);
        } else {
            patternSegments = segments(pattern);
        }
        return JsonPointers.covers(patternSegments, segments(path));
    }

    /** Whether the pattern names a compartment this tree has (or, for a path with {@code *}, may have). */
    public boolean knows(String pattern) {
        if (pattern.startsWith("ocid1.")) {
            return paths.containsKey(pattern);
        }
        return paths.keySet().stream().anyMatch(id -> covers(pattern, id));
    }

    private static List<String> segments(String path) {
        return path.isEmpty() ? List.of() : Arrays.asList(path.split("/"));
    }
}
