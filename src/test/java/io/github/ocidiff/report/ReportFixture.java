package io.github.ocidiff.report;

import io.github.ocidiff.diff.RuleResults;
import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ocidiff.audit.Actor;
import io.github.ocidiff.audit.AttributedChange;
import io.github.ocidiff.audit.AttributedTransient;
import io.github.ocidiff.audit.Attribution;
import io.github.ocidiff.audit.TagAttribution;
import io.github.ocidiff.config.IgnoreRule;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.diff.Change;
import io.github.ocidiff.diff.ChangeKind;
import io.github.ocidiff.diff.CoverageGap;
import io.github.ocidiff.diff.IgnoreCount;
import io.github.ocidiff.diff.PropertyChange;
import io.github.ocidiff.diff.TextDiff;
import io.github.ocidiff.diff.TransientResource;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A report built in code with every kind of change, a move, line diffs, coverage gaps, warnings,
 * transients with actors, each attribution, and display names, principals and compartments that try
 * to break out of each format (HTML, Markdown, spreadsheet formulas).
 */
final class ReportFixture {
    static final String SCRIPT_NAME = "<script>window.pwned=1</script>";
    static final String IMG_PRINCIPAL = "\"><img src=x onerror=\"window.pwned=1\">";
    static final String FORMULA_NAME = "=HYPERLINK(\"http://x\")";
    static final String PIPE_PATH = "acme/a|b";
    static final String BACKTICK_NAME = "run `date` ``now``";

    static final String TENANCY = "ocid1.tenancy.oc1..acme";
    static final String PROD = "ocid1.compartment.oc1..prod";
    static final String DEV = "ocid1.compartment.oc1..dev";
    static final String PIPES = "ocid1.compartment.oc1..pipes";
    static final String UNKNOWN = "ocid1.compartment.oc1..unknown";
    static final String ASHBURN = "us-ashburn-1";
    static final String FRANKFURT = "eu-frankfurt-1";
    static final String PHOENIX = "us-phoenix-1";

    static final String ALICE = "alice@example.com";
    static final String BOB = "bob@example.com";
    static final String CAROL = "carol@example.com";
    static final String DAVE = "dave@example.com";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportFixture() {
    }

    /** Seven changes (2 created, 1 deleted, 3 modified, 1 moved), 2 transients, 2 gaps, 1 warning. */
    static Report report() {
        return report(trend(5, 4, 0, 12, 7));
    }

    static Report report(List<TrendPoint> trend) {
        List<AttributedChange> changes = List.of(
                new AttributedChange(change(ChangeKind.CREATED, "ocid1.instance.oc1.iad.web3", "Instance", ASHBURN, PROD,
                        null, "web-3", List.of(), List.of(), null),
                        List.of(actor(ALICE, TagAttribution.EVENT_NAME, "2026-11-02T09:12:00Z", null)), Attribution.TAG),
                new AttributedChange(change(ChangeKind.CREATED, "ocid1.bucket.oc1.fra.hostile", "Bucket", FRANKFURT, PIPES,
                        null, SCRIPT_NAME, List.of(), List.of(), null),
                        List.of(actor(IMG_PRINCIPAL, "CreateBucket", "2026-11-02T10:00:00Z", "203.0.113.9")),
                        Attribution.AUDIT),
                new AttributedChange(change(ChangeKind.DELETED, "ocid1.vcn.oc1.iad.formula", "Vcn", ASHBURN, DEV,
                        null, FORMULA_NAME, List.of(), List.of(), null), List.of(), Attribution.NONE),
                new AttributedChange(change(ChangeKind.MODIFIED, "ocid1.instance.oc1.iad.web1", "Instance", ASHBURN, PROD,
                        null, "web-1", List.of(
                                property("/freeformTags/owner", null, "\"web-team\""),
                                property("/freeformTags/note", "\"a|b `x` ``y``\"", "\"" + "long ".repeat(40) + "\""),
                                property("/shape", "\"VM.Standard2.1\"", "\"VM.Standard.E4.Flex\"")),
                        List.of(), null),
                        List.of(actor(BOB, "UpdateInstance", "2026-11-02T14:05:00Z", "198.51.100.7"),
                                actor(CAROL, "UpdateInstance", "2026-11-02T15:30:00Z", "198.51.100.8")),
                        Attribution.AUDIT),
                new AttributedChange(change(ChangeKind.MODIFIED, "ocid1.policy.oc1..admins", "Policy", ASHBURN, TENANCY,
                        null, "tenant-admins", List.of(
                                property("/description", "\"Admins\"", "\"Tenancy admins\""),
                                property("/statements/1", "\"Allow group Ops to read all-resources in tenancy\"", null),
                                property("/statements/9", null, "\"Allow group Ops to manage all-resources in tenancy\"")),
                        List.of(new TextDiff("/statements", statements())),
                        "the 'to' snapshot did not fully collect eu-frankfurt-1; this policy's region data may be stale"),
                        List.of(actor(CAROL, "UpdatePolicy", "2026-11-02T16:45:00Z", "198.51.100.8")), Attribution.AUDIT),
                new AttributedChange(change(ChangeKind.MODIFIED, "ocid1.instance.oc1.fra.plusminus", "Instance", FRANKFURT,
                        UNKNOWN, null, "-1+2", List.of(property("/lifecycleState", "\"RUNNING\"", "\"STOPPED\"")),
                        List.of(), null), List.of(), Attribution.NONE),
                new AttributedChange(change(ChangeKind.MOVED, "ocid1.instance.oc1.phx.db1", "Instance", PHOENIX, PROD, DEV,
                        "db-1", List.of(property("/compartmentId", "\"" + DEV + "\"", "\"" + PROD + "\"")), List.of(),
                        null), List.of(), Attribution.NONE));
        List<AttributedTransient> transients = List.of(
                new AttributedTransient(new TransientResource("ocid1.instance.oc1.iad.tmp", "Instance", BACKTICK_NAME,
                        ASHBURN, PROD, "TERMINATED"), List.of(
                        actor(DAVE, "LaunchInstance", "2026-11-02T11:00:00Z", "192.0.2.4"),
                        actor(DAVE, "TerminateInstance", "2026-11-02T11:40:00Z", "192.0.2.4"))),
                new AttributedTransient(new TransientResource("ocid1.bucket.oc1.iad.scratch", "Bucket", "@scratch",
                        ASHBURN, DEV, "DELETED"), List.of()));
        List<CoverageGap> gaps = List.of(
                new CoverageGap(FRANKFURT, PIPES, "'to' snapshot: Resource Search in eu-frankfurt-1 failed: 503 <busy>", 3),
                new CoverageGap("ap-tokyo-1", null, "'to' snapshot: region unreachable", 12));
        List<IgnoreCount> ignored = List.of(new IgnoreCount(
                new IgnoreRule(IgnoreRule.ANY_TYPE, "/freeformTags/lastBackup", "the backup job writes it every night"), 7, 4));
        Map<String, String> paths = Map.of(TENANCY, "acme", PROD, "acme/prod", DEV, "acme/dev", PIPES, PIPE_PATH);
        return new Report(TENANCY, "acme", new SnapshotRef(12, Instant.parse("2026-11-01T23:59:59Z"), SnapshotStatus.COMPLETE),
                new SnapshotRef(13, Instant.parse("2026-11-02T23:59:59Z"), SnapshotStatus.PARTIAL),
                Instant.parse("2026-11-03T00:05:00Z"), changes, transients, gaps, false, RuleResults.ignoredOnly(ignored), Optional.empty(), paths, trend,
                List.of("The 'to' snapshot #13 is PARTIAL: resources in its 2 failed scopes are unknown, not deleted."));
    }

