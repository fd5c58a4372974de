package io.github.ocidiff.crawl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which scopes share a Resource Search query. A query costs a request (a few hundred milliseconds over a
 * network) however little it answers, and tenancies commonly keep hundreds of near-empty compartments in
 * every region: in each region, the scopes that held fewer than {@value #SMALL} resources when last
 * collected fully go up to {@value #PER_QUERY} to a query ({@code compartmentId = 'a' || compartmentId =
 * 'b' ...}), a few pages at most. Those never collected (the first night, a new compartment or region) share
 * one too, as probes: when its first page is not its last, the crawl asks them apart (see Crawler). Scopes that
 * held more keep a query of their own, as paging a large one would hold up the others, and so do those the
 * latest snapshot could not collect: one that fails fails a shared query for all.
 */
public final class SearchGroups {
    /** Resources below which a scope, when last collected fully, shares a query. */
    static final int SMALL = 100;
    /** Scopes to a shared query: some 2,500 resources at most, a query of some 3 KB. */
    static final int PER_QUERY = 25;

    private SearchGroups() {
    }

    /**
     * The scopes in query groups, in the order given: a large or failed scope alone where it stands, the small ones
     * of a region together where their group fills up, those never collected likewise apart from them, the groups
     * not full at the end.
     *
     * @param last the latest snapshot's coverage (none before the first)
     */
    static List<QueryGroup> of(List<Scope> scopes, List<ScopeCoverage> last) {
        Map<Scope, ScopeCoverage> lastByScope = new HashMap<>();
        last.forEach(coverage -> lastByScope.put(coverage.scope(), coverage));
        List<QueryGroup> groups = new ArrayList<>();
        Map<Filling, List<Scope>> filling = new LinkedHashMap<>();
        for (Scope scope : scopes) {
            ScopeCoverage before = lastByScope.get(scope);
            if (before != null && (!before.ok() || before.resources() >= SMALL)) {
                groups.add(QueryGroup.alone(scope));
                continue;
            }
            Filling key = new Filling(scope.region(), before == null);
            List<Scope> group = filling.computeIfAbsent(key, k -> new ArrayList<>());
            group.add(scope);
            if (group.size() == PER_QUERY) {
                groups.add(QueryGroup.of(group, key.probe()));
                filling.remove(key);
            }
        }
        filling.forEach((key, group) -> groups.add(QueryGroup.of(group, key.probe())));
        return groups;
    }

    /** A region's group being filled: of small scopes, or of scopes never collected ({@code probe}). */
    private record Filling(String region, boolean probe) {
    }
}
