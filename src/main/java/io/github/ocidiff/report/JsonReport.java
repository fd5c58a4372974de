package io.github.ocidiff.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ocidiff.audit.Actor;
import io.github.ocidiff.audit.AttributedChange;
import io.github.ocidiff.audit.AttributedTransient;
import io.github.ocidiff.diff.Change;
import io.github.ocidiff.diff.ChangeKind;
import io.github.ocidiff.diff.CoverageGap;
import io.github.ocidiff.diff.PropertyChange;
import io.github.ocidiff.diff.TransientResource;
import java.util.List;

/** The report as JSON, exactly the contract (shared/contracts/report.schema.json, schemaVersion 1). */
public final class JsonReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(Report report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", 1);
        root.put("generatedAt", report.generatedAt().toString());
        ObjectNode tenancy = root.putObject("tenancy").put("id", report.tenancyId());
        if (report.tenancyName() != null) {
            tenancy.put("name", report.tenancyName());
        }
        snapshot(root.putObject("from"), report.from());
        snapshot(root.putObject("to"), report.to());
        root.putObject("summary")
                .put("created", report.count(ChangeKind.CREATED))
                .put("deleted", report.count(ChangeKind.DELETED))
                .put("modified", report.count(ChangeKind.MODIFIED))
                .put("moved", report.count(ChangeKind.MOVED))
                .put("transient", report.transients().size())
                .put("unattributed", report.unattributed());
        ArrayNode changes = root.putArray("changes");
        report.changes().forEach(c -> change(changes.addObject(), c, report));
        ArrayNode transients = root.putArray("transient");
        for (AttributedTransient attributed : report.transients()) {
            TransientResource t = attributed.resource();
            ObjectNode node = transients.addObject().put("ocid", t.ocid());
            putIfPresent(node, "resourceType", t.resourceType());
            putIfPresent(node, "displayName", t.displayName());
            putIfPresent(node, "region", t.region());
            putIfPresent(node, "compartmentId", t.compartmentId());
            actors(node.putArray("actors"), attributed.actors());
        }
        ObjectNode coverage = root.putObject("coverage").put("complete", report.complete());
        ArrayNode gaps = coverage.putArray("gaps");
        for (CoverageGap gap : report.gaps()) {
            gaps.addObject().put("region", gap.region()).put("compartmentId", gap.compartmentId())
                    .put("reason", gap.reason()).put("unknownResources", gap.unknownResources());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void snapshot(ObjectNode node, SnapshotRef ref) {
        node.put("snapshotId", ref.snapshotId()).put("takenAt", ref.takenAt().toString()).put("status", ref.status().name());
    }

    private static void change(ObjectNode node, AttributedChange attributed, Report report) {
        Change c = attributed.change();
        node.put("kind", c.kind().name()).put("ocid", c.ocid()).put("resourceType", c.resourceType())
                .put("displayName", c.displayName()).put("region", c.region()).put("compartmentId", c.compartmentId());
        putIfPresent(node, "compartmentPath", report.compartmentPath(c.compartmentId()));
        if (c.previousCompartmentId() != null) {
            node.put("previousCompartmentId", c.previousCompartmentId());
        }
        properties(node.putArray("properties"), c.properties());
        actors(node.putArray("actors"), attributed.actors());
        node.put("attribution", attributed.attribution().name());
    }

    static void properties(ArrayNode array, List<PropertyChange> properties) {
        for (PropertyChange p : properties) {
            ObjectNode property = array.addObject().put("path", p.path());
            property.set("before", p.before());
            property.set("after", p.after());
        }
    }

    static void actors(ArrayNode array, List<Actor> actors) {
        for (Actor a : actors) {
            array.addObject().put("principalName", a.principalName()).put("principalId", a.principalId())
                    .put("eventName", a.eventName()).put("eventTime", a.eventTime().toString())
                    .put("eventId", a.eventId()).put("ipAddress", a.ipAddress()).put("userAgent", a.userAgent())
                    .put("authType", a.authType());
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
