package io.github.ocidiff.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Compartment patterns over the trees of a report's two snapshots. */
class CompartmentScopeTest {
    private static final String ROOT = "ocid1.tenancy.oc1..acme";
    private static final String DEV = "ocid1.compartment.oc1..dev";
    private static final String TOOLS = "ocid1.compartment.oc1..tools";
    private static final String PROD = "ocid1.compartment.oc1..prod";

    /** dev renamed development overnight, and tools moved from dev to prod. */
    private static final CompartmentScope BOTH = CompartmentScope.across(List.of(
            Map.of(ROOT, "", DEV, "dev", TOOLS, "dev/tools", PROD, "prod"),
            Map.of(ROOT, "", DEV, "development", TOOLS, "prod/tools", PROD, "prod")));

    @Test
    void aPathCoversWhatItNamedInEitherSnapshot() {
        assertThat(BOTH.covers("dev", DEV)).as("by its old name").isTrue();
        assertThat(BOTH.covers("development", DEV)).as("by its new name").isTrue();
        assertThat(BOTH.covers("dev", TOOLS)).as("below it before the move").isTrue();
        assertThat(BOTH.covers("prod", TOOLS)).as("below it after the move").isTrue();
        assertThat(BOTH.covers("dev", PROD)).isFalse();
        assertThat(BOTH.covers(DEV, TOOLS)).as("by OCID, below it before the move").isTrue();
        assertThat(BOTH.knows("dev")).isTrue();
        assertThat(BOTH.knows("development")).isTrue();
        assertThat(BOTH.knows("staging")).isFalse();
        assertThat(BOTH.topLevel()).containsExactly("dev", "development", "prod");
    }

    /** Each snapshot's tree is judged on its own: names two compartments swapped do not cross over. */
    @Test
    void namesAreResolvedWithinOneSnapshotsTree() {
        String a = "ocid1.compartment.oc1..a";
        String b = "ocid1.compartment.oc1..b";
        String child = "ocid1.compartment.oc1..child";
        CompartmentScope swapped = CompartmentScope.across(List.of(
                Map.of(a, "x", b, "y", child, "y/child"),
                Map.of(a, "y", b, "x", child, "x/child")));
        assertThat(swapped.covers(a, child)).as("child was under b, then under b again").isFalse();
        assertThat(swapped.covers(b, child)).isTrue();
    }
}
