package io.github.ocidiff.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NarrowingTest {

    private static Narrowing regions(String... regions) {
        return new Narrowing(List.of(regions), List.of());
    }

    @Test
    void theWholePlanCoversEveryNarrowingAndANarrowingOnlyWhatItNames() {
        Narrowing ashburn = regions("us-ashburn-1");
        Narrowing both = regions("us-ashburn-1", "eu-frankfurt-1");
        assertThat(Narrowing.NONE.covers(ashburn)).isTrue();
        assertThat(Narrowing.NONE.covers(Narrowing.NONE)).isTrue();
        assertThat(both.covers(ashburn)).isTrue();
        assertThat(ashburn.covers(both)).isFalse();
        assertThat(ashburn.covers(Narrowing.NONE)).isFalse();
        assertThat(ashburn.covers(regions("eu-frankfurt-1"))).isFalse();
        Narrowing prod = new Narrowing(List.of(), List.of("prod"));
        assertThat(prod.covers(new Narrowing(List.of("us-ashburn-1"), List.of("prod")))).isTrue();
        assertThat(prod.covers(ashburn)).as("every compartment of a region is more than prod").isFalse();
        assertThat(new Narrowing(List.of("us-ashburn-1"), List.of("prod")).covers(prod)).isFalse();
    }

    @Test
    void itIsDescribedAsTheCommandLineSaysItWithoutRepeats() {
        Narrowing n = new Narrowing(List.of("us-ashburn-1", "us-ashburn-1"), List.of("prod/app", "ocid1.compartment.oc1..x"));
        assertThat(n.regions()).containsExactly("us-ashburn-1");
        assertThat(n.describe()).isEqualTo("--region us-ashburn-1 --compartment prod/app --compartment ocid1.compartment.oc1..x");
        assertThat(Narrowing.NONE.describe()).isEmpty();
        assertThat(Narrowing.NONE.isNone()).isTrue();
        assertThat(n.isNone()).isFalse();
        Narrowing many = new Narrowing(List.of(), List.of("a", "b", "c", "d", "e"));
        assertThat(many.describe()).isEqualTo("--compartment a --compartment b --compartment c (and 2 more compartments)");
    }
}
