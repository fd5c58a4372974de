package io.github.ocidiff.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ocidiff.audit.Actor;
import io.github.ocidiff.audit.AttributedChange;
import io.github.ocidiff.diff.Change;
import io.github.ocidiff.config.Waiver;
import io.github.ocidiff.diff.ChangeKind;
import io.github.ocidiff.diff.CoverageGap;
import io.github.ocidiff.diff.LineDiff;
import io.github.ocidiff.diff.PropertyChange;
import io.github.ocidiff.diff.SuppressCount;
import io.github.ocidiff.diff.TextDiff;
import io.github.ocidiff.diff.WaiverVerdict;
import io.github.ocidiff.store.Baseline;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The wording and value formats the human reports share, so that HTML, Markdown and CSV say the same
 * thing the same way. Plain text: each format escapes it for its own syntax.
 */
final class ReportText {
    /** Shown for a property that is absent (or JSON null) on one side of a change. */
    static final String ABSENT = "(none)";
    /** Unchanged lines kept around changed lines in a line diff; longer unchanged runs are summarised. */
    static final int CONTEXT = 2;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** One figure of the summary, as the cards and tables show it. */
    record Tally(String label, long count) {
    }

    private ReportText() {
    }

    static String when(Instant instant) {
        return WHEN.format(instant);
    }

    static String title(Report report) {
        String tenancy = report.tenancyName() != null ? report.tenancyName() : report.tenancyId();
        return report.baseline().map(b -> "ocidiff drift from baseline " + b.name() + ": " + tenancy)
                .orElse("ocidiff report: " + tenancy);
    }

    /** The compartment's path from the root, else its OCID, for compartments the store does not know. */
    static String compartment(Report report, String compartmentId) {
        if (compartmentId == null) {
            return "(no compartment)";
        }
        String path = report.compartmentPath(compartmentId);
        return path != null ? path : compartmentId;
    }

    /**
     * Where a moved resource was: its compartment's path at 'from', with the path now where that compartment was
     * renamed or moved since, e.g. "acme/team-x (now acme/team-y)".
     */
    static String movedFrom(Report report, String compartmentId) {
        String now = compartment(report, compartmentId);
        String then = report.formerPaths().get(compartmentId);
        return then == null || then.equals(now) ? now : then + " (now " + now + ")";
    }

    /** Where a coverage gap is: its compartment, or the whole region. */
    /**
     * Coverage gaps of one region with one reason: a region down fails every compartment alike, and forty
     * identical rows hide the one that differs.
     *
     * @param scopes the compartments (or "(whole region)"), in report order
     * @param reason the first gap's reason (request ids differ from scope to scope and are not compared)
     */
    record GapGroup(String region, List<String> scopes, String reason, long unknownResources) {
        /** "acme/prod", or "3 compartments: acme/dev, acme/network, acme/prod/app" (at most {@code shown} named). */
        String scopesText(int shown) {
            if (scopes.size() == 1) {
                return scopes.get(0);
            }
            return scopes.size() + " compartments: " + String.join(", ", scopes.subList(0, Math.min(shown, scopes.size())))
                    + (scopes.size() > shown ? ", …" : "");
        }
    }

    private static final Pattern REQUEST_ID = Pattern.compile(" ?\\(opc-request-id [^)]*\\)");

    static List<GapGroup> gapGroups(Report report) {
        Map<List<String>, List<CoverageGap>> groups = new LinkedHashMap<>();
        for (CoverageGap gap : report.gaps()) {
            groups.computeIfAbsent(List.of(gap.region(), REQUEST_ID.matcher(gap.reason()).replaceAll("")),
                    k -> new ArrayList<>()).add(gap);
        }
        return groups.values().stream().map(gaps -> new GapGroup(gaps.get(0).region(),
                gaps.stream().map(g -> scope(report, g)).sorted().toList(), gaps.get(0).reason(),
                gaps.stream().mapToLong(CoverageGap::unknownResources).sum())).toList();
    }

