package io.github.ocidiff.crawl;

import java.util.List;

/**
 * Scopes of one region asked with one Resource Search query (see {@link SearchGroups}).
 *
 * @param probe      whether the scopes were never collected before: when the query's first page is not its last, it
 *                   is not paged on but its scopes asked apart (see Crawler)
 * @param regionWide whether the scopes are every compartment of the tenancy in their region but {@code excluding}, so
 *                   that the query names none of them (see {@link SearchGroups})
 * @param excluding  of a region-wide group, the compartments of the tenancy not covered, which its query leaves out
 */
record QueryGroup(List<Scope> scopes, boolean probe, boolean regionWide, List<String> excluding) {
    QueryGroup {
        scopes = List.copyOf(scopes);
        excluding = List.copyOf(excluding);
        if (!regionWide && !excluding.isEmpty()) {
            throw new IllegalArgumentException("only a region-wide group excludes compartments");
        }
    }

    QueryGroup(List<Scope> scopes, boolean probe) {
        this(scopes, probe, false, List.of());
    }

    /** A region-wide group: every compartment of the tenancy in the scopes' region but {@code excluding}. */
    static QueryGroup regionWide(List<Scope> scopes, boolean probe, List<String> excluding) {
        return new QueryGroup(scopes, probe, true, excluding);
    }

    static QueryGroup alone(Scope scope) {
        return new QueryGroup(List.of(scope), false);
    }

    boolean shared() {
        return scopes.size() > 1;
    }

    String region() {
        return scopes.get(0).region();
    }

    /** The first or the second half, as a group of the same kind, each naming its compartments. */
    QueryGroup half(boolean first) {
        int middle = scopes.size() / 2;
        return of(first ? scopes.subList(0, middle) : scopes.subList(middle, scopes.size()), probe);
    }

    /** A group of these scopes, or the one scope alone. */
    static QueryGroup of(List<Scope> scopes, boolean probe) {
        return scopes.size() == 1 ? alone(scopes.get(0)) : new QueryGroup(scopes, probe);
    }
}
