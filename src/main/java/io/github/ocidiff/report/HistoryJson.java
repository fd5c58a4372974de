package io.github.ocidiff.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ocidiff.diff.TextDiff;
import io.github.ocidiff.store.StoredResource;

/**
 * A resource's history as JSON, {@code schemaVersion} 1 (README, "ocidiff history"). Every member is
 * always present, null when it does not apply, so that tools can read it without guessing; snapshots
 * are objects {@code {snapshotId, takenAt, status, day}}; properties and actors have the report
 * contract's shape.
 */
public final class HistoryJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private HistoryJson() {
    }

    public static String render(History history) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", 1);
        root.put("ocid", history.ocid()).put("resourceType", history.resourceType())
                .put("displayName", history.displayName()).put("region", history.region());
        ArrayNode steps = root.putArray("steps");
        history.steps().forEach(step -> step(steps.addObject(), step));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void step(ObjectNode node, HistoryStep step) {
        StoredResource version = step.version();
        node.put("kind", step.kind().name());
        snapshot(node, "since", step.since());
        snapshot(node, "lastSeen", step.lastSeen());
        snapshot(node, "until", step.until());
        snapshot(node, "comparedWith", step.comparedWith());
        node.put("displayName", version.displayName()).put("lifecycleState", version.lifecycleState())
                .put("compartmentId", version.compartmentId()).put("compartmentPath", step.compartmentPath())
                .put("sha256", version.sha256());
        JsonReport.properties(node.putArray("properties"), step.properties());
        ArrayNode texts = node.putArray("texts");
        for (TextDiff text : step.texts()) {
            ArrayNode lines = texts.addObject().put("path", text.path()).putArray("lines");
            text.lines().forEach(lines::add);
        }
        ArrayNode ignored = node.putArray("ignored");
        step.ignored().forEach((rule, n) -> ignored.addObject().put("resourceType", rule.resourceType())
                .put("path", rule.path()).put("reason", rule.reason()).put("properties", n));
        node.put("caveat", step.caveat());
        JsonReport.actors(node.putArray("actors"), step.actors());
        ArrayNode notCollected = node.putArray("notCollected");
        for (NotCollected n : step.notCollected()) {
            ObjectNode miss = notCollected.addObject();
            snapshot(miss, "snapshot", n.snapshot());
            miss.put("reason", n.reason());
        }
        Vanished vanished = step.vanished();
        if (vanished == null) {
            node.putNull("vanished");
        } else {
            ObjectNode gone = node.putObject("vanished").put("fate", vanished.fate().name());
            snapshot(gone, "at", vanished.at());
            snapshot(gone, "comparedWith", vanished.comparedWith());
            gone.put("caveat", vanished.caveat());
            JsonReport.actors(gone.putArray("actors"), vanished.actors());
        }
    }

    private static void snapshot(ObjectNode parent, String field, SnapshotRef ref) {
        if (ref == null) {
            parent.putNull(field);
        } else {
            ObjectNode node = parent.putObject(field);
            JsonReport.snapshot(node, ref);
            node.put("day", ref.day().toString());
        }
    }
}
