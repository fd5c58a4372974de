package io.github.ocidiff.publish;

import static io.github.ocidiff.publish.Reports.change;
import static io.github.ocidiff.publish.Reports.gap;
import static io.github.ocidiff.publish.Reports.report;
import static io.github.ocidiff.publish.Reports.transientResource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.github.ocidiff.audit.AttributedChange;
import io.github.ocidiff.audit.Attribution;
import io.github.ocidiff.diff.Change;
import io.github.ocidiff.diff.ChangeKind;
import io.github.ocidiff.diff.PropertyChange;
import io.github.ocidiff.report.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SummaryMailTest {

    private static final String URL = "https://objectstorage.us-ashburn-1.oraclecloud.com/n/acmens/b/reports/o/"
            + "ocidiff%2F2026%2F11%2F25%2Freport.html";

    private static Report sixChanges() {
        return report(List.of(
                change(ChangeKind.CREATED, "web-1", "alice@example.com"),
                change(ChangeKind.CREATED, "web-2", "alice@example.com"),
                change(ChangeKind.CREATED, "web-3", "bob@example.com"),
                change(ChangeKind.DELETED, "old-1", null),
                change(ChangeKind.MODIFIED, "db-1", "bob@example.com"),
                change(ChangeKind.MODIFIED, "db-2", "bob@example.com")));
    }

    @Test
    void theSubjectCountsEachKindAndTheUnattributed() {
        SummaryMail mail = SummaryMail.of(sixChanges(), "[ocidiff]", null);

        assertThat(mail.subject())
                .isEqualTo("[ocidiff] tenancy acme 2026-11-25: 3 created, 1 deleted, 2 modified, 0 moved — 1 unattributed");
    }

    @Test
    void theSubjectFlagsAnIncompleteReportAndCountsTransients() {
        Report report = report(List.of(change(ChangeKind.MOVED, "web-1", "alice@example.com")),
                List.of(transientResource("tmp-1")), List.of(gap()), List.of());

        assertThat(SummaryMail.of(report, "[acme]", null).subject())
                .isEqualTo("[acme] tenancy acme 2026-11-25: 0 created, 0 deleted, 0 modified, 1 moved, 1 transient"
                        + " (INCOMPLETE)");
    }

    @Test
    void theSubjectNamesTheTenancyByIdWithoutANameAndNeverBreaksALine() {
        Report unnamed = rename(report(List.of()), null);
        Report hostile = rename(report(List.of()), "acme\r\nBcc: attacker@example.com");

        assertThat(SummaryMail.of(unnamed, "", null).subject())
                .isEqualTo("tenancy ocid1.tenancy.oc1..acme 2026-11-25: 0 created, 0 deleted, 0 modified, 0 moved");
        assertThat(SummaryMail.of(hostile, "[ocidiff]", null).subject())
                .isEqualTo("[ocidiff] tenancy acme  Bcc: attacker@example.com 2026-11-25: 0 created, 0 deleted,"
                        + " 0 modified, 0 moved");
    }

    @Test
    void theTextBodyListsCountsWarningsGapsChangesAndTheReport() {
        Report report = report(List.of(change(ChangeKind.CREATED, "web-1", "alice@example.com"),
                        change(ChangeKind.DELETED, "old-1", null)),
                List.of(), List.of(gap()), List.of("The 'to' snapshot is PARTIAL."));

        assertThat(SummaryMail.of(report, "[ocidiff]", URL).text()).isEqualTo("""
                ocidiff: tenancy acme, 2026-11-25
                From snapshot 41 (2026-11-24T02:00:00Z, COMPLETE) to snapshot 42 (2026-11-25T02:00:00Z, PARTIAL).

                Created: 1
                Deleted: 1
                Modified: 0
                Moved: 0
                Transient: 0
                Unattributed: 1

                Warnings
                - The 'to' snapshot is PARTIAL.

                Coverage gaps
                - eu-frankfurt-1 / acme/prod: 'to' snapshot: Resource Search in eu-frankfurt-1 failed: 503 (7 resource(s) unknown, not reported deleted)

                Changes
                - CREATED Instance "web-1" in acme/prod (us-ashburn-1) by alice@example.com
                - DELETED Instance "old-1" in acme/prod (us-ashburn-1) by unattributed

                Full report: %s
                """.formatted(URL));
    }

    @Test
    void theHtmlBodyEscapesHostileNames() {
        Report report = report(List.of(change(ChangeKind.CREATED, "<script>alert('x')</script>",
                        "\"><img src=x onerror=alert(1)>")),
                List.of(), List.of(), List.of("<b>unclosed"));

        String html = SummaryMail.of(report, "[ocidiff]", null).html();

        assertThat(html)
                .contains("<td style=\"border:1px solid #ccc;padding:2px 6px;text-align:left\">"
                        + "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td>")
                .contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
                .contains("<li>&lt;b&gt;unclosed</li>")
                .doesNotContain("<script>", "<img", "<b>");
    }

    @Test
    void theHtmlBodyShowsTheCountsAndLinksOnlyAWebLocation() {
        String html = SummaryMail.of(sixChanges(), "[ocidiff]", URL).html();
        String local = SummaryMail.of(sixChanges(), "[ocidiff]", "javascript:alert(1)").html();

        assertThat(html)
                .startsWith("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>ocidiff: tenancy acme, 2026-11-25")
                .contains("<tr><th style=\"border:1px solid #ccc;padding:2px 6px;text-align:left\">Created</th>"
                        + "<td style=\"border:1px solid #ccc;padding:2px 6px;text-align:left\">3</td></tr>")
                .contains("<p>Full report: <a href=\"" + URL + "\">" + URL + "</a></p>")
                .endsWith("</body></html>\n");
        assertThat(local).contains("<p>Full report: javascript:alert(1)</p>").doesNotContain("<a ");
    }

    @Test
    void onlyTheFirstChangesAreListed() {
        List<AttributedChange> changes = new ArrayList<>();
        IntStream.range(0, SummaryMail.TOP_CHANGES + 5)
                .forEach(i -> changes.add(change(ChangeKind.CREATED, "vm-%02d".formatted(i), "alice@example.com")));

        SummaryMail mail = SummaryMail.of(report(changes), "[ocidiff]", null);

        assertThat(mail.text())
                .contains("Changes (first 20 of 25)\n", "\"vm-19\"", "... and 5 more in the full report.\n")
                .doesNotContain("\"vm-20\"", "Full report:");
        assertThat(mail.html()).contains("<h3>Changes (first 20 of 25)</h3>", "<p>... and 5 more in the full report.</p>");
    }

    /** Counts read as the rest of the mail writes them, with separators, in the subject too. */
    @Test
    void largeCountsHaveSeparators() {
        List<AttributedChange> changes = new ArrayList<>();
        IntStream.range(0, 1_234).forEach(i -> changes.add(change(ChangeKind.CREATED, "vm-" + i, "alice@example.com")));

        SummaryMail mail = SummaryMail.of(report(changes), "[ocidiff]", null);

        assertThat(mail.subject()).contains(": 1,234 created, 0 deleted");
        assertThat(mail.text()).contains("Changes (first 20 of 1,234)\n", "... and 1,214 more in the full report.\n");
    }

    /**
     * Where the changes are more than the mail lists, it says what most of them share: a tag rolled out by one actor
     * over thousands of resources reads as that. Array indices count as one path; a night the mail lists whole has
     * no such section.
     */
    @Test
    void moreChangesThanListedAreSummedUpByActorTypeAndProperty() {
        List<AttributedChange> changes = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            List<PropertyChange> properties = new ArrayList<>(List.of(new PropertyChange("/definedTags/Ops/CostCenter",
                    null, TextNode.valueOf("42"))));
            if (i % 1_000 == 0) {
                properties.add(new PropertyChange("/statements/" + i % 7, null, TextNode.valueOf("Allow group x")));
            }
            Change change = new Change(ChangeKind.MODIFIED, "ocid1.instance.oc1.iad." + i, i < 2_000 ? "Instance" : "Bucket",
                    "us-ashburn-1", Reports.PROD, null, "vm-" + i, properties, List.of(), null, null, null);
            changes.add(new AttributedChange(change, List.of(Reports.actor(i < 2_990 ? "terraform" : "alice@example.com")),
                    Attribution.AUDIT));
        }
        for (String name : List.of("a", "b", "c", "d", "e", "f")) {
            changes.add(change(ChangeKind.DELETED, name, name + "@example.com"));
        }
        changes.add(change(ChangeKind.DELETED, "gone", null));

        SummaryMail mail = SummaryMail.of(report(changes), "[ocidiff]", null);

        assertThat(mail.text()).contains("""

                Most changes
                - By actor: terraform 2,990, alice@example.com 10, a@example.com 1, b@example.com 1, c@example.com 1 \
                and 4 more
                - By type: Instance 2,007, Bucket 1,000
                - Properties changed most (resources): /definedTags/Ops/CostCenter 3,000, /statements/* 3
                """);
        assertThat(mail.html()).contains("<h3>Most changes</h3>\n<ul>\n<li>By actor: terraform 2,990,");
        assertThat(SummaryMail.of(sixChanges(), "[ocidiff]", null).text()).doesNotContain("Most changes");
    }

    @Test
    void aTagAttributionIsMarkedAsSuch() {
        AttributedChange byAudit = change(ChangeKind.CREATED, "web-1", "alice@example.com");
        AttributedChange byTag = new AttributedChange(byAudit.change(), byAudit.actors(), Attribution.TAG);

        assertThat(SummaryMail.of(report(List.of(byTag)), "[ocidiff]", null).text())
                .contains("by alice@example.com (CreatedBy tag)\n");
    }

    private static Report rename(Report r, String name) {
        return new Report(r.tenancyId(), name, r.from(), r.to(), r.generatedAt(), r.changes(), r.transients(), r.gaps(),
                r.complete(), r.rules(), r.baseline(), r.compartmentPaths(), r.trend(), r.warnings());
    }
}
