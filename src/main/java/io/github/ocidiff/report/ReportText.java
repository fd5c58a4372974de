package io.github.ocidiff.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ocidiff.audit.Actor;
import io.github.ocidiff.diff.Change;
import io.github.ocidiff.diff.ChangeKind;
import io.github.ocidiff.diff.CoverageGap;
import io.github.ocidiff.diff.PropertyChange;
import io.github.ocidiff.diff.TextDiff;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The wording and value formats the human reports share, so that HTML, Markdown and CSV say the same
 * thing the same way. Plain text: each format escapes it for its own syntax.
 */
final class ReportText {
    /** Shown for a property that is absent (or JSON null) on one side of a change. */
    static final String ABSENT = "(none)";

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
        return "ocidiff report: " + (report.tenancyName() != null ? report.tenancyName() : report.tenancyId());
    }

    /** The compartment's path from the root, else its OCID, for compartments the store does not know. */
    static String compartment(Report report, String compartmentId) {
        if (compartmentId == null) {
            return "(no compartment)";
        }
        String path = report.compartmentPath(compartmentId);
        return path != null ? path : compartmentId;
    }

    /** Where a coverage gap is: its compartment, or the whole region. */
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

    static List<Tally> summary(Report report) {
        return List.of(new Tally("created", report.count(ChangeKind.CREATED)),
                new Tally("deleted", report.count(ChangeKind.DELETED)),
                new Tally("modified", report.count(ChangeKind.MODIFIED)),
                new Tally("moved", report.count(ChangeKind.MOVED)),
                new Tally("transient", report.transients().size()),
                new Tally("unattributed", report.unattributed()));
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
        return change.properties().stream()
                .filter(p -> change.texts().stream().noneMatch(t -> explains(t, p)))
                .toList();
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

    /** "1 scope", "3 scopes". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
