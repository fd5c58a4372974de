package io.github.ocidiff.crawl;

import java.util.Locale;

/**
 * Where a resource is in its life, read from its OCI {@code lifecycleState}. Terminated resources stay
 * visible in Resource Search for a while, so "ended" is a state we see, not only an absence.
 */
public enum Lifecycle {
    /** Anything not being deleted, including PENDING_DELETION and SCHEDULING_DELETION (vault keys,
     * secrets): a scheduled deletion can still be cancelled, so it is a modification, not a deletion. */
    LIVE,
    /** TERMINATING, DELETING and states ending so: the deletion has begun and is reported as one. */
    ENDING,
    /** TERMINATED, DELETED and states ending so (e.g. a soft-delete's SOFT_DELETED): gone. */
    ENDED;

    /** The phase of a lifecycle state; a missing state (a type that has none) is {@link #LIVE}. */
    public static Lifecycle of(String lifecycleState) {
        if (lifecycleState == null) {
            return LIVE;
        }
        String s = lifecycleState.toUpperCase(Locale.ROOT);
        if (s.endsWith("TERMINATED") || s.endsWith("DELETED")) {
            return ENDED;
        }
        if (s.endsWith("TERMINATING") || s.endsWith("DELETING")) {
            return ENDING;
        }
        return LIVE;
    }

    /** True once the deletion has begun (ENDING or ENDED). */
    public boolean isGone() {
        return this != LIVE;
    }
}
