package io.github.ocidiff.crawl;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a snapshot will collect: the tenancy, its covered regions and compartments, and their scopes.
 *
 * @param narrowing   what the command line narrowed it to
 * @param narrowedOut the scopes the configuration covers that the narrowing leaves out
 */
public record CrawlPlan(String tenancyId, String tenancyName, List<String> regions, CompartmentTree tree,
                        List<Compartment> compartments, List<Scope> scopes, Narrowing narrowing,
                        List<Scope> narrowedOut) {
    public CrawlPlan {
        regions = List.copyOf(regions);
        compartments = List.copyOf(compartments);
        scopes = List.copyOf(scopes);
        narrowedOut = List.copyOf(narrowedOut);
    }

    /** The compartments of the tenancy left out by configuration or command line, parents before children. */
    public List<String> uncoveredCompartments() {
        Set<String> covered = compartments.stream().map(Compartment::id).collect(Collectors.toSet());
        return tree.all().stream().map(Compartment::id).filter(id -> !covered.contains(id)).toList();
    }
}
