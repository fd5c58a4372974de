package io.github.ocidiff.crawl;

import java.util.List;

/** What a snapshot will collect: the tenancy, its covered regions and compartments, and their scopes. */
public record CrawlPlan(String tenancyId, String tenancyName, List<String> regions, CompartmentTree tree,
                        List<Compartment> compartments, List<Scope> scopes) {
    public CrawlPlan {
        regions = List.copyOf(regions);
        compartments = List.copyOf(compartments);
        scopes = List.copyOf(scopes);
    }
}
