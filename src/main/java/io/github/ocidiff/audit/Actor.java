package io.github.ocidiff.audit;

import java.time.Instant;

/** Who did something, as the report's {@code actor} shows it; fields Audit does not give are null. */
public record Actor(String principalName, String principalId, String eventName, Instant eventTime, String eventId,
                    String ipAddress, String userAgent, String authType) {
}
