package io.github.ocidiff.crawl;

/**
 * A resource Resource Search listed that its service no longer had when its details were read: deleted after
 * Search indexed it (see {@link Enricher}). It is left out of the snapshot, so the diff shows it deleted.
 */
public record VanishedResource(String region, String resourceType, String displayName, String ocid) {
    static VanishedResource of(CanonicalResource r) {
        return new VanishedResource(r.region(), r.resourceType(), r.displayName(), r.ocid());
    }

    /** "Bucket logs (us-ashburn-1)". */
    public String describe() {
        return resourceType + " " + displayName + " (" + region + ")";
    }
}
