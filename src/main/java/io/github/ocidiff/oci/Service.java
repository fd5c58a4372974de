package io.github.ocidiff.oci;

/**
 * The OCI services ocidiff calls. OCI limits requests per service, so each has a bound of its own in a region
 * (see OciClients#call): the details of a night's buckets need not wait behind its Search pages, nor its network
 * security groups' rules behind its buckets.
 */
public enum Service {
    SEARCH, IDENTITY, CORE, OBJECT_STORAGE, AUDIT
}
