package io.github.ocidiff.crawl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which scopes share a Resource Search query. A query costs a request (a few hundred milliseconds over a
 * network) however little it answers, and tenancies commonly keep hundreds of near-empty compartments in
 * every region: in each region, the scopes that held fewer than {@value #SMALL} resources when last
 * collected fully go up to {@value #PER_QUERY} to a query ({@code compartmentId = 'a' || compartmentId =
 * 'b' ...}), a few pages at most. The others keep a query of their own, as do scopes without such a
 * record (the first night, a new compartment or region, a scope that failed last time): a large one
 * would make the shared query long, and one that fails would fail the query for all.
 */
public final class SearchGroups {
    /** Resources below which a scope, when last collected fully, shares a query. */
    static final int SMALL = 100;
    /** Scopes to a shared query: some 2,500 resources at most, a query of some 3 KB. */
    static final int PER_QUERY = 25;

    private SearchGroups() {
    }

    /**
     * The scopes in query groups, in the order given: a large or new scope alone where it stands, the small
     * ones of a region together where their group fills up, the groups not full at the end.
     *
     * @param lastResources per scope collected fully by the latest snapshot, the resources it held
     */
    public static List<List<Scope>> of(List<Scope> scopes, Map<Scope, Long> lastResources) {
        List<List<Scope>> groups = new ArrayList<>();
        Map<String, List<Scope>> filling = new LinkedHashMap<>();
        for (Scope scope : scopes) {
            Long last = lastResources.get(scope);
            if (last == null || last >= SMALL) {
                groups.add(List.of(scope));
                continue;
            }
            List<Scope> group = filling.computeIfAbsent(scope.region(), region -> new ArrayList<>());
            group.add(scope);
            if (group.size() == PER_QUERY) {
                groups.add(List.copyOf(group));
                filling.remove(scope.region());
            }
        }
        filling.values().forEach(group -> groups.add(List.copyOf(group)));
        return groups;
    }
}
