package io.github.ocidiff.audit;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One successful write operation from Audit: the fields ocidiff matches on and shows. Reads (GET,
 * HEAD) and failed calls are dropped as pages arrive, so only these are ever held.
 *
 * @param resourceId the event's {@code data.resourceId}; often null for creates
 * @param payloadId  {@code data.response.payload.id}: the new resource's OCID for creates
 * @param status     the HTTP status of the call, e.g. "200"
 */
public record WriteEvent(String eventId, String eventType, Instant eventTime, String region, String eventName,
                         String compartmentId, String resourceId, String resourceName, String payloadId,
                         String action, String path, String status, String principalName, String principalId,
                         String authType, String ipAddress, String userAgent) {

    private static final Set<String> WRITE_ACTIONS = Set.of("POST", "PUT", "PATCH", "DELETE");

    public WriteEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventTime, "eventTime");
    }

    /**
     * This event with the fields that repeat from event to event (who, from where, which operation, in
     * which region and compartment) as one shared copy each: a night of 100,000 changes by one pipeline
     * keeps 100,000 events until its report is written, nearly all alike but for ids and times.
     *
     * @param ocids the copy of an OCID to keep (e.g. the diff's), given the event's
     */
    public WriteEvent shared(UnaryOperator<String> ocids) {
        return new WriteEvent(eventId, intern(eventType), eventTime, intern(region), intern(eventName),
                intern(compartmentId), resourceId == null ? null : ocids.apply(resourceId), resourceName,
                payloadId == null ? null : ocids.apply(payloadId), intern(action), path, intern(status),
                intern(principalName), intern(principalId), intern(authType), intern(ipAddress), intern(userAgent));
    }

    private static String intern(String value) {
        return value == null ? null : value.intern();
    }

    /** A call that may have changed something and succeeded: POST, PUT, PATCH or DELETE with a 2xx status. */
    public static boolean isWrite(String action, String status) {
        if (action == null || !WRITE_ACTIONS.contains(action.toUpperCase(Locale.ROOT))) {
            return false;
        }
        return status != null && status.length() == 3 && status.charAt(0) == '2';
    }

    /** The OCIDs this event acted on: its resource id and, for creates, the id in the response. */
    public Set<String> resourceIds() {
        Set<String> ids = new LinkedHashSet<>(2);
        if (resourceId != null && !resourceId.isEmpty()) {
            ids.add(resourceId);
        }
        if (payloadId != null && !payloadId.isEmpty()) {
            ids.add(payloadId);
        }
        return ids;
    }

    /** OCI names creating operations Create… (LaunchInstance for instances). */
    public boolean creates() {
        return "POST".equalsIgnoreCase(action) && verb() != null
                && (verb().equals("Create") || verb().equals("Launch"));
    }

    /** OCI names moves between compartments Change…Compartment (ChangeInstanceCompartment). */
    public boolean movesCompartment() {
        return "Change".equals(verb()) && eventName.endsWith("Compartment") && eventName.length() > 17;
    }

    public boolean deletes() {
        return "DELETE".equalsIgnoreCase(action) || "Terminate".equals(verb()) || "Delete".equals(verb());
    }

    /**
     * The resource type an operation names, as Resource Search spells types: "LaunchInstance" →
     * "Instance", "CreateVcn" → "Vcn". Null when the name has no such shape.
     */
    public String resourceTypeFromName() {
        String verb = verb();
        return verb == null ? null : eventName.substring(verb.length());
    }

    private String verb() {
        if (eventName == null) {
            return null;
        }
        for (int i = 1; i < eventName.length(); i++) {
            if (Character.isUpperCase(eventName.charAt(i))) {
                return eventName.substring(0, i);
            }
        }
        return null;
    }

    /** Who, as the report shows it. A principal without a name (some service calls) shows its id. */
    public Actor actor() {
        String name = principalName != null ? principalName : principalId != null ? principalId : "unknown principal";
        return new Actor(name, principalId, eventName != null ? eventName : eventType, eventTime, eventId, ipAddress,
                userAgent, authType);
    }
}
