package io.github.ocidiff.store;

/** One resource as stored at a snapshot: its indexed columns, the SHA-256 (hex) of its content and that content. */
public record StoredResource(String ocid, String region, String resourceType, String compartmentId,
                             String lifecycleState, String displayName, String sha256, String json) {
}
