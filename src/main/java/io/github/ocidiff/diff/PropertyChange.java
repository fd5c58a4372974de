package io.github.ocidiff.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One property that differs.
 *
 * @param path   RFC 6901 JSON Pointer into the resource's canonical JSON, e.g. {@code /freeformTags/env}
 *               (see {@link JsonPointers})
 * @param before the value before; null when the property was absent (or JSON null)
 * @param after  the value after; null when the property is gone (or JSON null)
 */
public record PropertyChange(String path, JsonNode before, JsonNode after) {

    public PropertyChange {
        Objects.requireNonNull(path, "path");
    }
}
