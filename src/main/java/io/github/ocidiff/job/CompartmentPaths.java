package io.github.ocidiff.job;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.crawl.Compartment;
import io.github.ocidiff.crawl.CompartmentTree;
import io.github.ocidiff.store.SnapshotInfo;
import io.github.ocidiff.store.Store;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /**
     * The compartments {@code selectors} name (OCIDs, names or paths, as the command line writes them; each with its
     * subtree) in the tree snapshot {@code s} recorded, as a crawl resolves them; empty when one names none there.
     */
    static Optional<Set<String>> resolve(Store store, SnapshotInfo s, List<String> selectors) {
        try {
            Set<String> ids = new HashSet<>();
            tree(s.tenancyId(), store.compartments(s.id()).orElse(List.of()))
                    .select(selectors, "--compartment", List.of())
                    .forEach(c -> ids.add(c.id()));
            return Optional.of(ids);
        } catch (OcidiffException e) {
            return Optional.empty();
        }
    }

    /**
     * A tree a snapshot recorded (its root, the tenancy, among its compartments) as a crawl's, the root named as
     * Identity named it, so that a path written from it ("acme/prod") resolves as the crawl resolved it.
     */
    static CompartmentTree tree(String tenancyId, List<Compartment> recorded) {
        return new CompartmentTree(tenancyId, tenancyName(recorded).orElse(""),
                recorded.stream().filter(c -> !c.id().equals(tenancyId)).toList());
    }

    /** The root compartment's name, which is the tenancy's. */
    static Optional<String> tenancyName(List<Compartment> tree) {
        return tree.stream().filter(c -> c.parentId() == null).map(Compartment::name).findFirst();
    }
}
