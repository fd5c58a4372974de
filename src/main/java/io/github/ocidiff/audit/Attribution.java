package io.github.ocidiff.audit;

/** How a change's actors are known: Audit write events, only a CreatedBy-style tag, or not at all. */
public enum Attribution {
    AUDIT, TAG, NONE
}
