package io.github.ocidiff.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompartmentTreeTest {
    private static final CompartmentTree TREE = new CompartmentTree("t", "acme", List.of(
            new Compartment("prodapp", "prod", "app", null),
            new Compartment("prod", "t", "prod", null),
            new Compartment("dev", "t", "dev", null),
            new Compartment("devapp", "dev", "app", null),
            new Compartment("orphan", "gone", "orphan", null)));

    private static List<String> ids(List<Compartment> compartments) {
        return compartments.stream().map(Compartment::id).toList();
    }

    @Test
    void buildsPathsFromTheRootParentsFirstAndDropsOrphans() {
        assertThat(TREE.all()).extracting(Compartment::path).containsExactly("", "prod", "dev", "prod/app", "dev/app");
        assertThat(TREE.get("devapp").path()).isEqualTo("dev/app");
        assertThat(TREE.get("orphan")).isNull();
    }

    @Test
    void emptyIncludeSelectsEverything() {
        assertThat(ids(TREE.select(List.of(), List.of()))).containsExactly("t", "prod", "dev", "prodapp", "devapp");
    }

    @Test
    void selectorsAreOcidsPathsOrUniqueNamesAndSelectSubtrees() {
        assertThat(ids(TREE.select(List.of("prod"), List.of()))).containsExactly("prod", "prodapp");
        assertThat(ids(TREE.select(List.of("dev/app"), List.of()))).containsExactly("devapp");
        assertThat(ids(TREE.select(List.of("devapp"), List.of()))).containsExactly("devapp");
        assertThat(ids(TREE.select(List.of("acme/prod/app"), List.of()))).as("as reports write paths").containsExactly("prodapp");
        assertThat(ids(TREE.select(List.of("acme"), List.of()))).as("the tenancy by its name").hasSize(5);
    }

    @Test
    void aCompartmentNamedAsTheTenancyKeepsItsOwnPath() {
        CompartmentTree tree = new CompartmentTree("t", "acme", List.of(
                new Compartment("acme", "t", "acme", null),
                new Compartment("acmeprod", "acme", "prod", null),
                new Compartment("prod", "t", "prod", null)));
        assertThat(ids(tree.select(List.of("acme/prod"), List.of()))).containsExactly("acmeprod");
        assertThat(ids(tree.select(List.of("acme/acme/prod"), List.of()))).containsExactly("acmeprod");
    }

    @Test
    void excludeWinsOverInclude() {
        assertThat(ids(TREE.select(List.of(), List.of("prod/app", "dev")))).containsExactly("t", "prod");
    }

    @Test
    void anIncludeWhollyExcludedNamesBothLists() {
        assertThatThrownBy(() -> TREE.select(List.of("prod/app"), "--compartment", List.of("prod", "dev")))
                .hasMessage("--compartment prod/app: all within compartments.exclude (prod, dev), so nothing is left to"
                        + " cover; name a compartment outside it, or exclude less");
        assertThatThrownBy(() -> TREE.select(List.of(), List.of("acme")))
                .hasMessage("compartments.exclude (acme) excludes the whole tenancy: nothing is left to cover; exclude"
                        + " less");
    }

    @Test
    void anAmbiguousNameAsksForAPath() {
        assertThatThrownBy(() -> TREE.select(List.of("app"), List.of()))
                .hasMessageContaining("compartments.include").hasMessageContaining("prod/app, dev/app");
    }

    @Test
    void anUnknownSelectorIsNamed() {
        assertThatThrownBy(() -> TREE.select(List.of(), List.of("staging")))
                .hasMessageContaining("compartments.exclude: no ACTIVE compartment \"staging\"");
    }
}
