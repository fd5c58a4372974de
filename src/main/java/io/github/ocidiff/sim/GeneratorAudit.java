package io.github.ocidiff.sim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The Audit events of one (region, compartment, day) slice, matching the churn exactly: a write event for each
 * create, update, move and delete of that day in that compartment, a create and a delete for each transient
 * resource, and {@code readEventsPerWrite} GET/List events per write. A slice is computed as compact records
 * (about resourceCount × churn / compartments of them); JSON is built only for the events of a page.
 */
final class GeneratorAudit {
    static final byte CREATE = 1;
    static final byte UPDATE = 2;
    static final byte MOVE = 3;
    static final byte DELETE = 4;
    static final byte TRANSIENT_CREATE = 5;
    static final byte TRANSIENT_DELETE = 6;
    static final byte GET = 7;
    static final byte LIST = 8;

    static final int H_EVENT = 50;
    static final int H_ACTOR = 51;
    static final int H_TRANSIENT_PARTITION = 52;
    static final int H_TRANSIENT_TIME = 53;
    static final int H_TRANSIENT_TYPE = 54;
    static final int H_READ = 55;
    static final int H_RESPONSE = 56;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /**
     * One event. For resource events (p, k) is the resource; for transient ones p is the slice partition, k the
     * transient's number that day and aux its type; for moves aux is the target compartment. Reads carry the
     * write they accompany in readOf (and its p, k, aux).
     */
    record Event(long time, long uid, byte kind, byte readOf, int p, int k, int day, int actor, int aux) {
    }

    private static final Comparator<Event> ORDER = Comparator.comparingLong(Event::time).thenComparingLong(Event::uid);

    private final GeneratorModel model;
    private final GeneratorDetails details;
    private final GeneratorLayout layout;
    private final GeneratorChangeLog log;
    private final long seed;

    GeneratorAudit(GeneratorModel model, GeneratorDetails details) {
        this.model = model;
        this.details = details;
        this.layout = model.layout;
        this.log = model.log;
        this.seed = model.seed;
    }

    /** The events of region r, compartment c, day d, in eventTime order. */
    List<Event> slice(int r, int c, int d) {
        int q = layout.partition(r, c);
        List<Event> writes = new ArrayList<>();
        // creates: the resources appended to this partition that day
        for (int k = layout.firstCreatedOn(q, d), end = layout.end(q, d); k < end; k++) {
            writes.add(write(layout.timeCreated(q, k), CREATE, q, k, d, model.creator(q, k), -1));
        }
        // moves and deletes of resources that were in this compartment when the day began
        for (int ch = log.firstOfDay(d), end = log.firstOfDay(d + 1); ch < end; ch++) {
            long key = log.key(ch);
            int p = GeneratorChangeLog.partitionOf(key);
            int k = GeneratorChangeLog.indexOf(key);
            if (layout.regionOf(p) != r || model.facts(p, k, d - 1).compartment() != c) {
                continue;
            }
            int actor = model.pickActor(GeneratorHash.of(seed, H_ACTOR, ch), layout.type(p, k));
            if (log.kind(ch) == GeneratorChangeLog.DELETE) {
                writes.add(write(log.time(ch), DELETE, p, k, d, actor, -1));
            } else {
                writes.add(write(log.time(ch), MOVE, p, k, d, actor, log.target(ch)));
            }
        }
        // updates: native residents, then resources moved in earlier
        for (int k = 0, end = layout.existingAtStart(q, d); k < end; k++) {
            if (model.updateDrawn(q, k, d)) {
                addUpdate(writes, q, k, c, d);
            }
        }
        for (long key : log.movedKeys()) {
            int p = GeneratorChangeLog.partitionOf(key);
            int k = GeneratorChangeLog.indexOf(key);
            if (p != q && layout.regionOf(p) == r && model.updateDrawn(p, k, d)) {
                addUpdate(writes, p, k, c, d);
            }
        }
        // transient resources: created and deleted within the day
        for (int j = 0; j < layout.spec.transientPerDay(); j++) {
            if (layout.pickPartition(GeneratorHash.of(seed, H_TRANSIENT_PARTITION, d, j)) != q) {
                continue;
            }
            long h = GeneratorHash.of(seed, H_TRANSIENT_TIME, d, j);
            long created = layout.dayStartMs(d) + GeneratorHash.below(h, (int) (GeneratorLayout.DAY_MS - 4 * 3_600_000L));
            long deleted = created + 300_000L + GeneratorHash.below(GeneratorHash.mix(h), 3 * 3_600_000);
            int roll = GeneratorHash.below(GeneratorHash.of(seed, H_TRANSIENT_TYPE, d, j), 10);
            int type = roll < 7 ? GeneratorCatalog.INSTANCE : roll < 9 ? GeneratorCatalog.VOLUME : GeneratorCatalog.BUCKET;
            int actor = transientActor(d, j, type);
            writes.add(write(created, TRANSIENT_CREATE, q, j, d, actor, type));
            writes.add(write(deleted, TRANSIENT_DELETE, q, j, d, actor, type));
        }
        writes.sort(ORDER);
        List<Event> events = new ArrayList<>(writes.size() * (1 + layout.spec.readEventsPerWrite()));
        events.addAll(writes);
        long dayStart = layout.dayStartMs(d);
        long dayEnd = dayStart + GeneratorLayout.DAY_MS - 1;
        for (Event w : writes) {
            for (int m = 0; m < layout.spec.readEventsPerWrite(); m++) {
                long h = GeneratorHash.of(seed, H_READ, w.uid(), m);
                boolean get = (h & 1) == 0;
                long offset = get ? 200 + GeneratorHash.below(h, 600_000) : GeneratorHash.below(h, 3_600_000) - 1_800_000L;
                long time = Math.max(dayStart, Math.min(dayEnd, w.time() + offset));
                int actor = GeneratorHash.below(GeneratorHash.mix(h), 10) < 7 ? w.actor()
                        : GeneratorHash.below(GeneratorHash.mix(h + 1), model.actors.length);
                events.add(new Event(time, GeneratorHash.mix(h + 2), get ? GET : LIST, w.kind(), w.p(), w.k(), d,
                        actor, w.aux()));
            }
        }
        events.sort(ORDER);
        return events;
    }

