package io.github.ocidiff.diff;

import java.util.Comparator;
import java.util.Objects;

/**
 * A resource first seen already terminated (or terminating): created and deleted between the two
 * snapshots. Not a change; a row of the report's {@code transient}, which attribution completes with
 * the resources Audit alone knows.
 *
 * @param sha256 the store's content address of the version seen terminated (attribution reads when it was created);
 *               null for one only Audit saw
 */
public record TransientResource(String ocid, String resourceType, String displayName, String region,
                                String compartmentId, String lifecycleState, String sha256) {

    /** Resource type, compartment, display name, OCID. */
    public static final Comparator<TransientResource> ORDER = Comparator
            .comparing(TransientResource::resourceType, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(TransientResource::compartmentId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(TransientResource::displayName, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(TransientResource::ocid);

    public TransientResource {
        Objects.requireNonNull(ocid, "ocid");
    }
}
