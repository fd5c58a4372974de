package io.github.ocidiff.report;

import java.util.List;
import java.util.Objects;

/**
 * Every stored version of one resource, oldest first: what {@code ocidiff history} shows.
 *
 * @param displayName the latest version's
 */
public record History(String ocid, String resourceType, String displayName, String region, List<HistoryStep> steps) {

    public History {
        Objects.requireNonNull(ocid, "ocid");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("the history of " + ocid + " needs at least one version");
        }
    }
}
