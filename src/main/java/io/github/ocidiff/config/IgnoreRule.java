package io.github.ocidiff.config;

import java.util.Objects;

/**
 * A change to leave out of reports: property paths matching {@code path} (a JSON Pointer whose
 * segments may be {@code *}) of resources of {@code resourceType} ({@code *} = any type).
 */
public record IgnoreRule(String resourceType, String path, String reason) {

    /** The resource type that matches every type. */
    public static final String ANY_TYPE = "*";

    public IgnoreRule {
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    static IgnoreRule read(Section s) {
        String resourceType = s.string("resourceType", ANY_TYPE);
        String path = s.optionalString("path");
        String reason = s.optionalString("reason");
        s.checkKeys(); // a misspelt key reads as "missing"; report the spelling, not the absence
        if (resourceType.isBlank()) {
            throw s.error("resourceType", "must not be empty; write \"*\" for every type or a type like Instance");
        }
        if (path == null) {
            throw s.error("path", "is required; write a JSON Pointer like /freeformTags/* or /definedTags/Ops/*");
        }
        if (!path.startsWith("/")) {
            throw s.invalid("path", "a JSON Pointer starting with /, like /freeformTags/*", path);
        }
        if (reason == null) {
            throw s.error("reason", "is required; say why this change may be ignored, for the reviewers");
        }
        return new IgnoreRule(resourceType, path, reason);
    }
}
