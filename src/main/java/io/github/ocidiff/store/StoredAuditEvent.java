package io.github.ocidiff.store;

import java.time.Instant;

/**
 * An Audit event kept as evidence for one resource of an attributed snapshot pair.
 *
 * @param ocid the resource the event was attributed to
 * @param json the event as OCI's AuditEvent JSON
 */
public record StoredAuditEvent(String ocid, String eventId, Instant eventTime, String region, String json) {
}
