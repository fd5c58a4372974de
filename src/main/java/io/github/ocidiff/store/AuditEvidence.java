package io.github.ocidiff.store;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * What attribution read for a snapshot pair and which events it matched.
 *
 * @param start       the Audit window's start (inclusive, a whole minute)
 * @param end         its end (exclusive, a whole minute)
 * @param eventsRead  every event Audit returned for the window, reads included
 * @param writeEvents the successful write events among them
 * @param failures    scopes whose events could not be read, one sentence each
 * @param events      the matched events, by resource, then time (as the store reads them back); not copied, and
 *                    read by position
 */
public record AuditEvidence(Instant start, Instant end, Instant fetchedAt, long eventsRead, long writeEvents,
                            List<String> failures, List<StoredAuditEvent> events) {
    public AuditEvidence {
        failures = List.copyOf(failures);
        // Not copied: a list whose elements are made as they are read stays so (see Attributor).
        events = Collections.unmodifiableList(events);
    }
}
