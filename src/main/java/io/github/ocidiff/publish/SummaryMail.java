package io.github.ocidiff.publish;

import io.github.ocidiff.audit.AttributedChange;
import io.github.ocidiff.audit.Attribution;
import io.github.ocidiff.diff.Change;
import io.github.ocidiff.diff.ChangeKind;
import io.github.ocidiff.diff.CoverageGap;
import io.github.ocidiff.report.Html;
import io.github.ocidiff.report.MostChanges;
import io.github.ocidiff.report.Report;
import io.github.ocidiff.report.SnapshotRef;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mail of one report: a subject that tells the night at a glance in an inbox list (dated by the 'to'
 * snapshot, in UTC), and a plain text and an HTML body with the counts, warnings, coverage gaps, the
 * first changes and where the full report is. Pure: everything comes from the report. Names from the tenancy are untrusted text: the HTML
 * escapes them, and both bodies and the subject flatten their line breaks, so a display name can
 * neither inject markup nor forge lines or headers.
 */
public record SummaryMail(String subject, String text, String html) {

    /** Changes listed in the mail; the full report has them all. */
    static final int TOP_CHANGES = 20;
    /** How the HTML body ends. */
    private static final String END = "</body></html>\n";

    /**
     * @param subjectPrefix  starts the subject, e.g. "[ocidiff]"
     * @param reportLocation where the full report is (an object URL or a local path); null when nowhere
     *                       but in the attachments
     */
    public static SummaryMail of(Report report, String subjectPrefix, String reportLocation) {
        String tenancy = oneLine(report.tenancyName() != null ? report.tenancyName() : report.tenancyId());
        String day = report.to().takenAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
        Map<String, Long> counts = counts(report);
        List<Row> rows = report.changes().stream().limit(TOP_CHANGES).map(c -> Row.of(c, report)).toList();
        List<String> gaps = report.gaps().stream().map(g -> gap(g, report)).toList();
        List<String> warnings = report.warnings().stream().map(SummaryMail::oneLine).toList();
        String title = "ocidiff: tenancy " + tenancy + ", " + day;
        String period = "From " + snapshot(report.from()) + " to " + snapshot(report.to()) + ".";
        String more = report.changes().size() > TOP_CHANGES
                ? "... and " + n(report.changes().size() - TOP_CHANGES) + " more in the full report." : null;
        String location = reportLocation == null ? null : oneLine(reportLocation);
        Content content = new Content(title, period, counts, warnings, gaps, mostChanges(report), rows,
                report.changes().size(), more, location);
        return new SummaryMail(subject(oneLine(subjectPrefix), tenancy, day, report), content.text(), content.html());
    }

    /** The same mail with one paragraph more at the end of both bodies (a line of text, escaped in the HTML). */
    SummaryMail noting(String note) {
        String line = oneLine(note);
        String body = html.endsWith(END) ? html.substring(0, html.length() - END.length()) : html;
        return new SummaryMail(subject, text + "\n" + line + "\n", body + "<p>" + Html.escape(line) + "</p>\n" + END);
    }

    /** "8,997", as the rest of the mail writes counts. */
    private static String n(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    private static String subject(String prefix, String tenancy, String day, Report report) {
        StringBuilder s = new StringBuilder(prefix).append(prefix.isEmpty() ? "" : " ")
                .append("tenancy ").append(tenancy).append(' ').append(day).append(": ")
                .append(n(report.count(ChangeKind.CREATED))).append(" created, ")
                .append(n(report.count(ChangeKind.DELETED))).append(" deleted, ")
                .append(n(report.count(ChangeKind.MODIFIED))).append(" modified, ")
                .append(n(report.count(ChangeKind.MOVED))).append(" moved");
        if (!report.transients().isEmpty()) {
            s.append(", ").append(n(report.transients().size())).append(" transient");
        }
        if (report.unattributed() > 0) {
            s.append(" — ").append(n(report.unattributed())).append(" unattributed");
        }
        if (!report.complete()) {
            s.append(" (INCOMPLETE)");
        }
        return s.toString();
    }

    /** Where the mail cannot list every change, what most of them share (see {@link MostChanges}). */
    private static List<String> mostChanges(Report report) {
        if (report.changes().size() <= TOP_CHANGES) {
            return List.of();
        }
        return MostChanges.of(report).stream().map(r -> oneLine(r.label() + ": " + r.describe())).toList();
    }

    private static Map<String, Long> counts(Report report) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("Created", report.count(ChangeKind.CREATED));
        counts.put("Deleted", report.count(ChangeKind.DELETED));
        counts.put("Modified", report.count(ChangeKind.MODIFIED));
        counts.put("Moved", report.count(ChangeKind.MOVED));
        counts.put("Transient", (long) report.transients().size());
        counts.put("Unattributed", report.unattributed());
        return counts;
    }

    private static String snapshot(SnapshotRef ref) {
        return "snapshot " + ref.snapshotId() + " (" + ref.takenAt() + ", " + ref.status() + ")";
    }

    private static String gap(CoverageGap gap, Report report) {
        String compartment = gap.compartmentId() == null ? "all compartments" : compartmentName(gap.compartmentId(), report);
        return oneLine(gap.region() + " / " + compartment + ": " + gap.reason() + " (" + gap.unknownResources()
                + " resource(s) unknown, not reported deleted)");
    }

