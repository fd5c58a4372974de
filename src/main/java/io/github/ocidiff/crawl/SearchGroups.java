package io.github.ocidiff.crawl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which scopes share a Resource Search query. A query costs a request (a few hundred milliseconds over a
 * network) however little it answers, and tenancies commonly keep hundreds of near-empty compartments in
 * every region: in each region, the scopes that held fewer than {@value #SMALL} resources when last
 * collected fully go up to {@value #PER_QUERY} to a query ({@code compartmentId = 'a' || compartmentId =
 * 'b' ...}), a few pages at most. Those never collected (the first night, a new compartment or region) share
 * one too, as probes: when its first page is not its last, the crawl asks them apart (see Crawler). Scopes that
 * held more keep a query of their own, as paging a large one would hold up the others, and so do those the
 * latest snapshot could not collect where it collected others of their region: one that fails fails a shared
 * query for all (where it collected none, the region was down, and its scopes count as never collected).
 * Where a region's scopes are all small or new, together under {@value #REGION_PAGE} resources, they share one query
 * that names none of them: {@code query all resources} where the plan covers every compartment of the tenancy, else
 * one that names the compartments left out ({@code compartmentId != 'x' && ...}), where they are no more than
 * {@value #PER_QUERY} (as long a query as a group's): a region kept nearly empty costs one request however many
 * compartments the tenancy has.
 */
public final class SearchGroups {
    /** Resources below which a scope, when last collected fully, shares a query. */
    static final int SMALL = 100;
    /** Scopes to a shared query: some 2,500 resources at most, a query of some 3 KB. */
    static final int PER_QUERY = 25;
    /** Resources (a page) under which a region's small and new scopes, when they are all its scopes, share one query. */
    static final int REGION_PAGE = 1000;

    private SearchGroups() {
    }

    /**
     * The scopes in query groups, in the order given: a region's scopes that may share a query naming none of them
     * first, then a large or failed scope alone where it stands, the small ones of a region together where their
     * group fills up, those never collected likewise apart from them, the groups not full at the end.
     *
     * @param last      the latest snapshot's coverage (none before the first)
     * @param uncovered the compartments of the tenancy the scopes leave out
     */
    static List<QueryGroup> of(List<Scope> scopes, List<ScopeCoverage> last, List<String> uncovered) {
        return of(scopes, last, uncovered.size() <= PER_QUERY ? Optional.of(uncovered) : Optional.empty());
    }

    /** The scopes in query groups that each name their compartments (see {@link #of(List, List, List)}). */
    static List<QueryGroup> named(List<Scope> scopes, List<ScopeCoverage> last) {
        return of(scopes, last, Optional.empty());
    }

    /** @param excluding what a region-wide query would leave out, if the scopes may share one */
    private static List<QueryGroup> of(List<Scope> scopes, List<ScopeCoverage> last, Optional<List<String>> excluding) {
        Map<Scope, ScopeCoverage> lastByScope = new HashMap<>();
        Map<String, Boolean> regionCollected = new HashMap<>();
        last.forEach(coverage -> regionCollected.merge(coverage.scope().region(), coverage.ok(), Boolean::logicalOr));
        // A region none of whose scopes was collected (down, most likely) tells nothing of any: as never collected; so
        // does a scope a narrowed snapshot left out (not asked: it did not fail).
        last.stream().filter(coverage -> regionCollected.get(coverage.scope().region()) && !coverage.leftOut())
                .forEach(coverage -> lastByScope.put(coverage.scope(), coverage));
        List<QueryGroup> groups = new ArrayList<>(excluding.map(ids -> regionWide(scopes, lastByScope, ids))
                .orElse(List.of()));
        Set<Scope> grouped = groups.stream().flatMap(group -> group.scopes().stream()).collect(Collectors.toSet());
        Map<Filling, List<Scope>> filling = new LinkedHashMap<>();
        for (Scope scope : scopes) {
            if (grouped.contains(scope)) {
                continue;
            }
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

    /** The regions whose scopes are all small or new, under a page together, each as one group naming none of them. */
    private static List<QueryGroup> regionWide(List<Scope> scopes, Map<Scope, ScopeCoverage> lastByScope,
                                               List<String> excluding) {
        Map<String, List<Scope>> byRegion = scopes.stream().collect(Collectors.groupingBy(Scope::region,
                LinkedHashMap::new, Collectors.toList()));
        List<QueryGroup> groups = new ArrayList<>();
        byRegion.forEach((region, inRegion) -> {
            long known = 0;
            boolean probe = false;
            for (Scope scope : inRegion) {
                ScopeCoverage before = lastByScope.get(scope);
                if (before == null) {
                    probe = true;
                } else if (!before.ok() || before.resources() >= SMALL) {
                    return;
                } else {
                    known += before.resources();
                }
            }
            if (inRegion.size() > 1 && known < REGION_PAGE) {
                groups.add(QueryGroup.regionWide(inRegion, probe, excluding));
            }
        });
        return groups;
    }

    /** A region's group being filled: of small scopes, or of scopes never collected ({@code probe}). */
    private record Filling(String region, boolean probe) {
    }
}
