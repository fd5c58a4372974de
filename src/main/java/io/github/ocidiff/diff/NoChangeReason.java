package io.github.ocidiff.diff;

/**
 * Why a resource the store saw differ is not a change. Counted in {@link Diff#noChange()}, so that what
 * the diff read and what it reported can be reconciled.
 */
public enum NoChangeReason {
    /** Already being deleted or gone at 'from' (then vanished, or moved on to TERMINATED): its deletion
     * was reported when it began. */
    ALREADY_GONE,
    /** Only the order of a set array differs (policy statements, security rules). */
    REORDERED,
    /**
     * Only the details differ, which one end did not fetch: an import (saved Search results have none), or a type
     * added to or removed from {@code snapshot.enrich} between the two.
     */
    DETAILS_UNCOMPARED,
    /**
     * Gone from a compartment no longer in the plan: it moved out of the plan (into a compartment the configuration
     * leaves out), which the report of that night showed, or its compartment did (moved under one left out, or the
     * configuration changed), which the report warns of; where it is now, 'to' did not look.
     */
    LEFT_THE_PLAN
}
