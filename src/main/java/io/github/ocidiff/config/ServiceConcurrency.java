package io.github.ocidiff.config;

/**
 * The {@code oci.concurrency} section: requests at once in a region to each OCI service, each
 * {@code oci.concurrencyPerRegion} unless set here. OCI limits each service apart, and a night's requests go mostly
 * to Search (its pages) and, where details are read, to Object Storage (a GetBucket a bucket) and Core (the rules
 * of each network security group): a tenancy of thousands of buckets may give Object Storage more than Search.
 */
public record ServiceConcurrency(int search, int identity, int core, int objectStorage, int audit) {

    /** Every service bounded alike. */
    public static ServiceConcurrency all(int requests) {
        return new ServiceConcurrency(requests, requests, requests, requests, requests);
    }

    static ServiceConcurrency read(Section s, int otherwise) {
        return new ServiceConcurrency(
                s.integer("search", otherwise, 1, 64),
                s.integer("identity", otherwise, 1, 64),
                s.integer("core", otherwise, 1, 64),
                s.integer("objectStorage", otherwise, 1, 64),
                s.integer("audit", otherwise, 1, 64));
    }
}
