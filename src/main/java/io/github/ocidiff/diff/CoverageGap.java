package io.github.ocidiff.diff;

import java.util.Objects;

/**
 * A scope (region × compartment) that one of the two snapshots did not fully collect: a row of the
 * report's {@code coverage.gaps}.
 *
 * @param compartmentId    null for a scope of a whole region
 * @param reason           which snapshot missed it and why, e.g.
 *                         "'to' snapshot: Resource Search in eu-frankfurt-1 failed: 503 ..."
 * @param unknownResources resources of the scope whose state is unknown and that were therefore not
 *                         reported deleted (see {@link Coverage#gaps})
 */
public record CoverageGap(String region, String compartmentId, String reason, long unknownResources) {

    public CoverageGap {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(reason, "reason");
    }
}
