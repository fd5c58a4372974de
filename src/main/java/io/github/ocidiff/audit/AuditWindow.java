package io.github.ocidiff.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The Audit window of a snapshot pair, {@code [start, end)} in whole minutes, because ListEvents
 * accepts nothing finer. Both ends round up to the next minute, so the window of one pair ends exactly
 * where the next pair's starts: consecutive nightly reports neither drop nor double-count an event.
 * The price is that a write in the seconds after a snapshot counts toward the night it closed.
 */
public record AuditWindow(Instant start, Instant end) {

    public AuditWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("an Audit window must end after it starts: " + start + " .. " + end);
        }
    }

    /** The window between two snapshots taken at {@code from} and {@code to}. */
    public static AuditWindow between(Instant from, Instant to) {
        Instant start = ceilToMinute(from);
        Instant end = ceilToMinute(to);
        // Two snapshots within one minute: the smallest window Audit can give.
        return new AuditWindow(start, end.isAfter(start) ? end : start.plus(1, ChronoUnit.MINUTES));
    }

    /** Whether {@code t} falls within the window. */
    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    static Instant ceilToMinute(Instant t) {
        Instant floor = t.truncatedTo(ChronoUnit.MINUTES);
        return floor.equals(t) ? t : floor.plus(1, ChronoUnit.MINUTES);
    }
}
