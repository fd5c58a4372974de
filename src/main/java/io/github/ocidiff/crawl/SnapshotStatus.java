package io.github.ocidiff.crawl;

/** A snapshot's life: RUNNING until committed; then COMPLETE, PARTIAL (some scope failed) or FAILED. */
public enum SnapshotStatus {
    RUNNING, COMPLETE, PARTIAL, FAILED
}
