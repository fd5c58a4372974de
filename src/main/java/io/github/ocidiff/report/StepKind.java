package io.github.ocidiff.report;

/**
 * What one version of a resource is, relative to the version before it, in the words of the diff
 * between the snapshot before it and its first snapshot: the first four kinds of change a report
 * lists, the first appearances it cannot or does not call a change, and the new versions it does not
 * report.
 */
public enum StepKind {
    /** In the store's first usable snapshot: nothing older to compare with. */
    FIRST_SEEN,
    CREATED,
    /** First seen already being deleted: created and deleted between two snapshots. */
    TRANSIENT,
    /** Back after snapshots without it; its properties compare with the version before the absence. */
    REAPPEARED,
    /** First listed when its compartment (or region) entered the plan, made before that: no creation. */
    ENTERED_THE_PLAN,
    MODIFIED,
    MOVED,
    DELETED,
    /** Only properties the ignore rules leave out differ: no change in a report, but counted against the rules. */
    IGNORED,
    /** Only the order of a set-like list differs (policy statements, security rules): no change. */
    REORDERED,
    /** Was already being deleted (e.g. TERMINATING, now TERMINATED): its deletion was reported when it began. */
    ALREADY_GONE,
    /** Only its details differ, which one of the two versions was taken without (an import): not compared. */
    DETAILS_UNCOMPARED
}
