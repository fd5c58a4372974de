package io.github.ocidiff.sim;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Audit (20190901): ListEvents for one compartment (no subtree) and a window of whole minutes. */
final class AuditApi {
    private final TenancySource source;

    AuditApi(TenancySource source) {
        this.source = source;
    }

    boolean owns(SimRequest r) {
        return "20190901".equals(r.segment(0));
    }

    SimResponse handle(SimRequest r) {
        if (!r.is("GET", 2) || !"auditEvents".equals(r.segment(1))) {
            throw SimError.notFound("No such Audit operation: " + r.method() + " " + String.join("/", r.segments()));
        }
        String compartmentId = required(r, "compartmentId");
        Instant start = minute(r, "startTime");
        Instant end = minute(r, "endTime");
        if (!start.isBefore(end)) {
            throw SimError.badRequest("InvalidParameter", "startTime must be before endTime.");
        }
        int limit = r.intParam("limit", 100, 1, 1000);
        return SimResponse.page(source.auditEvents(r.region(), compartmentId, start, end, r.pageOffset(), limit), false);
    }

    private static String required(SimRequest r, String name) {
        String value = r.param(name);
        if (value == null || value.isEmpty()) {
            throw SimError.badRequest("MissingParameter", name + " is required.");
        }
        return value;
    }

    /** Audit accepts times to the minute only, as OCI does. */
    private static Instant minute(SimRequest r, String name) {
        String value = required(r, name);
        try {
            Instant t = Instant.parse(value);
            if (t.getEpochSecond() % 60 != 0 || t.getNano() != 0) {
                throw SimError.badRequest("InvalidParameter",
                        name + " must be a whole minute (seconds and milliseconds zero), got " + value + ".");
            }
            return t;
        } catch (DateTimeParseException e) {
            throw SimError.badRequest("InvalidParameter", name + " is not an RFC 3339 time: " + value + ".");
        }
    }
}
