package io.github.ocidiff.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.bmc.audit.model.AuditEvent;
import com.oracle.bmc.audit.model.Data;
import com.oracle.bmc.audit.model.Identity;
import com.oracle.bmc.audit.model.Request;
import com.oracle.bmc.audit.model.Response;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Write events to and from OCI's AuditEvent JSON shape (the fields ocidiff reads), the form in which
 * the store keeps them as evidence and evidence packs carry them.
 */
public final class AuditEventJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditEventJson() {
    }

    /** The write event in an SDK event, or empty for reads and failed calls. */
    public static Optional<WriteEvent> fromSdk(AuditEvent event, String region) {
        Data data = event.getData();
        if (data == null || event.getEventId() == null || event.getEventTime() == null) {
            return Optional.empty();
        }
        Request request = data.getRequest();
        Response response = data.getResponse();
        String action = request == null ? null : request.getAction();
        String status = response == null ? null : response.getStatus();
        if (!WriteEvent.isWrite(action, status)) {
            return Optional.empty();
        }
        Identity identity = data.getIdentity() != null ? data.getIdentity() : Identity.builder().build();
        Map<String, Object> payload = response.getPayload();
        Object payloadId = payload == null ? null : payload.get("id");
        return Optional.of(new WriteEvent(event.getEventId(), event.getEventType(), event.getEventTime().toInstant(),
                region, data.getEventName(), data.getCompartmentId(), data.getResourceId(), data.getResourceName(),
                payloadId instanceof String id ? id : null, action, request.getPath(), status,
                identity.getPrincipalName(), identity.getPrincipalId(), identity.getAuthType(),
                identity.getIpAddress(), identity.getUserAgent()));
    }

    public static String write(WriteEvent e) {
        ObjectNode root = JSON.createObjectNode()
                .put("eventType", e.eventType()).put("eventTime", e.eventTime().toString()).put("eventId", e.eventId());
        ObjectNode data = root.putObject("data")
                .put("eventName", e.eventName()).put("compartmentId", e.compartmentId())
                .put("resourceName", e.resourceName()).put("resourceId", e.resourceId());
        data.putObject("identity").put("principalName", e.principalName()).put("principalId", e.principalId())
                .put("authType", e.authType()).put("ipAddress", e.ipAddress()).put("userAgent", e.userAgent());
        data.putObject("request").put("action", e.action()).put("path", e.path());
        ObjectNode response = data.putObject("response").put("status", e.status());
        if (e.payloadId() != null) {
            response.putObject("payload").put("id", e.payloadId());
        }
        root.put("region", e.region());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public static WriteEvent read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored Audit event is damaged: " + e.getOriginalMessage(), e);
        }
        JsonNode data = root.path("data");
        JsonNode identity = data.path("identity");
        return new WriteEvent(root.path("eventId").asText(), text(root, "eventType"),
                Instant.parse(root.path("eventTime").asText()), text(root, "region"), text(data, "eventName"),
                text(data, "compartmentId"), text(data, "resourceId"), text(data, "resourceName"),
                text(data.path("response").path("payload"), "id"), text(data.path("request"), "action"),
                text(data.path("request"), "path"), text(data.path("response"), "status"),
                text(identity, "principalName"), text(identity, "principalId"), text(identity, "authType"),
                text(identity, "ipAddress"), text(identity, "userAgent"));
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).textValue();
    }
}
