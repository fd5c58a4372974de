package io.github.ocidiff.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchGroupsTest {

    private static Scope scope(String region, int compartment) {
        return new Scope(region, "ocid1.compartment.oc1..c" + compartment);
    }

    private static QueryGroup group(boolean probe, Scope... scopes) {
        return new QueryGroup(List.of(scopes), probe);
    }

    @Test
    void scopesNeverCountedShareProbesOfARegionAndOneLeftOverIsAlone() {
        List<Scope> scopes = List.of(scope("r1", 1), scope("r2", 1), scope("r1", 2));
        assertThat(SearchGroups.named(scopes, List.of())).containsExactly(
                group(true, scope("r1", 1), scope("r1", 2)), QueryGroup.alone(scope("r2", 1)));
    }

    @Test
    void smallScopesOfARegionShareQueriesOfAtMostTwentyFiveNewOnesProbesApartLargeAndFailedOnesStayAlone() {
        List<Scope> scopes = new ArrayList<>();
        List<ScopeCoverage> last = new ArrayList<>();
        for (int c = 0; c < 60; c++) {
            for (String region : List.of("r1", "r2")) {
                scopes.add(scope(region, c));
                if (c != 7 && c != 8) {
                    // c 5 is large, c 7 and 8 new, c 9 failed last time (with nothing counted), 99 is still small.
                    last.add(new ScopeCoverage(scope(region, c), c != 9, c == 9 ? "503" : null, 1,
                            c == 5 ? SearchGroups.SMALL : c == 6 ? 99 : 0, 10));
                }
            }
        }
        List<QueryGroup> groups = SearchGroups.named(scopes, last);
        assertThat(groups).filteredOn(g -> !g.shared()).extracting(g -> g.scopes().get(0)).containsExactly(
                scope("r1", 5), scope("r2", 5), scope("r1", 9), scope("r2", 9));
        assertThat(groups).filteredOn(g -> !g.shared()).allMatch(g -> !g.probe());
        assertThat(groups).filteredOn(QueryGroup::probe).containsExactly(
                group(true, scope("r1", 7), scope("r1", 8)), group(true, scope("r2", 7), scope("r2", 8)));
        // 56 small scopes a region: 25 + 25 + 6.
        assertThat(groups).filteredOn(g -> g.shared() && !g.probe()).extracting(g -> g.scopes().size())
                .containsExactly(25, 25, 25, 25, 6, 6);
        assertThat(groups).filteredOn(QueryGroup::shared)
                .allSatisfy(g -> assertThat(g.scopes()).extracting(Scope::region).containsOnly(g.region()));
        assertThat(groups.stream().flatMap(g -> g.scopes().stream())).containsExactlyInAnyOrderElementsOf(scopes);
        assertThat(groups.get(0)).isEqualTo(QueryGroup.alone(scope("r1", 5)));
    }

    /** A scope a narrowed snapshot left out was not asked: probed as one never collected, not alone as a failed one. */
    @Test
    void scopesANarrowedSnapshotLeftOutAreProbedNotAskedAlone() {
        Narrowing prod = new Narrowing(List.of(), List.of("prod"));
        List<Scope> scopes = List.of(scope("r1", 1), scope("r1", 2), scope("r1", 3), scope("r1", 4), scope("r2", 1),
                scope("r2", 2));
        List<ScopeCoverage> last = List.of(counted(scope("r1", 1), 5), ScopeCoverage.leftOut(scope("r1", 2), prod),
                ScopeCoverage.leftOut(scope("r1", 3), prod), new ScopeCoverage(scope("r1", 4), false, "503", 0, 0, 10),
                ScopeCoverage.leftOut(scope("r2", 1), prod), ScopeCoverage.leftOut(scope("r2", 2), prod));
        assertThat(last).extracting(ScopeCoverage::leftOut).containsExactly(false, true, true, false, true, true);
        assertThat(SearchGroups.named(scopes, last)).containsExactly(QueryGroup.alone(scope("r1", 4)),
                QueryGroup.alone(scope("r1", 1)), group(true, scope("r1", 2), scope("r1", 3)),
                group(true, scope("r2", 1), scope("r2", 2)));
    }

    private static ScopeCoverage counted(Scope scope, long resources) {
        return new ScopeCoverage(scope, true, null, 1, resources, 10);
    }

    /**
     * A region whose scopes are all small or new and hold under a page together shares one query naming none of them
     * (naming the compartments left out, if any); a region with a large or failed scope, or a page's worth in all, is
     * grouped as before.
     */
    @Test
    void regionsOfSmallAndNewScopesUnderAPageShareAQueryNamingNoCompartmentWhenTheTenancyIsCoveredWhole() {
        List<Scope> scopes = new ArrayList<>();
        List<ScopeCoverage> last = new ArrayList<>();
        for (int c = 0; c < 40; c++) {
            for (String region : List.of("small", "new", "mixed", "full", "large", "failed")) {
                scopes.add(scope(region, c));
            }
            last.add(counted(scope("small", c), 20));
            if (c > 0) {
                last.add(counted(scope("mixed", c), 20));
            }
            last.add(counted(scope("full", c), 25));
            last.add(counted(scope("large", c), c == 3 ? SearchGroups.SMALL : 1));
            last.add(c == 3 ? new ScopeCoverage(scope("failed", c), false, "503", 0, 0, 10) : counted(scope("failed", c), 1));
        }
        List<QueryGroup> groups = SearchGroups.of(scopes, last, List.of());
        assertThat(groups).filteredOn(QueryGroup::regionWide)
                .extracting(QueryGroup::region, QueryGroup::probe, g -> g.scopes().size())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("small", false, 40),
                        org.assertj.core.groups.Tuple.tuple("new", true, 40),
                        org.assertj.core.groups.Tuple.tuple("mixed", true, 40));
        // 40 x 25 is a page: asked as groups naming their compartments, as are regions with a large or failed scope.
        assertThat(groups).filteredOn(g -> !g.regionWide()).extracting(QueryGroup::region)
                .containsOnly("full", "large", "failed");
        assertThat(groups.stream().flatMap(g -> g.scopes().stream())).containsExactlyInAnyOrderElementsOf(scopes);
        // Leaving compartments out, a region-wide query names them, as many as a group names at most: one more, and
        // each group names its own.
        List<String> few = java.util.stream.IntStream.range(0, SearchGroups.PER_QUERY).mapToObj(i -> "out" + i).toList();
        assertThat(SearchGroups.of(scopes, last, few)).filteredOn(QueryGroup::regionWide)
                .extracting(QueryGroup::region, QueryGroup::excluding)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("small", few),
                        org.assertj.core.groups.Tuple.tuple("new", few), org.assertj.core.groups.Tuple.tuple("mixed", few));
        List<String> many = new ArrayList<>(few);
        many.add("one more");
        assertThat(SearchGroups.of(scopes, last, many)).noneMatch(QueryGroup::regionWide)
                .isEqualTo(SearchGroups.named(scopes, last));
        // A region none of whose scopes was collected (down) counts as never collected.
        List<Scope> down = List.of(scope("down", 1), scope("down", 2));
        List<ScopeCoverage> failed = down.stream().map(scope -> new ScopeCoverage(scope, false, "503", 0, 0, 10)).toList();
        assertThat(SearchGroups.of(down, failed, List.of())).containsExactly(QueryGroup.regionWide(down, true, List.of()));
        assertThat(SearchGroups.named(down, failed)).containsExactly(new QueryGroup(down, true));
        // A region of one scope asks it alone.
        assertThat(SearchGroups.of(List.of(scope("one", 1)), List.of(), List.of())).containsExactly(QueryGroup.alone(scope("one", 1)));
    }

    @Test
    void halvesOfAGroupAreOfItsKindAndOneScopeIsAlone() {
        QueryGroup probe = group(true, scope("r1", 1), scope("r1", 2), scope("r1", 3));
        assertThat(probe.half(true)).isEqualTo(QueryGroup.alone(scope("r1", 1)));
        assertThat(probe.half(false)).isEqualTo(group(true, scope("r1", 2), scope("r1", 3)));
        assertThat(group(false, scope("r1", 1), scope("r1", 2)).half(false)).isEqualTo(QueryGroup.alone(scope("r1", 2)));
        assertThat(QueryGroup.regionWide(List.of(scope("r1", 1), scope("r1", 2), scope("r1", 3), scope("r1", 4)), true, List.of())
                .half(true)).isEqualTo(group(true, scope("r1", 1), scope("r1", 2)));
    }
}
