package io.github.ocidiff.store;

import java.time.Instant;
import java.util.List;

/**
 * What attribution read for a snapshot pair, as {@link AuditEvidence} says it, and how many events it
 * matched, without the events themselves (see {@link Store#forEachAuditEvent}).
 */
public record EvidenceWindow(Instant start, Instant end, Instant fetchedAt, long eventsRead, long writeEvents,
                             List<String> failures, int matchedEvents) {
    public EvidenceWindow {
        failures = List.copyOf(failures);
    }
}
