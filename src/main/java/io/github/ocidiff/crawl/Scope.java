package io.github.ocidiff.crawl;

/**
 * The unit of collection and of coverage: one compartment (its direct resources, not its subtree) in
 * one region. A resource missing from a scope that was not fully collected is unknown, never deleted.
 */
public record Scope(String region, String compartmentId) {
}