    static String scope(Report report, CoverageGap gap) {
        return gap.compartmentId() == null ? "(whole region)" : compartment(report, gap.compartmentId());
    }

    static String name(String displayName) {
        return displayName == null || displayName.isBlank() ? "(no name)" : displayName;
    }

    /** Compact JSON, e.g. {@code "web"} or {@code {"a":1}}; {@code absent} when the value is absent. */
    static String json(JsonNode value, String absent) {
        return value == null || value.isNull() ? absent : value.toString();
    }

    /** The contract's six figures, then suppressed and waived counts when such rules are configured. */
    static List<Tally> summary(Report report) {
        List<Tally> tallies = new ArrayList<>(List.of(new Tally("created", report.count(ChangeKind.CREATED)),
                new Tally("deleted", report.count(ChangeKind.DELETED)),
                new Tally("modified", report.count(ChangeKind.MODIFIED)),
                new Tally("moved", report.count(ChangeKind.MOVED)),
                new Tally("transient", report.transients().size()),
                new Tally("unattributed", report.unattributed())));
        if (!report.rules().suppressed().isEmpty()) {
            tallies.add(new Tally("suppressed", report.rules().suppressedTotal()));
        }
        if (!report.rules().waivers().isEmpty()) {
            tallies.add(new Tally("waived", report.waived()));
        }
        return tallies;
    }

    /** "Drift from baseline q4: 3 unwaived changes (1 waived, 2 suppressed)". */
    static String driftVerdict(Report report) {
        return "Drift from baseline " + report.baseline().orElseThrow().name() + ": "
                + count(report.unwaived(), "unwaived change") + " (" + report.waived() + " waived, "
                + report.rules().suppressedTotal() + " suppressed)";
    }

    /** "Baseline snapshot #1; covers compartments prod, network; all resource types; note: CAB-7". */
    static String baselineScope(Baseline b) {
        return "Baseline snapshot #" + b.snapshotId() + "; covers "
                + (b.compartments().isEmpty() ? "all compartments" : "compartments " + String.join(", ", b.compartments()))
                + "; " + (b.resourceTypes().isEmpty() ? "all resource types" : "types " + String.join(", ", b.resourceTypes()))
                + (b.note() == null ? "" : "; note: " + b.note());
    }

    /** "waived by CHG-1 (approved by ann on 2026-11-01, expires 2026-12-01)", or the expired form: drift again. */
    static String waiver(WaiverVerdict verdict) {
        Waiver w = verdict.waiver();
        return verdict.expired()
                ? "waiver " + w.name() + " expired on " + w.expires() + ": drift again"
                : "waived by " + w.name() + " (approved by " + w.approver() + " on " + w.approved() + ", expires "
                        + w.expires() + ")";
    }

    /** The badge form: "waived by CHG-1, expires 2026-12-01" (its first day of drift), or "waiver CHG-1 expired on 2026-12-01". */
    static String waiverBadge(WaiverVerdict verdict) {
        Waiver w = verdict.waiver();
        return verdict.expired() ? "waiver " + w.name() + " expired on " + w.expires()
                : "waived by " + w.name() + ", expires " + w.expires();
    }

    /** "approved by ann on 2026-11-01: vendor access for the migration weekend". */
    static String waiverApproval(Waiver w) {
        return "approved by " + w.approver() + " on " + w.approved() + ": " + w.reason();
    }

    /** The principals, each once, in the order they first acted. */
    static List<String> principals(List<Actor> actors) {
        return actors.stream().map(Actor::principalName).distinct().toList();
    }

    /** "alice (UpdateInstance at 2026-11-02 14:05:00 UTC)", the evidence in one phrase. */
    static String event(Actor actor) {
        return actor.principalName() + " (" + actor.eventName() + " at " + when(actor.eventTime()) + ")";
    }

