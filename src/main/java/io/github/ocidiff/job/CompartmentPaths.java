package io.github.ocidiff.job;

import io.github.ocidiff.crawl.Compartment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Compartment paths as one snapshot's tree recorded them, led by the tenancy's name: "acme/prod/app". */
final class CompartmentPaths {

    private CompartmentPaths() {
    }

    /** Compartment OCID → its path; the root (the tenancy) by its own name. */
    static Map<String, String> of(List<Compartment> tree) {
        String root = tenancyName(tree).orElse(null);
        Map<String, String> paths = new HashMap<>();
        for (Compartment c : tree) {
            paths.put(c.id(), c.path().isEmpty() ? c.name() : (root == null ? "" : root + "/") + c.path());
        }
        return paths;
    }

    /** The root compartment's name, which is the tenancy's. */
    static Optional<String> tenancyName(List<Compartment> tree) {
        return tree.stream().filter(c -> c.parentId() == null).map(Compartment::name).findFirst();
    }
}