    private int transientActor(int d, int j, int type) {
        for (int a = 0; a < model.actors.length; a++) {
            if (model.actors[a].instance() && type != GeneratorCatalog.BUCKET) {
                return a;
            }
        }
        return model.pickActor(GeneratorHash.of(seed, H_ACTOR, d, j), type);
    }

    /** Adds the update of (p, k) on day d if it is due and the resource was in compartment c that morning. */
    private void addUpdate(List<Event> writes, int p, int k, int c, int d) {
        GeneratorChangeLog.Facts facts = model.facts(p, k, d);
        if (!model.updatedOn(p, k, d, layout.createdDay(p, k), facts)
                || model.facts(p, k, d - 1).compartment() != c) {
            return;
        }
        int actor = model.pickActor(GeneratorHash.of(seed, H_ACTOR, p, k, d), layout.type(p, k));
        writes.add(write(model.updateTime(p, k, d), UPDATE, p, k, d, actor, -1));
    }

    private Event write(long time, byte kind, int p, int k, int d, int actor, int aux) {
        return new Event(time, GeneratorHash.of(seed, H_EVENT, kind, p, k, d), kind, (byte) 0, p, k, d, actor, aux);
    }

    /** The AuditEvent JSON of one event of compartment c, as ListEvents returns it. */
    ObjectNode json(Event e, int c) {
        boolean isTransient = e.kind() == TRANSIENT_CREATE || e.kind() == TRANSIENT_DELETE
                || e.readOf() == TRANSIENT_CREATE || e.readOf() == TRANSIENT_DELETE;
        int region = layout.regionOf(e.p());
        GeneratorCatalog.Type type = isTransient ? GeneratorCatalog.TYPES.get(e.aux())
                : model.type(e.p(), e.k());
        String resourceId;
        String resourceName;
        String availabilityDomain;
        ObjectNode freeform;
        ObjectNode defined;
        GeneratorChangeLog.Facts facts = null;
        GeneratorModel.State before = null;
        GeneratorModel.State after = null;
        if (isTransient) {
            resourceId = model.transientId(e.aux(), region, e.day(), e.k());
            resourceName = "autoscale-" + layout.environment(layout.compartmentOf(e.p())) + "-"
                    + GeneratorHash.hex(GeneratorHash.of(seed, H_EVENT, e.day(), e.k()), 6);
            GeneratorCatalog.Region reg = model.regions[region];
            availabilityDomain = type.adScoped()
                    ? reg.availabilityDomain(model.adPrefix, 1 + (e.k() % reg.ads())) : null;
            freeform = NODES.objectNode().put("env", layout.environment(layout.compartmentOf(e.p())))
                    .put("team", "sre");
            defined = NODES.objectNode();
        } else {
            facts = model.facts(e.p(), e.k(), e.day());
            before = model.state(e.p(), e.k(), e.day() - 1, facts);
            after = model.state(e.p(), e.k(), e.day(), facts);
            resourceId = model.resourceId(e.p(), e.k());
            resourceName = model.displayName(e.p(), e.k(), after);
            availabilityDomain = model.availabilityDomain(e.p(), e.k());
            freeform = model.freeformTags(e.p(), after);
            defined = model.definedTags(e.p(), e.k());
        }
        GeneratorModel.Actor actor = model.actors[e.actor()];
        String path = type.path().replace("{namespace}", model.namespace);
        String member = type.name().equals("Bucket") ? path + "/" + resourceName : path + "/" + resourceId;
        String operation;
        String action;
        String requestPath;
        String status = "200";
        ObjectNode parameters = NODES.objectNode();
        ObjectNode previous = null;
        ObjectNode current = null;
        ObjectNode additional = NODES.objectNode();
        boolean payload = false;
        switch (e.kind()) {
            case CREATE, TRANSIENT_CREATE -> {
                operation = type.createOp();
                action = "POST";
                requestPath = type.name().equals("Bucket") ? path + "/" : path;
                current = NODES.objectNode().put("lifecycleState", type.liveState());
                payload = true;
            }
            case DELETE, TRANSIENT_DELETE -> {
                operation = type.deleteOp();
                if (type.name().equals("Vault")) {
                    action = "POST";
                    requestPath = member + "/actions/scheduleDeletion";
                } else {
                    action = "DELETE";
                    requestPath = member;
                    status = "204";
                }
                String was = isTransient ? type.liveState() : model.lifecycleState(type, after, false);
                previous = NODES.objectNode().put("lifecycleState", was);
                current = NODES.objectNode().put("lifecycleState", type.deadState());
            }
            case MOVE -> {
                operation = type.moveOp();
                if (type.name().equals("Bucket")) {
                    action = "PUT";
                    requestPath = member;
                } else {
                    action = "POST";
                    requestPath = member + "/actions/changeCompartment";
                }
                previous = NODES.objectNode().put("compartmentId", model.compartmentIds[c]);
                current = NODES.objectNode().put("compartmentId", model.compartmentIds[e.aux()]);
                additional.put("sourceCompartmentId", model.compartmentIds[c]);
                additional.put("targetCompartmentId", model.compartmentIds[e.aux()]);
                payload = true;
            }
            case UPDATE -> {
                GeneratorModel.UpdateKind kind = after.lastUpdate();
                payload = true;
                if (kind == GeneratorModel.UpdateKind.TOGGLE) {
                    boolean stop = after.stopped();
                    if (type.name().equals("Instance")) {
                        operation = "InstanceAction";
                        action = "POST";
                        requestPath = member;
                        parameters.putArray("action").add(stop ? "STOP" : "START");
                    } else {
                        operation = (stop ? "Stop" : "Start") + type.noun();
                        action = "POST";
                        requestPath = member + "/actions/" + (stop ? "stop" : "start");
                    }
                    previous = NODES.objectNode().put("lifecycleState", model.lifecycleState(type, before, false));
                    current = NODES.objectNode().put("lifecycleState", model.lifecycleState(type, after, false));
                } else if (kind == GeneratorModel.UpdateKind.CONFIG) {
                    // statements, rules or settings: what GetPolicy, GetSecurityList, the NSG's rules or
                    // GetBucket show (GeneratorDetails), before and after
                    operation = type.configOp();
                    if (type.name().equals("NetworkSecurityGroup")) {
                        action = "POST";
                        requestPath = member + "/actions/updateSecurityRules";
                    } else {
                        action = "PUT";
                        requestPath = member;
                    }
                    previous = details.content(e.p(), e.k(), e.day() - 1, facts);
                    current = details.content(e.p(), e.k(), e.day(), facts);
                } else {
                    operation = type.updateOp();
                    action = "PUT";
                    requestPath = type.name().equals("Bucket")
                            ? path + "/" + model.displayName(e.p(), e.k(), before) : member;
                    if (kind == GeneratorModel.UpdateKind.RENAME) {
                        previous = NODES.objectNode().put("displayName", model.displayName(e.p(), e.k(), before));
                        current = NODES.objectNode().put("displayName", resourceName);
                    } else {
                        previous = NODES.objectNode().set("freeformTags", model.freeformTags(e.p(), before));
                        current = NODES.objectNode().set("freeformTags", freeform);
                    }
                }
            }
            case GET -> {
                operation = type.getOp();
                action = "GET";
                requestPath = member;
            }
            case LIST -> {
                operation = type.listOp();
                action = "GET";
                requestPath = path;
                parameters.putArray("compartmentId").add(model.compartmentIds[c]);
                parameters.putArray("limit").add("100");
            }
            default -> throw new IllegalStateException("event kind " + e.kind());
        }
        boolean read = e.kind() == GET || e.kind() == LIST;
        boolean list = e.kind() == LIST;
        String requestId = GeneratorHash.hex(e.uid(), 32).toUpperCase(Locale.ROOT) + "/"
                + GeneratorHash.hex(GeneratorHash.mix(e.uid()), 32).toUpperCase(Locale.ROOT) + "/"
                + GeneratorHash.hex(GeneratorHash.mix(e.uid() + 1), 32).toUpperCase(Locale.ROOT);
        long responseMs = e.time() + 20 + GeneratorHash.below(GeneratorHash.of(seed, H_RESPONSE, e.uid()), 900);

        ObjectNode event = NODES.objectNode();
        event.put("eventType", type.eventType(operation));
        event.put("cloudEventsVersion", "0.1");
        event.put("eventTypeVersion", "2.0");
        event.put("source", type.service().equals("identityControlPlane") ? "IdentityControlPlane" : type.service());
        event.put("eventId", GeneratorHash.uuid(e.uid()));
        event.put("eventTime", GeneratorModel.time(e.time()));
        event.put("contentType", "application/json");
        ObjectNode data = event.putObject("data");
        data.put("eventGroupingId", read ? null : requestId);
        data.put("eventName", operation);
        data.put("compartmentId", model.compartmentIds[c]);
        data.put("compartmentName", c == 0 ? GeneratorModel.TENANCY_NAME : layout.compartmentName[c]);
        data.put("resourceName", list ? null : resourceName);
        data.put("resourceId", list ? null : resourceId);
        data.put("availabilityDomain", list ? null : availabilityDomain);
        if (read) {
            data.putNull("freeformTags");
            data.putNull("definedTags");
        } else {
            data.set("freeformTags", freeform);
            data.set("definedTags", defined);
        }
        ObjectNode identity = data.putObject("identity");
        identity.put("principalName", actor.principalName());
        identity.put("principalId", actor.principalId());
        identity.put("authType", actor.authType());
        identity.putNull("callerName");
        identity.putNull("callerId");
        identity.put("tenantId", model.tenancyId);
        identity.put("ipAddress", actor.ipAddress());
        identity.put("credentials", actor.credentials());
        identity.put("userAgent", actor.userAgent());
        identity.put("consoleSessionId", actor.console()
                ? "csid" + GeneratorHash.hex(GeneratorHash.of(seed, H_RESPONSE, e.actor(), e.day()), 28) : null);
        ObjectNode request = data.putObject("request");
        request.put("id", requestId);
        request.put("path", requestPath);
        request.put("action", action);
        request.set("parameters", parameters);
        ObjectNode requestHeaders = request.putObject("headers");
        requestHeaders.putArray("opc-request-id").add(requestId);
        requestHeaders.putArray("User-Agent").add(actor.userAgent());
        requestHeaders.putArray("Accept").add("application/json");
        ObjectNode response = data.putObject("response");
        response.put("status", status);
        response.put("responseTime", GeneratorModel.time(responseMs));
        ObjectNode responseHeaders = response.putObject("headers");
        responseHeaders.putArray("opc-request-id").add(requestId);
        if (!status.equals("204")) {
            responseHeaders.putArray("Content-Type").add("application/json");
        }
        responseHeaders.putArray("Date").add(HTTP_DATE.format(Instant.ofEpochMilli(responseMs)));
        if (payload) {
            response.putObject("payload").put("id", resourceId).put("resourceName", resourceName);
        } else {
            response.putNull("payload");
        }
        response.put("message", operation + " succeeded");
        if (previous == null && current == null) {
            data.putNull("stateChange");
        } else {
            ObjectNode stateChange = data.putObject("stateChange");
            stateChange.set("previous", previous);
            stateChange.set("current", current);
        }
        data.set("additionalDetails", additional);
        return event;
    }
}
