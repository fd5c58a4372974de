package io.github.ocidiff.diff;

import java.util.List;
import java.util.Objects;

/**
 * A line diff for people, attached to a change next to its {@link PropertyChange}s: for multi-line text
 * values and for unordered lists of strings (policy statements), where before/after values alone are
 * hard to read.
 *
 * @param path  the JSON Pointer of the text or list; the property changes it explains are at this path
 *              or below it
 * @param lines {@link LineDiff} lines: "- " removed, "+ " added, "  " unchanged
 */
public record TextDiff(String path, List<String> lines) {

    public TextDiff {
        Objects.requireNonNull(path, "path");
        lines = List.copyOf(lines);
    }
}