    private static String compartmentName(String compartmentId, Report report) {
        String path = report.compartmentPath(compartmentId);
        return path != null ? path : compartmentId;
    }

    /** Control characters (line breaks above all) become spaces: one value, one line. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", " ");
    }

    /** One change as the mail lists it. */
    private record Row(String kind, String type, String name, String compartment, String region, String by) {

        static Row of(AttributedChange attributed, Report report) {
            Change c = attributed.change();
            return new Row(c.kind().name(), oneLine(c.resourceType()),
                    oneLine(c.displayName() != null ? c.displayName() : c.ocid()),
                    oneLine(c.compartmentId() == null ? "" : SummaryMail.compartmentName(c.compartmentId(), report)),
                    oneLine(c.region()), oneLine(by(attributed)));
        }

        private static String by(AttributedChange attributed) {
            String names = String.join(", ", MostChanges.actors(attributed));
            return attributed.attribution() == Attribution.TAG ? names + " (CreatedBy tag)" : names;
        }
    }

    /** What both bodies say, rendered once as text and once as HTML. */
    private record Content(String title, String period, Map<String, Long> counts, List<String> warnings,
                           List<String> gaps, List<String> most, List<Row> rows, int changes, String more,
                           String location) {

        private static final String GAPS = "Coverage gaps";
        private static final String MOST = "Most changes";
        private static final String CELL = "border:1px solid #ccc;padding:2px 6px;text-align:left";

        String text() {
            StringBuilder t = new StringBuilder(title).append("\n").append(period).append("\n\n");
            counts.forEach((label, n) -> t.append(label).append(": ").append(n).append("\n"));
            section(t, "Warnings", warnings);
            section(t, GAPS, gaps);
            section(t, MOST, most);
            if (!rows.isEmpty()) {
                t.append("\n").append(changesHeading()).append("\n");
                for (Row r : rows) {
                    t.append("- ").append(r.kind()).append(' ').append(r.type()).append(" \"").append(r.name())
                            .append("\" in ").append(r.compartment()).append(" (").append(r.region()).append(") by ")
                            .append(r.by()).append("\n");
                }
            }
            if (more != null) {
                t.append(more).append("\n");
            }
            if (location != null) {
                t.append("\nFull report: ").append(location).append("\n");
            }
            return t.toString();
        }

        String html() {
            StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                    .append(Html.escape(title)).append("</title></head>\n")
                    .append("<body style=\"font-family:sans-serif\">\n<h2>").append(Html.escape(title)).append("</h2>\n<p>")
                    .append(Html.escape(period)).append("</p>\n<table style=\"border-collapse:collapse\">\n");
            counts.forEach((label, n) -> h.append("<tr><th style=\"").append(CELL).append("\">").append(label)
                    .append("</th><td style=\"").append(CELL).append("\">").append(n).append("</td></tr>\n"));
            h.append("</table>\n");
            list(h, "Warnings", warnings);
            list(h, GAPS, gaps);
            list(h, MOST, most);
            if (!rows.isEmpty()) {
                h.append("<h3>").append(Html.escape(changesHeading())).append("</h3>\n")
                        .append("<table style=\"border-collapse:collapse\">\n<tr>");
                for (String heading : List.of("Kind", "Type", "Name", "Compartment", "Region", "By")) {
                    h.append("<th style=\"").append(CELL).append("\">").append(heading).append("</th>");
                }
                h.append("</tr>\n");
                for (Row r : rows) {
                    h.append("<tr>");
                    for (String cell : List.of(r.kind(), r.type(), r.name(), r.compartment(), r.region(), r.by())) {
                        h.append("<td style=\"").append(CELL).append("\">").append(Html.escape(cell)).append("</td>");
                    }
                    h.append("</tr>\n");
                }
                h.append("</table>\n");
            }
            if (more != null) {
                h.append("<p>").append(Html.escape(more)).append("</p>\n");
            }
            if (location != null) {
                String shown = Html.escape(location);
                // Only a web address becomes a link: a javascript: or file: location stays text.
                boolean web = location.startsWith("https://") || location.startsWith("http://");
                h.append("<p>Full report: ").append(web ? "<a href=\"" + shown + "\">" + shown + "</a>" : shown)
                        .append("</p>\n");
            }
            return h.append(END).toString();
        }

        private String changesHeading() {
            return rows.size() < changes ? "Changes (first " + n(rows.size()) + " of " + n(changes) + ")" : "Changes";
        }

        private static void section(StringBuilder t, String heading, List<String> items) {
            if (!items.isEmpty()) {
                t.append("\n").append(heading).append("\n");
                items.forEach(item -> t.append("- ").append(item).append("\n"));
            }
        }

        private static void list(StringBuilder h, String heading, List<String> items) {
            if (!items.isEmpty()) {
                h.append("<h3>").append(Html.escape(heading)).append("</h3>\n<ul>\n");
                items.forEach(item -> h.append("<li>").append(Html.escape(item)).append("</li>\n"));
                h.append("</ul>\n");
            }
        }
    }
}