    /**
     * The property changes a line diff does not already show: a text diff explains the changes at its
     * path or below it (policy statements, multi-line descriptions), and is the readable form of them.
     */
    static List<PropertyChange> unexplained(Change change) {
        return unexplained(change.properties(), change.texts());
    }

    static List<PropertyChange> unexplained(List<PropertyChange> properties, List<TextDiff> texts) {
        return properties.stream().filter(p -> texts.stream().noneMatch(t -> explains(t, p))).toList();
    }

    private static boolean explains(TextDiff text, PropertyChange property) {
        return property.path().equals(text.path()) || property.path().startsWith(text.path() + "/");
    }

    /** Null when both snapshots were complete; else the sentence that keeps a partial crawl from reading as deletions. */
    static String coverageNotice(Report report) {
        if (report.complete()) {
            return null;
        }
        long unknown = report.gaps().stream().mapToLong(CoverageGap::unknownResources).sum();
        return "Coverage incomplete: " + count(report.gaps().size(), "scope") + " of the two snapshots "
                + (report.gaps().size() == 1 ? "was" : "were") + " not fully collected; "
                + count(unknown, "resource") + " of unknown state " + (unknown == 1 ? "was" : "were")
                + " not reported deleted.";
    }

    /**
     * Changes the HTML and Markdown reports list in full. A night of mass change (a tag rolled out over
     * 100,000 resources) made a 170 MB page no browser opens; what most of its changes share is at the top
     * (see {@link MostChanges}), and the JSON and CSV reports list every change.
     */
    static final int LISTED_CHANGES = 10_000;

    /** The changes a page lists: the first {@link #LISTED_CHANGES} in the report's order. */
    static List<AttributedChange> listed(Report report) {
        return report.changes().subList(0, Math.min(report.changes().size(), LISTED_CHANGES));
    }

    /**
     * What a report with no change listed says in its place: that none was found, or that rules suppressed those
     * found, which is not the same thing to a reviewer.
     */
    static String noChange(Report report) {
        long suppressed = report.rules().suppressed().stream().mapToLong(SuppressCount::changes).sum();
        return suppressed == 0 ? "No resource changed between these snapshots."
                : "No change is listed: the " + count(suppressed, "change") + " found " + (suppressed == 1 ? "was" : "were")
                + " suppressed by rules (see Suppressed by rules).";
    }

    /** Null when a page lists every change; else what it leaves out and where those changes are. */
    static String notListed(Report report) {
        int all = report.changes().size();
        if (all <= LISTED_CHANGES) {
            return null;
        }
        return String.format("This page lists the first %,d of %,d changes, in the report's order (by kind, then type, "
                + "compartment and name); the JSON and CSV reports list all of them.", LISTED_CHANGES, all);
    }

    /** The changed lines with {@link #CONTEXT} unchanged lines around them; longer unchanged runs become one "@@" line. */
    static List<String> hunks(List<String> lines) {
        boolean[] keep = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith(LineDiff.SAME)) {
                for (int j = Math.max(0, i - CONTEXT); j <= Math.min(lines.size() - 1, i + CONTEXT); j++) {
                    keep[j] = true;
                }
            }
        }
        List<String> out = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i <= lines.size(); i++) {
            if (i < lines.size() && !keep[i]) {
                skipped++;
                continue;
            }
            if (skipped > 0) {
                out.add("@@ " + count(skipped, "unchanged line") + " @@");
                skipped = 0;
            }
            if (i < lines.size()) {
                out.add(lines.get(i));
            }
        }
        return out;
    }

    /**
     * Line breaks and other control characters become spaces: a value from the tenancy must neither start a
     * new Markdown block nor send escape sequences to a terminal.
     */
    static String oneLine(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.chars().forEach(c -> out.append(Character.isISOControl(c) && c != '\t' ? ' ' : (char) c));
        return out.toString();
    }

    /** "1 scope", "3 scopes". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
