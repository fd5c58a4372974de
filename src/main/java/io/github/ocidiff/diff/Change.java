package io.github.ocidiff.diff;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One resource that changed between two snapshots: a row of the report's {@code changes} before
 * attribution.
 *
 * @param region                the resource's region
 * @param compartmentId         its compartment after the change; before it, for DELETED
 * @param previousCompartmentId MOVED only: where it was; null otherwise
 * @param displayName           after the change; before it, for DELETED (the name people knew)
 * @param properties            MODIFIED and MOVED: what differs, ignore rules applied (a MOVED change
 *                              lists {@code /compartmentId} too); empty for CREATED and DELETED
 * @param texts                 line diffs for multi-line texts and statement lists among {@code properties}
 * @param caveat                null when both snapshots fully collected the resource's scopes; else why
 *                              the change may be imprecise (e.g. a CREATED resource in a scope the 'from'
 *                              snapshot failed to collect may have existed already)
 * @param beforeSha256          the store's content address of the version before, null when CREATED; with
 *                              {@code afterSha256} anyone downstream (history, TAG attribution from
 *                              {@code Oracle-Tags.CreatedBy}) reads the full versions without the diff holding them
 * @param afterSha256           the version after, null when it vanished
 */
public record Change(ChangeKind kind, String ocid, String resourceType, String region, String compartmentId,
                     String previousCompartmentId, String displayName, List<PropertyChange> properties,
                     List<TextDiff> texts, String caveat, String beforeSha256, String afterSha256) {

    /** Kind, resource type, compartment, display name, OCID: deterministic, whatever order the edges came in. */
    public static final Comparator<Change> ORDER = Comparator.comparing(Change::kind)
            .thenComparing(Change::resourceType, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Change::compartmentId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Change::displayName, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Change::ocid);

    public Change {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ocid, "ocid");
        properties = List.copyOf(properties);
        texts = List.copyOf(texts);
    }

    /** This change with {@code note} as its caveat, after the one it had. */
    public Change withCaveat(String note) {
        return new Change(kind, ocid, resourceType, region, compartmentId, previousCompartmentId, displayName,
                properties, texts, caveat == null ? note : caveat + "; " + note, beforeSha256, afterSha256);
    }
}
