package io.github.ocidiff.crawl;

/**
 * One resource as stored: a few indexed columns plus its canonical JSON (keys sorted, search-time
 * fields dropped, region recorded, unknown fields kept) and the SHA-256 of that JSON, which addresses
 * the stored version so that an unchanged resource costs nothing per night.
 */
public record CanonicalResource(String ocid, String region, String resourceType, String compartmentId,
                                String lifecycleState, String displayName, String json, String sha256) {
}
