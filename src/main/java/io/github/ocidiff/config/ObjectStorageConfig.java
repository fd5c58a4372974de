package io.github.ocidiff.config;

import java.util.Objects;

/** The {@code publish.objectStorage} section: where reports are uploaded. */
public record ObjectStorageConfig(
        String bucket,      // null = no upload
        String namespace,   // null = looked up from the tenancy
        String prefix,      // object name prefix, may be empty
        String region) {    // null = the tenancy's home region

    public ObjectStorageConfig {
        Objects.requireNonNull(prefix, "prefix");
    }

    /** Whether reports are uploaded at all. */
    public boolean enabled() {
        return bucket != null;
    }

    static ObjectStorageConfig read(Section s) {
        ObjectStorageConfig config = new ObjectStorageConfig(
                s.optionalString("bucket"),
                s.optionalString("namespace"),
                s.string("prefix", "ocidiff/"),
                s.optionalString("region"));
        // Object names are relative to the bucket: a leading slash would become part of every name.
        // And the day's folder follows it: without a trailing slash, "reports" named objects reports2026/11/06/...
        if (config.prefix.startsWith("/") || !(config.prefix.isEmpty() || config.prefix.endsWith("/"))) {
            throw s.invalid("prefix", "an object name prefix without a leading / and ending with one, like ocidiff/"
                    + " (or empty)", config.prefix);
        }
        return config;
    }
}
