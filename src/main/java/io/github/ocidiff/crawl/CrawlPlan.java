package io.github.ocidiff.crawl;

import java.util.List;

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

    /** Whether every compartment of the tenancy is covered (nothing left out by configuration or command line). */
    public boolean coversEveryCompartment() {
        return compartments.size() == tree.all().size();
    }
}
