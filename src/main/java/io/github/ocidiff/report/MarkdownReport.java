package io.github.ocidiff.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ocidiff.audit.Actor;
import io.github.ocidiff.audit.AttributedChange;
import io.github.ocidiff.audit.AttributedTransient;
import io.github.ocidiff.diff.Change;
import io.github.ocidiff.diff.IgnoreCount;
import io.github.ocidiff.diff.PropertyChange;
import io.github.ocidiff.diff.RuleResults;
import io.github.ocidiff.diff.SuppressCount;
import io.github.ocidiff.diff.TextDiff;
import io.github.ocidiff.diff.TransientResource;
import io.github.ocidiff.diff.WaiverCount;
import io.github.ocidiff.diff.WaiverVerdict;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The report as GitHub-flavoured Markdown, for chat and pull requests: title, warnings, summary table,
 * coverage, the changes grouped by compartment (one line per change, its property changes as nested
 * bullets and its line diffs in diff fences), transient resources and ignore-rule counts.
 *
 * <p>Every value from the tenancy is either escaped text ({@link #text}) or an inline code span whose
 * fence outruns its backticks ({@link #code}), and never spans lines, so a display name can neither
 * break the layout nor inject HTML.
 */
public final class MarkdownReport {
    /** Characters of a property value shown before it is cut; the JSON report has every value in full. */
    static final int MAX_VALUE = 120;
    /** Characters CommonMark or GFM tables give a meaning to anywhere in a line (the rest only at its start). */
    private static final String SPECIALS = "\\`*_[]<>#|~&";

    /** Compartments named in one coverage row; the JSON report lists every gap. */
    static final int GAP_SCOPES_SHOWN = 5;

    private final Report report;
    private final StringBuilder md = new StringBuilder(Spill.CHUNK + 8_192);
    private final Spill spill;

    private MarkdownReport(Report report, Writer out) {
        this.report = report;
        this.spill = new Spill(md, out);
    }

    /** Writes the document to {@code out} as it is made (see {@link Spill}). */
    public static void write(Report report, Writer out) throws IOException {
        Spill.run(() -> new MarkdownReport(report, out).document());
    }

    private void document() {
        md.append("# ").append(text(ReportText.title(report))).append("\n\n")
                .append("Tenancy ").append(code(report.tenancyId())).append(": from ").append(snapshot(report.from()))
                .append(" to ").append(snapshot(report.to())).append(". Generated ")
                .append(ReportText.when(report.generatedAt())).append(".\n\n");
        report.baseline().ifPresent(b -> md.append("**").append(text(ReportText.driftVerdict(report))).append("** ")
                .append(text(ReportText.baselineScope(b))).append(".\n\n"));
        report.warnings().forEach(w -> md.append("> **Warning:** ").append(text(w)).append("\n\n"));
        String notice = ReportText.coverageNotice(report);
        if (notice != null) {
            md.append("> **").append(text(notice)).append("**\n\n");
        }
        summary();
        mostChanges();
        coverage();
        changes();
        transients();
        rules();
        spill.all();
    }

    private static String snapshot(SnapshotRef ref) {
        return "snapshot #" + ref.snapshotId() + " (" + ReportText.when(ref.takenAt()) + ", " + ref.status() + ")";
    }

    private void summary() {
        List<ReportText.Tally> tallies = ReportText.summary(report);
        table(tallies.stream().map(t -> capitalised(t.label())).toList(),
                List.of(tallies.stream().map(t -> Long.toString(t.count())).toList()),
                Collections.nCopies(tallies.size(), true));
    }

    /** Where the changes are many, what most of them share (see {@link MostChanges}). */
    private void mostChanges() {
        if (!MostChanges.worth(report)) {
            return;
        }
        md.append("## Most changes\n\n");
        for (MostChanges.Ranking ranking : MostChanges.of(report)) {
            md.append("- **").append(text(ranking.label())).append(":** ").append(text(ranking.describe())).append('\n');
        }
        md.append('\n');
    }

    private void coverage() {
        md.append("## Coverage\n\n");
        if (report.gaps().isEmpty()) {
            md.append(report.complete() ? "Every region and compartment of both snapshots was fully collected."
                    : text(ReportText.coverageNotice(report))).append("\n\n");
            return;
        }
        md.append("Resources in these scopes whose state is unknown were **not** reported deleted.\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (ReportText.GapGroup group : ReportText.gapGroups(report)) {
            rows.add(List.of(text(group.region()), text(group.scopesText(GAP_SCOPES_SHOWN)), text(group.reason()),
                    Long.toString(group.unknownResources())));
        }
        table(List.of("Region", "Compartment", "Reason", "Unknown resources"), rows, List.of(false, false, false, true));
    }

    private void changes() {
        md.append("## Changes\n\n");
        if (report.changes().isEmpty()) {
            md.append(ReportText.noChange(report)).append("\n\n");
            return;
        }
        String notListed = ReportText.notListed(report);
        if (notListed != null) {
            md.append("> ").append(text(notListed)).append("\n\n");
        }
        // Report order within each compartment; compartments by path.
        Map<String, List<AttributedChange>> byCompartment = ReportText.listed(report).stream()
                .collect(Collectors.groupingBy(c -> ReportText.compartment(report, c.change().compartmentId()),
                        TreeMap::new, Collectors.toList()));
        byCompartment.forEach((compartment, changes) -> {
            md.append("### ").append(text(compartment)).append("\n\n");
            changes.forEach(change -> {
                change(change);
                spill.ifFull();
            });
            md.append('\n');
        });
    }

    private void change(AttributedChange attributed) {
        Change c = attributed.change();
        md.append("- **").append(c.kind()).append("** ").append(resource(c.resourceType(), c.displayName(), c.ocid()))
                .append(" in ").append(text(orUnknown(c.region())));
        if (c.previousCompartmentId() != null) {
            md.append(", moved from ").append(text(ReportText.movedFrom(report, c.previousCompartmentId())));
        }
        md.append(" — ").append(actors(attributed.actors()));
        WaiverVerdict verdict = report.waiverOf(c);
        if (verdict != null) {
            String note = text(ReportText.waiver(verdict));
            md.append(" — ").append(verdict.expired() ? "**" + note + "**" : "_" + note + "_");
        }
        md.append('\n');
        for (PropertyChange p : ReportText.unexplained(c)) {
            md.append("  - ").append(code(p.path())).append(": ").append(value(p.before())).append(" → ")
                    .append(value(p.after())).append('\n');
        }
        for (TextDiff diff : c.texts()) {
            md.append("  - ").append(code(diff.path())).append(":\n");
            List<String> lines = ReportText.hunks(diff.lines());
            String fence = "`".repeat(Math.max(3, lines.stream().mapToInt(MarkdownReport::longestBacktickRun).max().orElse(0) + 1));
            md.append("    ").append(fence).append("diff\n");
            lines.forEach(line -> md.append("    ").append(ReportText.oneLine(line)).append('\n'));
            md.append("    ").append(fence).append('\n');
        }
        if (c.caveat() != null) {
            md.append("  - Caveat: ").append(text(c.caveat())).append('\n');
        }
    }

    private void transients() {
        md.append("## Transient resources\n\n");
        if (report.transients().isEmpty()) {
            md.append("No resource was created and deleted between these snapshots.\n\n");
            return;
        }
        md.append("Created and deleted between the two snapshots.\n\n");
        for (AttributedTransient t : report.transients()) {
            TransientResource r = t.resource();
            md.append("- ").append(resource(r.resourceType(), r.displayName(), r.ocid())).append(" in ")
                    .append(text(orUnknown(r.region()))).append(", ")
                    .append(text(ReportText.compartment(report, r.compartmentId()))).append(" — ")
                    .append(actors(t.actors())).append('\n');
        }
        md.append('\n');
    }

    private void rules() {
        RuleResults rules = report.rules();
        if (!rules.waivers().isEmpty()) {
            md.append("## Waivers\n\n");
            List<List<String>> rows = new ArrayList<>();
            for (WaiverCount w : rules.waivers()) {
                rows.add(List.of(text(w.waiver().name()), text(w.waiver().selector().describe()), text(w.waiver().reason()),
                        text(w.waiver().approver()), w.waiver().approved().toString(), w.waiver().expires().toString(),
                        w.expired() ? "**expired**" : "in force", Long.toString(w.changes())));
            }
            table(List.of("Waiver", "Covers", "Reason", "Approver", "Approved", "Expires", "State", "Changes"), rows,
                    List.of(false, false, false, false, false, false, false, true));
        }
        if (!rules.suppressed().isEmpty()) {
            md.append("## Suppressed by rules\n\n");
            List<List<String>> rows = new ArrayList<>();
            for (SuppressCount sc : rules.suppressed()) {
                rows.add(List.of(text(sc.rule().name()), text(sc.rule().describe()), text(sc.rule().reason()),
                        Long.toString(sc.changes()), Long.toString(sc.transients())));
            }
            table(List.of("Rule", "Covers", "Reason", "Changes", "Transient"), rows,
                    List.of(false, false, false, true, true));
        }
        if (rules.ignored().isEmpty()) {
            return;
        }
        md.append("## Ignored by rules\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (IgnoreCount i : rules.ignored()) {
            rows.add(List.of(text(i.rule().resourceType()), text(i.rule().path()), text(i.rule().reason()),
                    Long.toString(i.properties()), Long.toString(i.resources())));
        }
        table(List.of("Resource type", "Path", "Reason", "Properties", "Resources"), rows,
                List.of(false, false, false, true, true));
    }

    /** A GFM table of cells already escaped ({@link #text} escapes the pipes that would split a cell). */
    private void table(List<String> headers, List<List<String>> rows, List<Boolean> numeric) {
        md.append("| ").append(String.join(" | ", headers)).append(" |\n|");
        numeric.forEach(right -> md.append(right ? " ---: |" : " --- |"));
        md.append('\n');
        rows.forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
        md.append('\n');
    }

    /** "Instance **web** `ocid1.instance…`". */
    private static String resource(String type, String displayName, String ocid) {
        return text(orUnknown(type)) + " **" + text(ReportText.name(displayName).strip()) + "** " + code(ocid);
    }

    /** "by alice, bob (UpdateInstance at …, +2 more events)" or "unattributed". */
    private static String actors(List<Actor> actors) {
        if (actors.isEmpty()) {
            return "unattributed";
        }
        Actor first = actors.get(0);
        String more = actors.size() > 1 ? ", +" + ReportText.count(actors.size() - 1, "more event") : "";
        return "by " + ReportText.principals(actors).stream().map(MarkdownReport::text).collect(Collectors.joining(", "))
                + " (" + text(first.eventName()) + " at " + ReportText.when(first.eventTime()) + more + ")";
    }

    private static String value(JsonNode value) {
        String json = ReportText.json(value, null);
        return json == null ? ReportText.ABSENT : code(truncated(json));
    }

    /** Escaped text on one line: CommonMark's backslash escapes for the characters that could be markup. */
    static String text(String value) {
        String line = ReportText.oneLine(value);
        StringBuilder out = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (SPECIALS.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * An inline code span showing {@code value} literally: its fence is one backtick longer than the longest
     * run inside, and a space pads a value that starts or ends with a backtick or a space (CommonMark strips one).
     */
    static String code(String value) {
        String line = ReportText.oneLine(value);
        if (line.isEmpty()) {
            return "` `";
        }
        String fence = "`".repeat(longestBacktickRun(line) + 1);
        boolean pad = line.startsWith("`") || line.endsWith("`") || line.startsWith(" ") && line.endsWith(" ");
        String padding = pad ? " " : "";
        return fence + padding + line + padding + fence;
    }

    /** At most {@link #MAX_VALUE} characters, never splitting a surrogate pair. */
    static String truncated(String value) {
        if (value.length() <= MAX_VALUE) {
            return value;
        }
        int cut = MAX_VALUE - 1;
        if (Character.isHighSurrogate(value.charAt(cut - 1))) {
            cut--;
        }
        return value.substring(0, cut) + "…";
    }

    private static int longestBacktickRun(String value) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            run = value.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private static String capitalised(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    private static String orUnknown(String value) {
        return value == null ? "(unknown)" : value;
    }
}
