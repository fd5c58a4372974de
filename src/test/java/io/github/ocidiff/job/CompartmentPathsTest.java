package io.github.ocidiff.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ocidiff.crawl.Compartment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompartmentPathsTest {
    private static final List<Compartment> TREE = List.of(
            new Compartment("ocid1.tenancy.oc1..t", null, "acme", ""),
            new Compartment("ocid1.compartment.oc1..prod", "ocid1.tenancy.oc1..t", "prod", "prod"),
            new Compartment("ocid1.compartment.oc1..app", "ocid1.compartment.oc1..prod", "app", "prod/app"));

    @Test
    void pathsStartWithTheTenancysNameAndTheRootIsItsName() {
        assertThat(CompartmentPaths.of(TREE)).isEqualTo(Map.of("ocid1.tenancy.oc1..t", "acme",
                "ocid1.compartment.oc1..prod", "acme/prod", "ocid1.compartment.oc1..app", "acme/prod/app"));
        assertThat(CompartmentPaths.tenancyName(TREE)).contains("acme");
    }

    @Test
    void aTreeWithoutItsRootKeepsThePathsFromTheRoot() {
        List<Compartment> subtree = TREE.subList(1, 3);
        assertThat(CompartmentPaths.of(subtree)).containsEntry("ocid1.compartment.oc1..app", "prod/app");
        assertThat(CompartmentPaths.tenancyName(subtree)).isEmpty();
    }
}
