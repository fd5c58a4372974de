package io.github.ocidiff.diff;

import io.github.ocidiff.store.Baseline;
import java.util.List;

/**
 * What a baseline covers: some compartments (each with its subtree) and some resource types, or all of
 * either when none is named. A drift report shows only what it covers.
 */
public final class BaselineScope {
    private final List<String> compartments;
    private final List<String> types;
    private final CompartmentScope tree;

    public BaselineScope(Baseline baseline, CompartmentScope tree) {
        this.compartments = baseline.compartments();
        this.types = baseline.resourceTypes();
        this.tree = tree;
    }

    /** A move counts when either end is covered: moving a resource out of the approved area is drift too. */
    public boolean covers(Change change) {
        return typeCovered(change.resourceType())
                && (compartmentCovered(change.compartmentId()) || compartmentCovered(change.previousCompartmentId()));
    }

    public boolean covers(TransientResource resource) {
        return typeCovered(resource.resourceType()) && compartmentCovered(resource.compartmentId());
    }

    /** The coverage gaps that matter here: those whose compartment (or whole region) may hold covered resources. */
    public List<CoverageGap> gaps(List<CoverageGap> gaps) {
        return gaps.stream().filter(g -> g.compartmentId() == null || compartmentCovered(g.compartmentId())).toList();
    }

    private boolean typeCovered(String type) {
        return types.isEmpty() || types.stream().anyMatch(t -> IgnoreRules.typeMatches(t, type));
    }

    private boolean compartmentCovered(String compartmentId) {
        return compartmentId != null
                && (compartments.isEmpty() || compartments.stream().anyMatch(c -> tree.covers(c, compartmentId)));
    }
}
