package io.github.ocidiff.crawl;

import java.util.List;

/**
 * Scopes of one region asked with one Resource Search query (see {@link SearchGroups}).
 *
 * @param probe      whether the scopes were never collected before: when the query's first page is not its last, it
 *                   is not paged on but its scopes asked apart (see Crawler)
 * @param regionWide whether the scopes are every compartment of the tenancy in their region, so that the query names
 *                   none (see {@link SearchGroups})
 */
record QueryGroup(List<Scope> scopes, boolean probe, boolean regionWide) {
    QueryGroup {
        scopes = List.copyOf(scopes);
    }

    QueryGroup(List<Scope> scopes, boolean probe) {
        this(scopes, probe, false);
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
