package io.github.ocidiff.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ocidiff.audit.Actor;
import io.github.ocidiff.audit.AttributedChange;
import io.github.ocidiff.audit.AttributedTransient;
import io.github.ocidiff.diff.Change;
import io.github.ocidiff.config.ChangeSelector;
import io.github.ocidiff.config.RuleKind;
import io.github.ocidiff.config.Waiver;
import io.github.ocidiff.diff.ChangeKind;
import io.github.ocidiff.diff.CoverageGap;
import io.github.ocidiff.diff.IgnoreCount;
import io.github.ocidiff.diff.PropertyChange;
import io.github.ocidiff.diff.SuppressCount;
import io.github.ocidiff.diff.TransientResource;
import io.github.ocidiff.diff.WaiverCount;
import io.github.ocidiff.diff.WaiverVerdict;
import io.github.ocidiff.store.Baseline;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The report as JSON, exactly the contract (shared/contracts/report.schema.json, schemaVersion 1), plus
 * fields the contract allows to be added: {@code summary.suppressed} and {@code summary.waived}, a
 * change's {@code waiver}, the {@code rules} with what each one did, and {@code baseline} for drift.
 */
public final class JsonReport {
    // No flush after each change written (see write): the writer given buffers.
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private JsonReport() {
    }

    /**
     * Writes the report to {@code out}, a change at a time: the tree of a report of a hundred thousand changes, and its
     * text as one string, took a nightly run's heap several times over. The text is the whole tree's, indented alike.
     */
    public static void write(Report report, Writer out) throws IOException {
        ObjectNode head = JSON.createObjectNode();
        head.put("schemaVersion", 1);
        head.put("generatedAt", report.generatedAt().toString());
        ObjectNode tenancy = head.putObject("tenancy").put("id", report.tenancyId());
        if (report.tenancyName() != null) {
            tenancy.put("name", report.tenancyName());
        }
        snapshot(head.putObject("from"), report.from());
        snapshot(head.putObject("to"), report.to());
        head.putObject("summary")
                .put("created", report.count(ChangeKind.CREATED))
                .put("deleted", report.count(ChangeKind.DELETED))
                .put("modified", report.count(ChangeKind.MODIFIED))
                .put("moved", report.count(ChangeKind.MOVED))
                .put("transient", report.transients().size())
                .put("unattributed", report.unattributed())
                .put("suppressed", report.rules().suppressedTotal())
                .put("waived", report.waived());
        report.baseline().ifPresent(b -> baseline(head.putObject("baseline"), b, report));
        try (JsonGenerator json = JSON.writer().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            fields(json, head);
            json.writeArrayFieldStart("changes");
            for (AttributedChange change : report.changes()) {
                ObjectNode node = JSON.createObjectNode();
                change(node, change, report);
                JSON.writeTree(json, node);
            }
            json.writeEndArray();
            fields(json, tail(report));
            json.writeEndObject();
        }
        out.write("\n");
    }

    /** What follows the changes: transient resources, coverage and rules. */
    private static ObjectNode tail(Report report) {
        ObjectNode root = JSON.createObjectNode();
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
        rules(root.putObject("rules"), report);
        return root;
    }

    /** Each member of {@code node} as a member of the object being written. */
    private static void fields(JsonGenerator json, ObjectNode node) throws IOException {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            json.writeFieldName(field.getKey());
            JSON.writeTree(json, field.getValue());
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
        // Beyond the contract's members, as "waiver" is: a change a snapshot's gap may have made imprecise says why.
        putIfPresent(node, "caveat", c.caveat());
        WaiverVerdict verdict = report.waiverOf(c);
        if (verdict != null) {
            waiver(node.putObject("waiver"), verdict.waiver()).put("state", verdict.expired() ? "EXPIRED" : "WAIVED");
        }
    }

    private static void baseline(ObjectNode node, Baseline baseline, Report report) {
        node.put("name", baseline.name()).put("snapshotId", baseline.snapshotId())
                .put("createdAt", baseline.createdAt().toString());
        putIfPresent(node, "note", baseline.note());
        baseline.compartments().forEach(node.putArray("compartments")::add);
        baseline.resourceTypes().forEach(node.putArray("resourceTypes")::add);
        node.put("drift", report.unwaived()).put("waived", report.waived());
    }

    private static void rules(ObjectNode node, Report report) {
        ArrayNode ignore = node.putArray("ignore");
        for (IgnoreCount i : report.rules().ignored()) {
            ignore.addObject().put("resourceType", i.rule().resourceType()).put("path", i.rule().path())
                    .put("reason", i.rule().reason()).put("properties", i.properties()).put("resources", i.resources());
        }
        ArrayNode suppress = node.putArray("suppress");
        for (SuppressCount sc : report.rules().suppressed()) {
            ObjectNode rule = suppress.addObject().put("name", sc.rule().name()).put("reason", sc.rule().reason());
            selector(rule, sc.rule().selector());
            if (!sc.rule().kinds().isEmpty()) {
                sc.rule().kinds().stream().map(RuleKind::name).forEach(rule.putArray("kind")::add);
            }
            putIfPresent(rule, "actor", sc.rule().actor());
            rule.put("changes", sc.changes()).put("transient", sc.transients());
        }
        ArrayNode waivers = node.putArray("waivers");
        for (WaiverCount wc : report.rules().waivers()) {
            waiver(waivers.addObject(), wc.waiver()).put("state", wc.expired() ? "EXPIRED" : "ACTIVE")
                    .put("changes", wc.changes());
        }
    }

    private static ObjectNode waiver(ObjectNode node, Waiver w) {
        node.put("name", w.name()).put("reason", w.reason()).put("approver", w.approver())
                .put("approved", w.approved().toString()).put("expires", w.expires().toString());
        selector(node, w.selector());
        return node;
    }

    private static void selector(ObjectNode node, ChangeSelector s) {
        putIfPresent(node, "ocid", s.ocid());
        putIfPresent(node, "resourceType", s.resourceType());
        putIfPresent(node, "compartment", s.compartment());
        putIfPresent(node, "path", s.path());
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
