package io.github.ocidiff.diff;

import io.github.ocidiff.crawl.Compartment;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compartment patterns resolved against one tenancy's tree: a compartment OCID or a path below the
 * tenancy ({@code prod/app}, segments may be {@code *}) covers that compartment and its whole subtree.
 * The tenancy's own OCID covers everything.
 *
 * <p>A report spans two snapshots, and compartments are renamed and moved between them: a pattern covers a
 * compartment when it does in the tree of either ({@link #across}). Else a baseline or rule naming {@code dev}
 * would cover nothing once {@code dev} became {@code development}, and a drift check pass with no word.
 */
public final class CompartmentScope {
    /** Each tree: compartment OCID → its path below the tenancy ("" for the tenancy itself). */
    private final List<Map<String, String>> trees;
    /** The tenancy's name, when known: reports write paths from it. */
    private final String tenancyName;

    /** @param paths compartment OCID → its path below the tenancy ("" for the tenancy itself) */
    public CompartmentScope(Map<String, String> paths) {
        this(List.of(paths), null);
    }

    private CompartmentScope(List<Map<String, String>> trees, String tenancyName) {
        this.trees = trees.stream().<Map<String, String>>map(Map::copyOf).toList();
        this.tenancyName = tenancyName;
    }

    /** The tree one snapshot recorded. */
    public static CompartmentScope of(List<Compartment> tree) {
        Map<String, String> paths = new HashMap<>();
        tree.forEach(c -> paths.put(c.id(), c.path()));
        return new CompartmentScope(List.of(paths), tree.stream().filter(c -> c.parentId() == null)
                .map(Compartment::name).findFirst().orElse(null));
    }

    /** The trees of several snapshots, each as {@link #CompartmentScope(Map)} takes it: covered in any, covered. */
    public static CompartmentScope across(List<Map<String, String>> trees) {
        return new CompartmentScope(trees, null);
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
        return trees.stream().flatMap(t -> t.values().stream()).filter(p -> !p.isEmpty() && !p.contains("/"))
                .distinct().sorted().toList();
    }

    /** Whether {@code pattern} covers the compartment {@code compartmentId}. */
    public boolean covers(String pattern, String compartmentId) {
        return Objects.equals(pattern, compartmentId) || trees.stream().anyMatch(t -> covers(t, pattern, compartmentId));
    }

    /** Whether the pattern names a compartment this tree has (or, for a path with {@code *}, may have). */
    public boolean knows(String pattern) {
        return trees.stream().anyMatch(t -> pattern.startsWith("ocid1.") ? t.containsKey(pattern)
                : t.keySet().stream().anyMatch(id -> covers(t, pattern, id)));
    }

    private static boolean covers(Map<String, String> tree, String pattern, String compartmentId) {
        String path = compartmentId == null ? null : tree.get(compartmentId);
        if (path == null) {
            return false; // a compartment the tree does not know is covered by its own OCID only
        }
        List<String> patternSegments;
        if (pattern.startsWith("ocid1.")) {
            String patternPath = tree.get(pattern);
            if (patternPath == null) {
                return false;
            }
            patternSegments = segments(patternPath);
        } else {
            patternSegments = segments(pattern);
        }
        return JsonPointers.covers(patternSegments, segments(path));
    }

    private static List<String> segments(String path) {
        return path.isEmpty() ? List.of() : Arrays.asList(path.split("/"));
    }
}