    /** Nights ending at the report's 'to' snapshot (#13), one a day, the one before last PARTIAL. */
    static List<TrendPoint> trend(long... changes) {
        List<TrendPoint> points = new ArrayList<>();
        for (int i = 0; i < changes.length; i++) {
            long id = 13 - changes.length + 1 + i;
            SnapshotStatus status = i == changes.length - 2 ? SnapshotStatus.PARTIAL : SnapshotStatus.COMPLETE;
            points.add(new TrendPoint(id, Instant.parse("2026-11-02T23:59:59Z").minusSeconds(86_400L * (changes.length - 1 - i)),
                    status, changes[i]));
        }
        return points;
    }

    /** A policy's statements: one removed and one added among unchanged ones, and a line with a code fence. */
    private static List<String> statements() {
        List<String> lines = new ArrayList<>();
        lines.add("  Allow group Admins to manage all-resources in tenancy");
        lines.add("- Allow group Ops to read all-resources in tenancy");
        for (int i = 1; i <= 6; i++) {
            lines.add("  Allow group Team" + i + " to use instances in compartment team" + i);
        }
        lines.add("+ Allow group Ops to manage all-resources in tenancy where request.user.name = '```'");
        return lines;
    }

    private static Change change(ChangeKind kind, String ocid, String type, String region, String compartmentId,
                                 String previousCompartmentId, String name, List<PropertyChange> properties,
                                 List<TextDiff> texts, String caveat) {
        return new Change(kind, ocid, type, region, compartmentId, previousCompartmentId, name, properties, texts, caveat,
                kind == ChangeKind.CREATED ? null : "before", kind == ChangeKind.DELETED ? null : "after");
    }

    private static PropertyChange property(String path, String before, String after) {
        return new PropertyChange(path, json(before), json(after));
    }

    private static JsonNode json(String value) {
        try {
            return value == null ? null : JSON.readTree(value);
        } catch (IOException e) {
            throw new IllegalArgumentException(value, e);
        }
    }

    private static Actor actor(String principal, String event, String time, String ip) {
        String user = principal.contains("@") ? "ocid1.user.oc1.." + principal.substring(0, principal.indexOf('@')) : null;
        return new Actor(principal, user, event,
                Instant.parse(time), event.equals(TagAttribution.EVENT_NAME) ? null : "event-" + time, ip,
                ip == null ? null : "Mozilla/5.0 <Console>", ip == null ? null : "natv");
    }
}
