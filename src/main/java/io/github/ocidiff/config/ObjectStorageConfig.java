package io.github.ocidiff.config;

import java.util.Objects;

/** The {@code publish.objectStorage} section: where reports are uploaded. */
public record ObjectStorageConfig(
        String bucket,      // null = no upload
        String namespace,   // null = looked up from the tenancy
        String prefix) {    // object name prefix, may be empty

    public ObjectStorageConfig {
        Objects.requireNonNull(prefix, "prefix");
    }

    /** Whether reports are uploaded at all. */
    public boolean enabled() {
        return bucket != null;
    }

    static ObjectStorageConfig read(Section s) {
        return new ObjectStorageConfig(
                s.optionalString("bucket"),
                s.optionalString("namespace"),
                s.string("prefix", "ocidiff/"));
    }
}
