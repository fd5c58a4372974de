package io.github.ocidiff.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StructuredQueryTest {

    @Test
    void allResourcesSelectsEverything() {
        ResourceQuery q = StructuredQuery.parse("query all resources");
        assertThat(q.types()).isEmpty();
        assertThat(q.compartmentIds()).isEmpty();
    }

    @Test
    void typeListsAreCaseInsensitiveAndTrimmed() {
        ResourceQuery q = StructuredQuery.parse("QUERY instance ,  Vcn resources");
        assertThat(q.types()).containsExactlyInAnyOrder("instance", "Vcn");
        assertThat(q.matchesType("Instance")).isTrue();
        assertThat(q.matchesType("Bucket")).isFalse();
    }

    @Test
    void compartmentConditionsJoinedByOrSelectAnyOfThem() {
        ResourceQuery q = StructuredQuery.parse(
                "query all resources return allAdditionalFields where (compartmentId = 'a' || compartmentId = 'b') sorted by timeCreated asc");
        assertThat(q.compartmentIds()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void compartmentExclusionsJoinedByAndLeaveEachOutAndMixingThemWithOrIsRejected() {
        ResourceQuery q = StructuredQuery.parse("query all resources where compartmentId != 'a' && (compartmentId != 'b')");
        assertThat(q.compartmentIds()).isEmpty();
        assertThat(q.excludedCompartmentIds()).containsExactlyInAnyOrder("a", "b");
        assertThat(q.matchesCompartment("a")).isFalse();
        assertThat(q.matchesCompartment("c")).isTrue();
        assertThatThrownBy(() -> StructuredQuery.parse("query all resources where compartmentId != 'a' || compartmentId = 'b'"))
                .isInstanceOfSatisfying(SimError.class, e -> assertThat(e.status).isEqualTo(400));
        assertThatThrownBy(() -> StructuredQuery.parse("query all resources where compartmentId = 'a' && compartmentId = 'b'"))
                .isInstanceOfSatisfying(SimError.class, e -> assertThat(e.status).isEqualTo(400));
    }

    @Test
    void identifierConditionsJoinedByOrSelectThoseResourcesAndMixingKindsIsRejected() {
        ResourceQuery q = StructuredQuery.parse("query all resources where identifier = 'x' || identifier = 'y'");
        assertThat(q.identifiers()).containsExactlyInAnyOrder("x", "y");
        assertThat(q.compartmentIds()).isEmpty();
        assertThat(q.matchesIdentifier("x")).isTrue();
        assertThat(q.matchesIdentifier("z")).isFalse();
        assertThatThrownBy(() -> StructuredQuery.parse("query all resources where identifier = 'x' || compartmentId = 'c'"))
                .isInstanceOfSatisfying(SimError.class, e -> assertThat(e.getMessage()).contains("together"));
    }

    @Test
    void unsupportedConditionsAreRejectedWithTheClause() {
        assertThatThrownBy(() -> StructuredQuery.parse("query all resources where lifecycleState = 'RUNNING'"))
                .isInstanceOfSatisfying(SimError.class, e -> {
                    assertThat(e.status).isEqualTo(400);
                    assertThat(e.getMessage()).contains("lifecycleState = 'RUNNING'");
                });
        assertThatThrownBy(() -> StructuredQuery.parse("search everything")).isInstanceOf(SimError.class);
    }
}
