package io.github.ocidiff.cli;

import static io.github.ocidiff.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ocidiff.Immutable;
import io.github.ocidiff.ReportSchema;
import io.github.ocidiff.SimHarness;
import io.github.ocidiff.sim.FaultPlan;
import io.github.ocidiff.sim.FixtureTenancy;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ocidiff evidence` and `evidence verify` over the golden fixture's three nights. */
class EvidenceCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RULES = "rules:\n"
            + "  ignore:\n"
            + "    - resourceType: Instance\n"
            + "      path: /freeformTags/build\n"
            + "      reason: CI stamps it on every deploy\n";

    private static String snapshotNights(SimHarness sim) {
        String config = sim.writeConfig(RULES).toString();
        for (String day : List.of("2026-11-01", "2026-11-02", "2026-11-03")) {
            sim.server.source().selectDay(LocalDate.parse(day));
            assertThat(run("--config", config, "snapshot", "--quiet", "--at", day + "T23:59:59Z").exitCode()).isIn(0, 4);
        }
        return config;
    }

    /** The pack's entries, in order, as text. */
    private static Map<String, String> entries(Path pack) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(pack.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                entries.put(e.getName(), new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    /** Rewrites the pack as a valid zip whose entries {@code edit} changed (null drops one). */
    private static Path rewrite(Path pack, Path to, Map<String, UnaryOperator<String>> edits, Map<String, String> added)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(to); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries(pack).entrySet()) {
                String text = edits.getOrDefault(e.getKey(), UnaryOperator.identity()).apply(e.getValue());
                if (text != null) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(text.getBytes(StandardCharsets.UTF_8));
                }
            }
            for (Map.Entry<String, String> e : added.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return to;
    }

    @Test
    void aPackHoldsTheReportAndItsEvidenceAndVerifiesUntilTamperedWith() throws Exception {
        try (SimHarness sim = SimHarness.goldenFixture()) {
            String config = snapshotNights(sim);
            Path pack = sim.dir.resolve("packs/pack.zip");

            MainTest.Run made = run("--config", config, "evidence", "--from", "2026-11-01", "--to", "2026-11-02",
                    "--out", pack.toString());
            assertThat(made.exitCode()).as(made.err()).isZero();
            assertThat(made.out()).startsWith("evidence pack written to " + pack + ": 9 files, snapshots 1 (2026-11-01) "
                    + "to 2 (2026-11-02), ").endsWith(" Audit events\n");

            Map<String, String> files = entries(pack);
            assertThat(files.keySet()).containsExactly("audit-events.json", "report.csv", "report.html", "report.json",
                    "report.md", "rules.json", "snapshots.json", "tool.json", "MANIFEST.sha256");
            List<String> manifest = files.get("MANIFEST.sha256").lines().toList();
            assertThat(manifest).hasSize(8).allMatch(l -> l.matches("[0-9a-f]{64}  [a-z.-]+"))
                    .isSortedAccordingTo((a, b) -> a.substring(66).compareTo(b.substring(66)));

            JsonNode report = JSON.readTree(files.get("report.json"));
            assertThat(ReportSchema.validate(report)).isEmpty();
            assertThat(report.path("from").path("snapshotId").asLong()).isEqualTo(1);
            assertThat(files.get("report.md")).startsWith("#");
            assertThat(files.get("report.html")).contains("<html");

            JsonNode audit = JSON.readTree(files.get("audit-events.json"));
            assertThat(audit.path("kept").asBoolean()).isTrue();
            assertThat(audit.path("window").path("start").asText()).isNotEmpty();
            assertThat(audit.path("events")).isNotEmpty();
            JsonNode event = audit.path("events").get(0);
            assertThat(event.path("event").path("eventId").asText()).isEqualTo(event.path("eventId").asText());
            assertThat(made.out()).contains(", " + audit.path("events").size() + " Audit events");
            // Written an event at a time, the same text as the whole tree indented.
            assertThat(files.get("audit-events.json"))
                    .isEqualTo(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(audit) + "\n");

            JsonNode snapshots = JSON.readTree(files.get("snapshots.json"));
            assertThat(snapshots.path("from").path("id").asLong()).isEqualTo(1);
            assertThat(snapshots.path("to").path("id").asLong()).isEqualTo(2);
            assertThat(snapshots.path("to").path("status").asText()).isIn("COMPLETE", "PARTIAL");
            assertThat(snapshots.path("to").get("narrowedTo").isNull()).as("the whole plan, not --region").isTrue();
            assertThat(snapshots.path("to").get("filled").isNull()).as("collected whole, not a fill").isTrue();
            assertThat(snapshots.path("from").path("coverage")).isNotEmpty();
            assertThat(snapshots.path("from").path("coverage").get(0).fieldNames()).toIterable()
                    .contains("region", "compartmentId", "ok", "pages", "resources", "millis");

            JsonNode rules = JSON.readTree(files.get("rules.json"));
            assertThat(rules.path("configured").path("ignore").get(0).toString()).isEqualTo(
                    "{\"resourceType\":\"Instance\",\"path\":\"/freeformTags/build\",\"reason\":\"CI stamps it on every deploy\"}");
            assertThat(rules.path("builtIn").path("ignore").toString()).contains("/details/etag");

            JsonNode tool = JSON.readTree(files.get("tool.json"));
            assertThat(tool.path("version").asText()).isNotEmpty();
            assertThat(tool.path("java").path("version").asText()).isEqualTo(System.getProperty("java.version"));
            assertThat(tool.path("generatedAt").asText()).isEqualTo(report.path("generatedAt").asText());
            assertThat(tool.path("arguments").toString()).contains("\"evidence\",\"--from\",\"2026-11-01\"");

            MainTest.Run intact = run("evidence", "verify", pack.toString());
            assertThat(intact.exitCode()).as(intact.out() + intact.err()).isZero();
            assertThat(intact.out()).isEqualTo(pack + ": intact, 8 files match MANIFEST.sha256\n");

            Path altered = rewrite(pack, sim.dir.resolve("altered.zip"),
                    Map.of("report.csv", text -> "#" + text.substring(1)), Map.of());
            MainTest.Run a = run("evidence", "verify", altered.toString());
            assertThat(a.exitCode()).isEqualTo(1);
            assertThat(a.out().lines().toList()).hasSize(2);
            assertThat(a.out()).startsWith("altered: report.csv (its SHA-256 is ")
                    .endsWith(altered + ": NOT intact, 1 problem\n");

            Path removed = rewrite(pack, sim.dir.resolve("removed.zip"), Map.of("rules.json", text -> null), Map.of());
            MainTest.Run r = run("evidence", "verify", removed.toString());
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.out()).isEqualTo("missing: rules.json (listed in MANIFEST.sha256, not in the pack)\n"
                    + removed + ": NOT intact, 1 problem\n");

            Path extra = rewrite(pack, sim.dir.resolve("extra.zip"), Map.of(), Map.of("notes.txt", "looks fine\n"));
            MainTest.Run x = run("evidence", "verify", extra.toString());
            assertThat(x.exitCode()).isEqualTo(1);
            assertThat(x.out()).startsWith("extra: notes.txt (in the pack, not listed in MANIFEST.sha256)\n");

            Path unsafe = rewrite(pack, sim.dir.resolve("unsafe.zip"), Map.of(), Map.of("../../.bashrc", "evil\n"));
            MainTest.Run u = run("evidence", "verify", unsafe.toString());
            assertThat(u.exitCode()).isEqualTo(1);
            assertThat(u.out()).startsWith("unsafe: ../../.bashrc (a '..' segment leads outside the pack)\n");
        }
    }

    /**
     * An auditor reading the service's store, which they may not write: the pack holds the events Audit gave
     * for it, though the store keeps none, and says so.
     */
    @Test
    void aStoreThisUserMayNotWriteStillGivesPacksWithTheirEvents() throws Exception {
        try (SimHarness sim = SimHarness.goldenFixture()) {
            String config = snapshotNights(sim);
            Path file = sim.dir.resolve("store/ocidiff.mv.db");
            Path pack = sim.dir.resolve("pack.zip");
            assumeTrue(Immutable.set(file, true), "chattr +i is not available here");
            MainTest.Run made;
            try {
                made = run("--config", config, "evidence", "--from", "1", "--to", "2", "--out", pack.toString());
            } finally {
                Immutable.set(file, false);
            }
            assertThat(made.exitCode()).as(made.err()).isZero();
            assertThat(made.err()).contains("warning: the store is read-only to this user");
            JsonNode audit = JSON.readTree(entries(pack).get("audit-events.json"));
            assertThat(audit.path("kept").asBoolean()).isFalse();
            assertThat(audit.path("note").asText()).startsWith("read from Audit for this pack: the store is read-only");
            assertThat(audit.path("events")).isNotEmpty();
            assertThat(audit.path("matchedEvents").asInt()).isEqualTo(audit.path("events").size());
            assertThat(made.out()).contains(", " + audit.path("events").size() + " Audit events");

            // Written by the user who may: the same events, now kept.
            Path keptPack = sim.dir.resolve("kept.zip");
            assertThat(run("--config", config, "evidence", "--from", "1", "--to", "2", "--out", keptPack.toString())
                    .exitCode()).isZero();
            JsonNode kept = JSON.readTree(entries(keptPack).get("audit-events.json"));
            assertThat(kept.path("kept").asBoolean()).isTrue();
            assertThat(kept.path("events")).isEqualTo(audit.path("events"));
        }
    }

    /** dev renamed development on day 2: each end's coverage names it as that snapshot saw it. */
    @Test
    void eachEndNamesItsCompartmentsAsItSawThem(@TempDir Path dir) throws Exception {
        Path fixture = SimHarness.smallFixtureEdited(dir.resolve("fixture"), "2026-11-02", "eu-frankfurt-1", items -> {
        });
        ArrayNode compartments = (ArrayNode) JSON.readTree(fixture.resolve("compartments.json").toFile());
        compartments.forEach(c -> {
            if (c.path("name").asText().equals("dev")) {
                ((ObjectNode) c).put("name", "development");
            }
        });
        JSON.writeValue(fixture.resolve("days/2026-11-02/compartments.json").toFile(), compartments);
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(fixture), FaultPlan.none())) {
            String config = sim.writeConfig("").toString();
            for (String day : List.of("2026-11-01", "2026-11-02")) {
                sim.server.source().selectDay(LocalDate.parse(day));
                assertThat(run("--config", config, "snapshot", "--quiet", "--at", day + "T23:59:59Z").exitCode())
                        .isZero();
            }
            Path pack = dir.resolve("pack.zip");
            assertThat(run("--config", config, "evidence", "--from", "1", "--to", "2", "--out", pack.toString())
                    .exitCode()).isZero();
            JsonNode snapshots = JSON.readTree(entries(pack).get("snapshots.json"));
            assertThat(paths(snapshots.path("from"))).contains("acme-fixture/dev").doesNotContain("acme-fixture/development");
            assertThat(paths(snapshots.path("to"))).contains("acme-fixture/development").doesNotContain("acme-fixture/dev");
        }
    }

    private static List<String> paths(JsonNode end) {
        return end.path("coverage").findValuesAsText("compartmentPath");
    }

    @Test
    void aPackFromABaselineWithoutAuditSaysSo() throws Exception {
        try (SimHarness sim = SimHarness.goldenFixture()) {
            String config = snapshotNights(sim);
            assertThat(run("--config", config, "baseline", "set", "q4-review", "--snapshot", "2026-11-01",
                    "--type", "Policy").exitCode()).isZero();
            Path pack = sim.dir.resolve("baseline.zip");
            MainTest.Run made = run("--config", config, "evidence", "--baseline", "q4-review", "--no-audit",
                    "--out", pack.toString());
            assertThat(made.exitCode()).as(made.err()).isZero();
            assertThat(made.out()).contains("snapshots 1 (2026-11-01) to 3 (2026-11-03) from baseline q4-review, 0 Audit events");
            Map<String, String> files = entries(pack);
            JsonNode snapshots = JSON.readTree(files.get("snapshots.json"));
            assertThat(snapshots.path("baseline").path("name").asText()).isEqualTo("q4-review");
            assertThat(snapshots.path("baseline").path("resourceTypes").toString()).isEqualTo("[\"Policy\"]");
            JsonNode audit = JSON.readTree(files.get("audit-events.json"));
            assertThat(audit.path("kept").asBoolean()).isFalse();
            assertThat(audit.path("note").asText()).contains("--no-audit");
            assertThat(JSON.readTree(files.get("report.json")).path("baseline").path("resourceTypes").toString())
                    .as("the pack holds the drift, narrowed to the baseline's types").isEqualTo("[\"Policy\"]");
            assertThat(files.get("report.md")).contains("Drift from baseline q4-review");
            assertThat(run("evidence", "verify", pack.toString()).exitCode()).isZero();

            MainTest.Run both = run("--config", config, "evidence", "--baseline", "q4-review", "--from", "1",
                    "--out", pack.toString());
            assertThat(both.exitCode()).isEqualTo(2);
            assertThat(both.err()).contains("--baseline and --from both name the older end");
            MainTest.Run unknown = run("--config", config, "evidence", "--baseline", "q3", "--out", pack.toString());
            assertThat(unknown.exitCode()).isEqualTo(2);
            assertThat(unknown.err().trim()).isEqualTo("ocidiff: no baseline q3; there are: q4-review");
        }
    }

    @Test
    void usageErrorsAndFilesThatAreNoPacksAreOneLine() throws Exception {
        try (SimHarness sim = SimHarness.goldenFixture()) {
            MainTest.Run noOut = run("--config", sim.writeConfig("").toString(), "evidence", "--from", "1");
            assertThat(noOut.exitCode()).isEqualTo(2);
            assertThat(noOut.err().trim()).startsWith("ocidiff: evidence: --out FILE is required");

            Path notZip = sim.dir.resolve("pack.zip");
            Files.writeString(notZip, "not a zip\n");
            MainTest.Run garbage = run("evidence", "verify", notZip.toString());
            assertThat(garbage.exitCode()).isEqualTo(1);
            assertThat(garbage.err().lines().toList()).singleElement().asString()
                    .startsWith("ocidiff: " + notZip + ": not a readable zip file");

            MainTest.Run missing = run("evidence", "verify", sim.dir.resolve("nope.zip").toString());
            assertThat(missing.exitCode()).isEqualTo(2);
            assertThat(missing.err().trim()).isEqualTo("ocidiff: " + sim.dir.resolve("nope.zip") + ": no such file");
        }
    }
}
