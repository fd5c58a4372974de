package io.github.ocidiff.store;

/** A stored Audit event with the snapshot pair whose report attributed it. */
public record PairedAuditEvent(long fromSnapshot, long toSnapshot, StoredAuditEvent event) {
}
