package io.github.ocidiff.diff;

/** What happened to a resource between two snapshots; the declaration order is the report's order. */
public enum ChangeKind {
    CREATED, DELETED, MODIFIED, MOVED
}
