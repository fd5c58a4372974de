package io.github.ocidiff.report;

import static io.github.ocidiff.report.Html.escape;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ocidiff.audit.Actor;
import io.github.ocidiff.audit.AttributedChange;
import io.github.ocidiff.audit.AttributedTransient;
import io.github.ocidiff.audit.Attribution;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.diff.Change;
import io.github.ocidiff.diff.IgnoreCount;
import io.github.ocidiff.diff.LineDiff;
import io.github.ocidiff.diff.PropertyChange;
import io.github.ocidiff.diff.SuppressCount;
import io.github.ocidiff.diff.TextDiff;
import io.github.ocidiff.diff.TransientResource;
import io.github.ocidiff.diff.WaiverCount;
import io.github.ocidiff.diff.WaiverVerdict;
import io.github.ocidiff.store.Baseline;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The report as one self-contained HTML5 page for people: header and banners, summary cards, for a drift
 * report the compliance section (the verdict, then each compartment's changes with their waiver state and
 * actors), the trend chart, coverage gaps, the changes table with filters and expandable details, transient
 * resources and what each waiver, suppress rule and ignore rule did. Readable on a phone (the tables of
 * changes become cards) and without JavaScript (the filters then stay hidden). Every value from the tenancy goes through {@link Html#escape}; the filters read
 * theirs from data-* attributes, and a Content-Security-Policy admits only the page's own script.
 */
public final class HtmlReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CHANGE_COLUMNS = List.of("Kind", "Type", "Name", "Compartment", "Region", "Actor");

    private final Report report;
    private final StringBuilder html = new StringBuilder(Spill.CHUNK + 8_192);
    private final Spill spill;

    private HtmlReport(Report report, Writer out) {
        this.report = report;
        this.spill = new Spill(html, out);
    }

    /** Writes the page to {@code out} as it is made (see {@link Spill}). */
    public static void write(Report report, Writer out) throws IOException {
        Spill.run(() -> new HtmlReport(report, out).page());
    }

    private void page() {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(escape(HtmlAssets.CONTENT_SECURITY_POLICY)).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(ReportText.title(report))).append("</title>\n")
                .append("<style>").append(HtmlAssets.STYLE).append("</style>\n</head>\n<body>\n");
        header();
        banners();
        cards();
        mostChanges();
        compliance();
        // Counted as the store commits each night, before the report's judgement: a bar and this report differ.
        html.append("<h2>Resources changed per night</h2>\n<p class=\"muted\">As stored: every resource whose"
                + " content changed, reordered lists and properties the ignore or suppress rules leave out included,"
                + " so a night can count more than its report lists.</p>\n").append(TrendChart.render(report.trend()));
        coverage();
        changes();
        transients();
        waivers();
        suppressed();
        ignored();
        html.append("<footer class=\"muted\">ocidiff. The JSON report (--format json) carries the same data for tools."
                        + "</footer>\n")
                .append("<script>").append(HtmlAssets.SCRIPT).append("</script>\n</body>\n</html>\n");
        spill.all();
    }

    private void header() {
        html.append("<header>\n<h1>").append(escape(ReportText.title(report))).append("</h1>\n<p>Tenancy ");
        if (report.tenancyName() != null) {
            html.append("<strong>").append(escape(report.tenancyName())).append("</strong> ");
        }
        html.append("<code>").append(escape(report.tenancyId())).append("</code></p>\n<p>From ");
        snapshot(report.from());
        html.append(" to ");
        snapshot(report.to());
        html.append("</p>\n<p class=\"muted\">Generated ").append(escape(ReportText.when(report.generatedAt())))
                .append("</p>\n</header>\n");
    }

    private void snapshot(SnapshotRef ref) {
        html.append("snapshot <strong>#").append(ref.snapshotId()).append("</strong> (")
                .append(escape(ReportText.when(ref.takenAt()))).append(", <span class=\"status")
                .append(ref.status() == SnapshotStatus.COMPLETE ? "" : " bad").append("\">").append(ref.status())
                .append("</span>)");
    }

    private void banners() {
        if (!report.warnings().isEmpty()) {
            html.append("<section class=\"banner warning\" role=\"alert\">\n<p><strong>")
                    .append(report.warnings().size() == 1 ? "Warning" : "Warnings").append("</strong></p>\n<ul>\n");
            report.warnings().forEach(w -> html.append("<li>").append(escape(w)).append("</li>\n"));
            html.append("</ul>\n</section>\n");
        }
        String notice = ReportText.coverageNotice(report);
        if (notice != null) {
            html.append("<section class=\"banner coverage\" role=\"alert\">\n<p><strong>").append(escape(notice))
                    .append("</strong> <a href=\"#coverage\">See the coverage gaps.</a></p>\n</section>\n");
        }
    }

    private void cards() {
        html.append("<section class=\"cards\" aria-label=\"Summary\">\n");
        for (ReportText.Tally tally : ReportText.summary(report)) {
            html.append("<div class=\"card ").append(tally.label()).append("\" data-tally=\"").append(tally.label())
                    .append("\"><span class=\"n\">").append(tally.count()).append("</span>").append(tally.label())
                    .append("</div>\n");
        }
        html.append("</section>\n");
    }

    /** Where the changes are many, what most of them share (see {@link MostChanges}). */
    private void mostChanges() {
        if (!MostChanges.worth(report)) {
            return;
        }
        html.append("<h2>Most changes</h2>\n<ul class=\"most\">\n");
        for (MostChanges.Ranking ranking : MostChanges.of(report)) {
            html.append("<li><strong>").append(escape(ranking.label())).append(":</strong> ")
                    .append(escape(ranking.describe())).append("</li>\n");
        }
        html.append("</ul>\n");
    }

    private void coverage() {
        html.append("<h2 id=\"coverage\">Coverage</h2>\n");
        if (report.gaps().isEmpty()) {
            html.append(report.complete()
                    ? "<p>Every region and compartment of both snapshots was fully collected.</p>\n"
                    : "<p>" + escape(ReportText.coverageNotice(report)) + "</p>\n");
            return;
        }
        html.append("<p>Resources in these scopes whose state is unknown were <strong>not</strong> reported deleted.</p>\n");
        // One row per region and reason: a region down fails every compartment alike; the names fold away.
        table("gaps", List.of("Region", "Compartment", "Reason", "Unknown resources"), ReportText.gapGroups(report),
                (ReportText.GapGroup group) -> cell(group.region())
                        + (group.scopes().size() == 1 ? cell(group.scopes().get(0))
                        : "<td><details><summary>" + group.scopes().size() + " compartments</summary>"
                        + escape(String.join(", ", group.scopes())) + "</details></td>")
                        + cell(group.reason()) + "<td class=\"num\">" + group.unknownResources() + "</td>");
    }

    private void changes() {
        html.append("<h2>Changes</h2>\n");
        if (report.changes().isEmpty()) {
            html.append("<p>").append(Html.escape(ReportText.noChange(report))).append("</p>\n");
            return;
        }
        String notListed = ReportText.notListed(report);
        if (notListed != null) {
            html.append("<p class=\"banner warning\">").append(escape(notListed)).append("</p>\n");
        }
        List<AttributedChange> listed = ReportText.listed(report);
        filters(listed);
        html.append("<div class=\"scroll\"><table id=\"changes-table\" class=\"changes\">\n<thead><tr>");
        CHANGE_COLUMNS.forEach(column -> html.append("<th>").append(column).append("</th>"));
        html.append("</tr></thead>\n");
        for (int i = 0; i < listed.size(); i++) {
            change(i, listed.get(i));
            spill.ifFull();
        }
        html.append("</table></div>\n");
    }

    /** Select boxes of the values present, hidden until the script runs (mail readers run none). */
    private void filters(List<AttributedChange> listed) {
        html.append("<div id=\"filters\" class=\"filters\" hidden>\n");
        select(listed, "Kind", "kind", c -> List.of(c.change().kind().name()));
        select(listed, "Type", "type", c -> List.of(orEmpty(c.change().resourceType())));
        select(listed, "Compartment", "compartment",
                c -> List.of(ReportText.compartment(report, c.change().compartmentId())));
        select(listed, "Region", "region", c -> List.of(orEmpty(c.change().region())));
        select(listed, "Actor", "actors", c -> ReportText.principals(c.actors()));
        select(listed, "Attribution", "attribution", c -> List.of(c.attribution().name()));
        if (!report.rules().waivers().isEmpty()) {
            select(listed, "Waiver", "waiver", c -> List.of(waiverState(report.waiverOf(c.change()))));
        }
        html.append("<label>Text<input type=\"search\" data-filter=\"text\" placeholder=\"name, OCID, value\"></label>\n")
                .append("</div>\n<p id=\"shown\" aria-live=\"polite\">").append(listed.size()).append(" of ")
                .append(listed.size()).append(" shown</p>\n");
    }

    /** A filter offering the values the listed changes have. */
    private void select(List<AttributedChange> listed, String label, String key,
                        Function<AttributedChange, List<String>> values) {
        TreeSet<String> options = new TreeSet<>();
        listed.forEach(c -> options.addAll(values.apply(c)));
        html.append("<label>").append(label).append("<select data-filter=\"").append(key)
                .append("\"><option value=\"\">All</option>");
        options.forEach(o -> html.append("<option value=\"").append(escape(o)).append("\">").append(escape(o)).append("</option>"));
        html.append("</select></label>\n");
    }

    /** One change as a tbody of two rows; {@code index} in the report's order names its anchor. */
    private void change(int index, AttributedChange attributed) {
        Change c = attributed.change();
        String compartment = ReportText.compartment(report, c.compartmentId());
        List<String> principals = ReportText.principals(attributed.actors());
        String kind = c.kind().name().toLowerCase(Locale.ROOT);
        WaiverVerdict verdict = report.waiverOf(c);
        html.append("<tbody id=\"").append(anchor(index)).append("\" class=\"change\" data-kind=\"").append(c.kind())
                .append("\" data-waiver=\"").append(waiverState(verdict)).append("\" data-type=\"")
                .append(escape(orEmpty(c.resourceType()))).append("\" data-compartment=\"").append(escape(compartment))
                .append("\" data-region=\"").append(escape(orEmpty(c.region()))).append("\" data-attribution=\"")
                .append(attributed.attribution()).append("\" data-actors=\"").append(escape(jsonArray(principals)))
                .append("\">\n<tr class=\"row\">")
                .append("<td data-label=\"Kind\"><span class=\"kind ").append(kind).append("\">").append(c.kind())
                .append("</span></td>").append(labelled("Type", orEmpty(c.resourceType())))
                .append("<td data-label=\"Name\"><strong>").append(escape(ReportText.name(c.displayName())))
                .append("</strong><br><code>").append(escape(c.ocid())).append("</code>")
                .append(verdict == null ? "" : "<br>" + waiverBadge(verdict)).append("</td>")
                .append(labelled("Compartment", compartment)).append(labelled("Region", orEmpty(c.region())))
                .append("<td data-label=\"Actor\">")
                .append(principals.isEmpty() ? "<span class=\"muted\">unattributed</span>"
                        : String.join("<br>", principals.stream().map(Html::escape).toList()))
                .append("</td></tr>\n<tr class=\"more\"><td colspan=\"").append(CHANGE_COLUMNS.size())
                .append("\"><details><summary>").append(escape(outline(attributed))).append("</summary><div class=\"detail\">\n");
        details(attributed);
        html.append("</div></details></td></tr>\n</tbody>\n");
    }

    /** What expanding a change shows, e.g. "Details: 2 property changes, 1 line diff, 3 actor events". */
    private static String outline(AttributedChange attributed) {
        Change c = attributed.change();
        List<String> parts = new ArrayList<>();
        int properties = ReportText.unexplained(c).size();
        if (properties > 0) {
            parts.add(ReportText.count(properties, "property change"));
        }
        if (!c.texts().isEmpty()) {
            parts.add(ReportText.count(c.texts().size(), "line diff"));
        }
        parts.add(switch (attributed.attribution()) {
            case AUDIT -> ReportText.count(attributed.actors().size(), "actor event");
            case TAG -> "CreatedBy tag";
            case NONE -> "unattributed";
        });
        if (c.caveat() != null) {
            parts.add("caveat");
        }
        return "Details: " + String.join(", ", parts);
    }

    private void details(AttributedChange attributed) {
        Change c = attributed.change();
        if (c.previousCompartmentId() != null) {
            html.append("<p>Moved from <strong>").append(escape(ReportText.movedFrom(report, c.previousCompartmentId())))
                    .append("</strong> to <strong>").append(escape(ReportText.compartment(report, c.compartmentId())))
                    .append("</strong>.</p>\n");
        }
        WaiverVerdict verdict = report.waiverOf(c);
        if (verdict != null) {
            html.append("<p class=\"waiver-note ").append(waiverState(verdict)).append("\"><strong>Waiver:</strong> ")
                    .append(escape(ReportText.waiver(verdict))).append(". Reason: ")
                    .append(escape(verdict.waiver().reason())).append("</p>\n");
        }
        if (c.caveat() != null) {
            html.append("<p class=\"caveat\"><strong>Caveat:</strong> ").append(escape(c.caveat())).append("</p>\n");
        }
        List<PropertyChange> properties = ReportText.unexplained(c);
        if (!properties.isEmpty()) {
            html.append("<h3>Properties</h3>\n");
            table("properties", List.of("Path", "Before", "After"), properties, (PropertyChange p) ->
                    code(p.path()) + code(ReportText.json(p.before(), ReportText.ABSENT))
                            + code(ReportText.json(p.after(), ReportText.ABSENT)));
        }
        for (TextDiff diff : c.texts()) {
            html.append("<h3>Lines of <code>").append(escape(diff.path())).append("</code></h3>\n<pre class=\"diff\">");
            for (String line : diff.lines()) {
                String style = line.startsWith(LineDiff.ADDED) ? "add" : line.startsWith(LineDiff.REMOVED) ? "del" : "same";
                html.append("<span class=\"").append(style).append("\">").append(escape(line)).append("</span>\n");
            }
            html.append("</pre>\n");
        }
        html.append("<h3>").append(actorsHeading(attributed.attribution())).append("</h3>\n");
        if (!attributed.actors().isEmpty()) {
            actors(attributed.actors());
        }
    }

    private static String actorsHeading(Attribution attribution) {
        return switch (attribution) {
            case AUDIT -> "Actors, from Audit write events";
            case TAG -> "Actor, from the CreatedBy tag only (no Audit write event matched)";
            case NONE -> "Unattributed: no Audit write event matched (a CreatedBy tag names only the creator of a creation)";
        };
    }

    private void actors(List<Actor> actors) {
        table("actors", List.of("Principal", "Event", "Time", "IP address", "User agent", "Auth type"), actors, (Actor a) ->
                cell(a.principalName()) + cell(a.eventName()) + cell(ReportText.when(a.eventTime()))
                        + cell(orEmpty(a.ipAddress())) + cell(orEmpty(a.userAgent())) + cell(orEmpty(a.authType())));
    }

    private void transients() {
        html.append("<h2>Transient resources</h2>\n");
        if (report.transients().isEmpty()) {
            html.append("<p>No resource was created and deleted between these snapshots.</p>\n");
            return;
        }
        html.append("<p>Created and deleted between the two snapshots.</p>\n");
        table("transients", List.of("Type", "Name", "Compartment", "Region", "Actors"), report.transients(),
                (AttributedTransient t) -> {
                    TransientResource r = t.resource();
                    List<String> events = t.actors().stream().map(a -> escape(ReportText.event(a))).toList();
                    return cell(orEmpty(r.resourceType())) + "<td><strong>" + escape(ReportText.name(r.displayName()))
                            + "</strong><br><code>" + escape(r.ocid()) + "</code></td>"
                            + cell(ReportText.compartment(report, r.compartmentId())) + cell(orEmpty(r.region()))
                            + "<td>" + (events.isEmpty() ? "<span class=\"muted\">unattributed</span>"
                            : String.join("<br>", events)) + "</td>";
                });
    }

    private void waivers() {
        if (report.rules().waivers().isEmpty()) {
            return;
        }
        html.append("<h2 id=\"waivers\">Waivers</h2>\n<p>Approved changes, shown but not counted as drift until their "
                + "waiver expires; from that day on they are drift again.</p>\n");
        table("waivers", List.of("Waiver", "Covers", "Reason", "Approver", "Approved", "Expires", "State", "Changes"),
                report.rules().waivers(), (WaiverCount w) -> cell(w.waiver().name()) + cell(w.waiver().selector().describe())
                        + cell(w.waiver().reason()) + cell(w.waiver().approver()) + date(w.waiver().approved().toString())
                        + date(w.waiver().expires().toString()) + "<td>" + (w.expired()
                        ? "<span class=\"waiver expired\">expired</span>" : "<span class=\"waiver waived\">in force</span>")
                        + "</td><td class=\"num\">" + w.changes() + "</td>");
    }

    private void suppressed() {
        if (report.rules().suppressed().isEmpty()) {
            return;
        }
        html.append("<h2 id=\"suppressed\">Suppressed by rules</h2>\n<p>Changes and transient resources the configured "
                + "suppress rules left out of this report as noise.</p>\n");
        table("suppressed", List.of("Rule", "Covers", "Reason", "Changes", "Transient"), report.rules().suppressed(),
                (SuppressCount sc) -> cell(sc.rule().name()) + cell(sc.rule().describe()) + cell(sc.rule().reason())
                        + "<td class=\"num\">" + sc.changes() + "</td><td class=\"num\">" + sc.transients() + "</td>");
    }

    private void ignored() {
        if (report.rules().ignored().isEmpty()) {
            return;
        }
        html.append("<h2>Ignored by rules</h2>\n<p>Property changes the configured ignore rules left out of this report.</p>\n");
        table("ignored", List.of("Resource type", "Path", "Reason", "Properties", "Resources"), report.rules().ignored(),
                (IgnoreCount i) -> cell(i.rule().resourceType()) + code(i.rule().path()) + cell(i.rule().reason())
                        + "<td class=\"num\">" + i.properties() + "</td><td class=\"num\">" + i.resources() + "</td>");
    }

    /**
     * For a drift report: the verdict and the baseline, then the changes by compartment path, each with its
     * waiver state and actors; within a compartment the drift (unwaived, expired waiver) comes first.
     */
    private void compliance() {
        Baseline baseline = report.baseline().orElse(null);
        if (baseline == null) {
            return;
        }
        html.append("<section id=\"compliance\" aria-labelledby=\"compliance-heading\">\n")
                .append("<h2 id=\"compliance-heading\">Compliance</h2>\n<p class=\"verdict ")
                .append(report.unwaived() == 0 ? "clean" : "unwaived").append("\"><strong>")
                .append(escape(ReportText.driftVerdict(report))).append("</strong><br>")
                .append(escape(ReportText.baselineScope(baseline))).append(".</p>\n");
        if (report.changes().isEmpty()) {
            html.append("<p>Nothing in the baseline's scope changed since it was set.</p>\n</section>\n");
            return;
        }
        List<AttributedChange> changes = report.changes();
        Map<String, List<Integer>> byCompartment = new TreeMap<>();
        for (int i = 0; i < changes.size(); i++) {
            byCompartment.computeIfAbsent(ReportText.compartment(report, changes.get(i).change().compartmentId()),
                    path -> new ArrayList<>()).add(i);
        }
        Comparator<Integer> driftFirst = Comparator.comparing(i -> report.isWaived(changes.get(i).change()));
        // As many rows as the changes list, the drift (unwaived) first across compartments: what a review needs.
        Set<Integer> rows = IntStream.range(0, changes.size()).boxed().sorted(driftFirst)
                .limit(ReportText.LISTED_CHANGES).collect(Collectors.toSet());
        if (rows.size() < changes.size()) {
            html.append("<p class=\"banner warning\">").append(escape(String.format("This section lists %,d of the "
                    + "%,d changes, the unwaived ones first; the JSON and CSV reports list all of them.", rows.size(),
                    changes.size()))).append("</p>\n");
        }
        byCompartment.forEach((compartment, indexes) -> {
            long waived = indexes.stream().filter(i -> report.isWaived(changes.get(i).change())).count();
            html.append("<h3 class=\"compartment\">").append(escape(compartment)).append(" <span class=\"muted\">")
                    .append(indexes.size() - waived).append(" unwaived, ").append(waived).append(" waived</span></h3>\n");
            List<Integer> shown = indexes.stream().filter(rows::contains).sorted(driftFirst).toList();
            if (!shown.isEmpty()) {
                table("compliance", List.of("State", "Kind", "Resource", "Actors"), shown,
                        i -> complianceRow(i, changes.get(i)));
            }
        });
        html.append("</section>\n");
    }

    private String complianceRow(int index, AttributedChange attributed) {
        Change c = attributed.change();
        WaiverVerdict verdict = report.waiverOf(c);
        List<String> events = attributed.actors().stream().map(a -> escape(ReportText.event(a))).toList();
        return "<td data-label=\"State\">" + waiverBadge(verdict)
                + (verdict == null ? "" : "<br><span class=\"note\">" + escape(ReportText.waiverApproval(verdict.waiver()))
                + "</span>") + "</td>"
                + "<td data-label=\"Kind\"><span class=\"kind " + c.kind().name().toLowerCase(Locale.ROOT) + "\">"
                + c.kind() + "</span></td>"
                + "<td data-label=\"Resource\">" + escape(orEmpty(c.resourceType())) + " "
                + (index < ReportText.LISTED_CHANGES ? "<a href=\"#" + anchor(index) + "\"><strong>"
                + escape(ReportText.name(c.displayName())) + "</strong></a>"
                : "<strong>" + escape(ReportText.name(c.displayName())) + "</strong>") + "<br><code>" + escape(c.ocid())
                + "</code>" + (c.previousCompartmentId() == null ? "" : "<br><span class=\"note\">moved from "
                + escape(ReportText.movedFrom(report, c.previousCompartmentId())) + "</span>") + "</td>"
                + "<td data-label=\"Actors\">" + (events.isEmpty() ? "<span class=\"muted\">unattributed</span>"
                : String.join("<br>", events)) + "</td>";
    }

    /** The change's state for badges and the waiver filter: unwaived, waived, or expired (drift again). */
    private static String waiverState(WaiverVerdict verdict) {
        return verdict == null ? "unwaived" : verdict.expired() ? "expired" : "waived";
    }

    /** "unwaived", "waived by CHG-1, expires …" or "waiver CHG-1 expired on …"; the title names approver and reason. */
    private static String waiverBadge(WaiverVerdict verdict) {
        if (verdict == null) {
            return "<span class=\"waiver unwaived\">unwaived</span>";
        }
        return "<span class=\"waiver " + waiverState(verdict) + "\" title=\""
                + escape(ReportText.waiverApproval(verdict.waiver())) + "\">" + escape(ReportText.waiverBadge(verdict))
                + "</span>";
    }

    private static String anchor(int index) {
        return "change-" + (index + 1);
    }

    /** A plain table that scrolls sideways on a narrow screen; {@code row} gives each row's cells. */
    private <T> void table(String name, List<String> columns, List<T> rows, Function<T, String> row) {
        html.append("<div class=\"scroll\"><table class=\"").append(name).append("\">\n<thead><tr>");
        columns.forEach(column -> html.append("<th>").append(column).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        rows.forEach(r -> html.append("<tr>").append(row.apply(r)).append("</tr>\n"));
        html.append("</tbody></table></div>\n");
    }

    private static String cell(String value) {
        return "<td>" + escape(value) + "</td>";
    }

    private static String date(String value) {
        return "<td class=\"date\">" + escape(value) + "</td>";
    }

    private static String code(String value) {
        return "<td><code>" + escape(value) + "</code></td>";
    }

    private static String labelled(String label, String value) {
        return "<td data-label=\"" + label + "\">" + escape(value) + "</td>";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** The actor filter's data: a JSON array of names, which the script parses as data, never runs. */
    private static String jsonArray(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
