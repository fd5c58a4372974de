package io.github.ocidiff.crawl;

import java.util.List;

/**
 * What a crawl collected besides the resources its writer took: each scope's coverage, and the resources
 * Search listed in scopes collected whole that had been deleted when their details were read.
 */
public record CrawlResult(List<ScopeCoverage> coverage, List<VanishedResource> vanished) {
    public CrawlResult {
        coverage = List.copyOf(coverage);
        vanished = List.copyOf(vanished);
    }
}
