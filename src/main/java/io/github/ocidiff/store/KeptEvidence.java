package io.github.ocidiff.store;

/**
 * The attribution evidence kept for the snapshot pair ({@code fromId}, {@code toId}), without its events:
 * {@link Store#forEachAuditEvent} reads them, a pair at a time.
 */
public record KeptEvidence(long fromId, long toId, EvidenceWindow window) {
}
