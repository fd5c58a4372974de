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
import io.github.ocidiff.config.ChangeSelector;
import io.github.ocidiff.config.IgnoreRule;
import io.github.ocidiff.config.RuleKind;
import io.github.ocidiff.config.SuppressRule;
import io.github.ocidiff.config.Waiver;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.diff.Change;
import io.github.ocidiff.diff.ChangeKind;
import io.github.ocidiff.diff.CoverageGap;
import io.github.ocidiff.diff.IgnoreCount;
import io.github.ocidiff.diff.PropertyChange;
import io.github.ocidiff.diff.SuppressCount;
import io.github.ocidiff.diff.TextDiff;
import io.github.ocidiff.diff.TransientResource;
import io.github.ocidiff.diff.WaiverCount;
import io.github.ocidiff.diff.WaiverVerdict;
import io.github.ocidiff.store.Baseline;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
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

    static final String NETWORK = "ocid1.compartment.oc1..network";
    static final String APP = "ocid1.compartment.oc1..app";
    static final String HOSTILE_APPROVER = "\"><script>window.pwned=2</script>";
    static final String HOSTILE_REASON = "<img src=x onerror=\"window.pwned=3\"> for the audit";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportFixture() {
    }

    /** Seven changes (2 created, 1 deleted, 3 modified, 1 moved), 2 transients, 2 gaps, 1 warning. */
    static Report report() {
        return report(trend(5, 4, 0, 12, 7));
    }

    /** The fixture's report with its changes {@code times} over. */
    static Report repeated(int times) {
        return repeated(report(), times);
    }

    /** A report with its changes {@code times} over. */
    static Report repeated(Report once, int times) {
        List<AttributedChange> changes = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            changes.addAll(once.changes());
        }
        return new Report(once.tenancyId(), once.tenancyName(), once.from(), once.to(), once.generatedAt(), changes,
                once.transients(), once.gaps(), once.complete(), once.rules(), once.baseline(), once.compartmentPaths(),
                once.trend(), once.warnings());
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
                        ASHBURN, PROD, "TERMINATED", null), List.of(
                        actor(DAVE, "LaunchInstance", "2026-11-02T11:00:00Z", "192.0.2.4"),
                        actor(DAVE, "TerminateInstance", "2026-11-02T11:40:00Z", "192.0.2.4"))),
                new AttributedTransient(new TransientResource("ocid1.bucket.oc1.iad.scratch", "Bucket", "@scratch",
                        ASHBURN, DEV, "DELETED", null), List.of()));
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

    /**
     * A drift report from baseline "approved" (prod and network) with five changes in three compartments:
     * in acme/network a security list change whose waiver CHG-200 has expired and an unwaived VCN rename;
     * in acme/prod a bucket change waived by CHG-100 (whose approver and reason are markup) and an unwaived
     * policy change; in acme/prod/app a hostile bucket created and an unattributed instance moved in. Two
     * suppress rules left out one change and one transient; a third waiver covered nothing.
     */
    static Report drift() {
        Waiver inForce = new Waiver("CHG-100", HOSTILE_REASON, HOSTILE_APPROVER, LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-12-31"), new ChangeSelector("ocid1.bucket.oc1.iad.auditlogs", null, null, null));
        Waiver expired = new Waiver("CHG-200", "vendor access for the migration weekend", "ann@example.com",
                LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-04"),
                new ChangeSelector(null, "SecurityList", null, "/ingressSecurityRules"));
        Waiver unused = new Waiver("CHG-300", "a launch that did not happen", "bo@example.com",
                LocalDate.parse("2026-11-02"), LocalDate.parse("2027-01-01"),
                new ChangeSelector(null, "Instance", "prod/*", null));
        List<AttributedChange> changes = List.of(
                new AttributedChange(change(ChangeKind.MODIFIED, "ocid1.securitylist.oc1.iad.edge", "SecurityList", ASHBURN,
                        NETWORK, null, "edge-seclist", List.of(property("/ingressSecurityRules/1", null, "{\"source\":\"203.0.113.0/24\"}")),
                        List.of(), null),
                        List.of(actor(BOB, "UpdateSecurityList", "2026-11-02T10:00:00Z", "198.51.100.7")), Attribution.AUDIT),
                new AttributedChange(change(ChangeKind.MODIFIED, "ocid1.vcn.oc1.iad.prodvcn", "Vcn", ASHBURN, NETWORK, null,
                        "prod-vcn-renamed", List.of(property("/displayName", "\"prod-vcn\"", "\"prod-vcn-renamed\"")),
                        List.of(), null),
                        List.of(actor(CAROL, "UpdateVcn", "2026-11-04T08:30:00Z", "198.51.100.8")), Attribution.AUDIT),
                new AttributedChange(change(ChangeKind.MODIFIED, "ocid1.bucket.oc1.iad.auditlogs", "Bucket", ASHBURN, PROD,
                        null, "audit-logs", List.of(property("/versioning", "\"Disabled\"", "\"Enabled\"")), List.of(), null),
                        List.of(actor(ALICE, "UpdateBucket", "2026-11-02T09:00:00Z", "198.51.100.9"),
                                actor(BOB, "UpdateBucket", "2026-11-03T09:00:00Z", "198.51.100.7")), Attribution.AUDIT),
                new AttributedChange(change(ChangeKind.MODIFIED, "ocid1.policy.oc1..prodadmins", "Policy", ASHBURN, PROD,
                        null, "prod-admins", List.of(property("/description", "\"Admins\"", "\"Prod admins\"")), List.of(),
                        null),
                        List.of(actor(CAROL, "UpdatePolicy", "2026-11-03T12:00:00Z", "198.51.100.8")), Attribution.AUDIT),
                new AttributedChange(change(ChangeKind.CREATED, "ocid1.bucket.oc1.iad.hostile", "Bucket", ASHBURN, APP, null,
                        SCRIPT_NAME, List.of(), List.of(), null),
                        List.of(actor(IMG_PRINCIPAL, "CreateBucket", "2026-11-02T11:00:00Z", "203.0.113.9")), Attribution.AUDIT),
                new AttributedChange(change(ChangeKind.MOVED, "ocid1.instance.oc1.iad.db2", "Instance", ASHBURN, APP, PROD,
                        "db-2", List.of(property("/compartmentId", "\"" + PROD + "\"", "\"" + APP + "\"")), List.of(), null),
                        List.of(), Attribution.NONE));
        RuleResults rules = new RuleResults(List.of(),
                List.of(new SuppressCount(new SuppressRule("oke-node-pools", "OKE replaces its worker nodes itself",
                                new ChangeSelector(null, null, null, null), List.of(), "ocid1.nodepool.*"), 1, 0),
                        new SuppressCount(new SuppressRule("autoscaling", "instance pools scale with load",
                                new ChangeSelector(null, "Instance", null, null), List.of(RuleKind.TRANSIENT),
                                "ocid1.autoscalingconfiguration.*"), 0, 1)),
                List.of(new WaiverCount(inForce, false, 1), new WaiverCount(expired, true, 1), new WaiverCount(unused, false, 0)),
                Map.of("ocid1.bucket.oc1.iad.auditlogs", new WaiverVerdict(inForce, false),
                        "ocid1.securitylist.oc1.iad.edge", new WaiverVerdict(expired, true)));
        Baseline baseline = new Baseline("approved", 1, "CAB-7 <b>signed</b>", List.of("prod", "network"), List.of(),
                Instant.parse("2026-11-02T08:00:00Z"));
        Map<String, String> paths = Map.of(TENANCY, "acme", PROD, "acme/prod", NETWORK, "acme/network", APP, "acme/prod/app");
        return new Report(TENANCY, "acme", new SnapshotRef(1, Instant.parse("2026-11-01T23:59:59Z"), SnapshotStatus.COMPLETE),
                new SnapshotRef(4, Instant.parse("2026-11-04T23:59:59Z"), SnapshotStatus.COMPLETE),
                Instant.parse("2026-11-05T00:05:00Z"), changes, List.of(), List.of(), true, rules, Optional.of(baseline),
                paths, List.of(), List.of());
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
