package io.github.ocidiff.store;

/** The attribution evidence kept for the snapshot pair ({@code fromId}, {@code toId}). */
public record KeptEvidence(long fromId, long toId, AuditEvidence evidence) {
}
