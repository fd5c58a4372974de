package io.github.ocidiff.job;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.github.ocidiff.config.RulesConfig;
import io.github.ocidiff.crawl.ScopeCoverage;
import io.github.ocidiff.diff.IgnoreRules;
import io.github.ocidiff.report.Report;
import io.github.ocidiff.report.ReportFormat;
import io.github.ocidiff.store.EvidenceWindow;
import io.github.ocidiff.store.Baseline;
import io.github.ocidiff.store.SnapshotInfo;
import io.github.ocidiff.store.StoredAuditEvent;
import io.github.ocidiff.store.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The files of an evidence pack for a report already made: the report in every format, the Audit
 * events kept for its snapshot pair, both ends' metadata and coverage, the effective rules and the
 * tool that made it. {@link EvidenceZip#write} writes them into the zip, and their manifest. The Audit
 * events come from the store as the zip is written: the store must be open until then.
 * Everything comes from the report and the store, never from the clock, so the same report gives the
 * same files.
 */
public final class EvidencePack {

    /** Bumped when the pack's layout or a file's shape changes incompatibly. */
    public static final int FORMAT_VERSION = 1;

    public static final String AUDIT_EVENTS = "audit-events.json";
    public static final String SNAPSHOTS = "snapshots.json";
    public static final String RULES = "rules.json";
    public static final String TOOL = "tool.json";

    /** What made the pack: the version of ocidiff (known to the CLI) and the command line. */
    public record Tool(String version, List<String> arguments) {
        public Tool {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * The ends of the report and how it was made.
     *
     * @param baseline       the approved state the report starts from, when made with {@code --baseline}
     * @param auditConsulted false with {@code --no-audit}: the report's actors come from tags only
     */
    public record Ends(SnapshotInfo from, SnapshotInfo to, Optional<Baseline> baseline, boolean auditConsulted) {
    }

    /**
     * Configuration records as JSON, whatever their fields: new rule kinds appear without a change here.
     * Times, durations and paths as their text; maps in key order, so the bytes do not depend on hashing.
     */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .registerModule(new SimpleModule("evidence")
                    .addSerializer(Temporal.class, ToStringSerializer.instance)
                    .addSerializer(TemporalAmount.class, ToStringSerializer.instance)
                    .addSerializer(ZoneId.class, ToStringSerializer.instance)
                    .addSerializer(Path.class, ToStringSerializer.instance)
                    .addSerializer(Pattern.class, ToStringSerializer.instance)
                    .addSerializer(new OptionalSerializer()));

    private final Store store;
    private final RulesConfig rules;

    public EvidencePack(Store store, RulesConfig rules) {
        this.store = store;
        this.rules = rules;
    }

    /** The pack's files but the manifest, in no particular order. */
    List<PackFile> files(Report report, Ends ends, PairEvidence evidence, Tool tool) {
        List<PackFile> files = new ArrayList<>();
        for (ReportFormat format : ReportFormat.values()) {
            String name = format.fileName();
            files.add(new PackFile(name, out -> format.write(report, out)));
        }
        files.add(new PackFile(AUDIT_EVENTS, out -> auditEvents(ends, evidence, out)));
        files.add(json(SNAPSHOTS, snapshots(report, ends)));
        files.add(json(RULES, rules()));
        files.add(json(TOOL, tool(report, tool)));
        return files;
    }

    /**
     * The Audit events of the pair, written one at a time as they are read from the store: a night of 100,000
     * changes keeps as many, which as one tree would not fit the heap. The same text as the tree's.
     */
    private static void auditEvents(Ends ends, PairEvidence evidence, OutputStream out) throws IOException {
        ObjectNode head = JSON.createObjectNode();
        head.put("fromSnapshot", ends.from().id()).put("toSnapshot", ends.to().id());
        Optional<EvidenceWindow> kept = ends.auditConsulted() ? evidence.window() : Optional.empty();
        if (!ends.auditConsulted()) {
            head.put("kept", false).put("note", "the report was made with --no-audit: its actors come from CreatedBy "
                    + "tags only, and no Audit event is part of this pack");
        } else if (kept.isEmpty()) {
            head.put("kept", false).put("note", "no Audit evidence is kept for this snapshot pair: Audit could not be "
                    + "read (see the report's warnings), so the report's actors come from CreatedBy tags only");
        } else {
            EvidenceWindow w = kept.get();
            head.put("kept", evidence instanceof PairEvidence.Kept);
            if (evidence instanceof PairEvidence.Unkept) {
                head.put("note", "read from Audit for this pack: the store is read-only to the user who made it, so it"
                        + " keeps no evidence of this pair");
            }
            head.putObject("window").put("start", w.start().toString()).put("end", w.end().toString());
            head.put("fetchedAt", w.fetchedAt().toString())
                    .put("eventsRead", w.eventsRead())
                    .put("writeEvents", w.writeEvents())
                    .put("matchedEvents", w.matchedEvents());
            ArrayNode failures = head.putArray("failures");
            w.failures().forEach(failures::add);
        }
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> fields = head.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                json.writeFieldName(field.getKey());
                JSON.writeTree(json, field.getValue());
            }
            json.writeArrayFieldStart("events");
            if (kept.isPresent()) {
                evidence.forEachEvent(event -> write(json, event));
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
    }

    private static void write(JsonGenerator json, StoredAuditEvent event) {
        ObjectNode node = JSON.createObjectNode()
                .put("ocid", event.ocid())
                .put("eventId", event.eventId())
                .put("eventTime", event.eventTime().toString())
                .put("region", event.region());
        node.set("event", parsed(event.json()));
        try {
            JSON.writeTree(json, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event as OCI returned it; kept as a string in the odd case the stored text is not JSON. */
    private static JsonNode parsed(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }

    private ObjectNode snapshots(Report report, Ends ends) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode tenancy = root.putObject("tenancy").put("id", report.tenancyId());
        if (report.tenancyName() != null) {
            tenancy.put("name", report.tenancyName());
        }
        snapshot(root.putObject("from"), ends.from(), report);
        snapshot(root.putObject("to"), ends.to(), report);
        ends.baseline().ifPresent(b -> {
            ObjectNode node = root.putObject("baseline")
                    .put("name", b.name())
                    .put("snapshotId", b.snapshotId())
                    .put("createdAt", b.createdAt().toString());
            node.put("note", b.note());
            ArrayNode compartments = node.putArray("compartments");
            b.compartments().forEach(compartments::add);
            ArrayNode types = node.putArray("resourceTypes");
            b.resourceTypes().forEach(types::add);
        });
        return root;
    }

    private void snapshot(ObjectNode node, SnapshotInfo s, Report report) {
        node.put("id", s.id())
                .put("takenAt", s.takenAt().toString())
                .put("day", s.day().toString())
                .put("status", s.status().name())
                .put("source", s.source())
                .put("tenancyId", s.tenancyId())
                .put("resourceCount", s.resourceCount())
                .put("failedScopes", s.failedScopes())
                .put("changesFromPrevious", s.changesFromPrevious());
        SnapshotJson.provenance(node, s);
        node.put("startedAt", s.startedAt() == null ? null : s.startedAt().toString());
        node.put("finishedAt", s.finishedAt() == null ? null : s.finishedAt().toString());
        ArrayNode coverage = node.putArray("coverage");
        // Each end's compartments as it saw them (dev before its renaming), else as the report names them.
        Map<String, String> own = store.compartments(s.id()).map(CompartmentPaths::of).orElse(Map.of());
        store.coverage(s.id()).stream()
                .sorted(Comparator.comparing((ScopeCoverage c) -> c.scope().region())
                        .thenComparing(c -> c.scope().compartmentId()))
                .forEach(c -> {
                    ObjectNode scope = coverage.addObject()
                            .put("region", c.scope().region())
                            .put("compartmentId", c.scope().compartmentId());
                    String path = own.getOrDefault(c.scope().compartmentId(),
                            report.compartmentPath(c.scope().compartmentId()));
                    if (path != null) {
                        scope.put("compartmentPath", path);
                    }
                    scope.put("ok", c.ok());
                    scope.put("error", c.error());
                    scope.put("pages", c.pages()).put("resources", c.resources()).put("millis", c.millis());
                });
    }

    private ObjectNode rules() {
        ObjectNode root = JSON.createObjectNode();
        root.put("order", "the configured ignore rules first, then the built-in ones; the first rule that matches "
                + "a property change takes it, and the report counts it against that rule");
        root.set("configured", configJson(rules));
        ObjectNode builtIn = root.putObject("builtIn");
        builtIn.set("ignore", configJson(IgnoreRules.DEFAULTS));
        return root;
    }

    /** A configuration record (or list of them) as JSON, field by field, whatever its fields are. */
    static JsonNode configJson(Object value) {
        return JSON.valueToTree(value);
    }

    private static ObjectNode tool(Report report, Tool tool) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", "ocidiff")
                .put("version", tool.version())
                .put("packFormat", FORMAT_VERSION)
                .put("generatedAt", report.generatedAt().toString());
        root.putObject("java")
                .put("version", System.getProperty("java.version"))
                .put("vendor", System.getProperty("java.vendor"));
        ArrayNode arguments = root.putArray("arguments");
        tool.arguments().forEach(arguments::add);
        return root;
    }

    private static PackFile json(String name, JsonNode node) {
        try {
            return PackFile.text(name, JSON.writeValueAsString(node) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** An Optional as its value, or null: how a configuration record's optional field reads in YAML. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class OptionalSerializer extends StdSerializer<Optional> {
        OptionalSerializer() {
            super(Optional.class);
        }

        @Override
        public void serialize(Optional value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value.isPresent()) {
                provider.defaultSerializeValue(value.get(), gen);
            } else {
                gen.writeNull();
            }
        }
    }
}
