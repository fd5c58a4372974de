package io.github.ocidiff.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchGroupsTest {

    private static Scope scope(String region, int compartment) {
        return new Scope(region, "ocid1.compartment.oc1..c" + compartment);
    }

    @Test
    void withoutHistoryEveryScopeHasAQueryOfItsOwnInPlanOrder() {
        List<Scope> scopes = List.of(scope("r1", 1), scope("r2", 1), scope("r1", 2));
        assertThat(SearchGroups.of(scopes, Map.of())).containsExactly(
                List.of(scope("r1", 1)), List.of(scope("r2", 1)), List.of(scope("r1", 2)));
    }

    @Test
    void smallScopesOfARegionShareQueriesOfAtMostTwentyFiveLargeAndUnknownOnesStayAlone() {
        List<Scope> scopes = new ArrayList<>();
        Map<Scope, Long> last = new HashMap<>();
        for (int c = 0; c < 60; c++) {
            for (String region : List.of("r1", "r2")) {
                scopes.add(scope(region, c));
                if (c != 7) {
                    // c 5 is large, c 7 unknown (new, or failed last time), 99 is still small.
                    last.put(scope(region, c), c == 5 ? SearchGroups.SMALL : c == 6 ? 99L : 0L);
                }
            }
        }
        List<List<Scope>> groups = SearchGroups.of(scopes, last);
        assertThat(groups).filteredOn(g -> g.size() == 1).extracting(g -> g.get(0)).containsExactly(
                scope("r1", 5), scope("r2", 5), scope("r1", 7), scope("r2", 7));
        // 58 small scopes a region: 25 + 25 + 8.
        assertThat(groups).filteredOn(g -> g.size() > 1).extracting(List::size).containsExactly(25, 25, 25, 25, 8, 8);
        assertThat(groups).filteredOn(g -> g.size() > 1)
                .allSatisfy(g -> assertThat(g).extracting(Scope::region).containsOnly(g.get(0).region()));
        assertThat(groups.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(scopes);
        assertThat(groups.get(0)).containsExactly(scope("r1", 5));
    }
}
