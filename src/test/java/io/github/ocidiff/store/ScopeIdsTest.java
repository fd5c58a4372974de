package io.github.ocidiff.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ocidiff.crawl.Scope;
import org.junit.jupiter.api.Test;

class ScopeIdsTest {

    @Test
    void numbersEachScopeOnceWhicheverWayItIsGiven() {
        ScopeIds ids = new ScopeIds();
        int a = ids.id("us-ashburn-1", "ocid1.compartment.oc1..a");
        assertThat(ids.id("us-ashburn-1", "ocid1.compartment.oc1..a")).isEqualTo(a);
        int b = ids.id(new Scope("us-ashburn-1", "ocid1.compartment.oc1..b"));
        assertThat(b).isNotEqualTo(a);
        assertThat(ids.id("us-ashburn-1", "ocid1.compartment.oc1..a")).isEqualTo(a);
        assertThat(ids.id("eu-frankfurt-1", "ocid1.compartment.oc1..a")).isNotIn(a, b);
        // An interval's compartment may be unknown.
        int none = ids.id("us-ashburn-1", null);
        assertThat(ids.id("us-ashburn-1", null)).isEqualTo(none);
        assertThat(ids.scope(b)).isEqualTo(new Scope("us-ashburn-1", "ocid1.compartment.oc1..b"));
        assertThat(ids.count()).isEqualTo(4);
    }
}
