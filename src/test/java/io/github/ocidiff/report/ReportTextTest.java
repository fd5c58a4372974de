package io.github.ocidiff.report;

import io.github.ocidiff.diff.RuleResults;
import java.util.Optional;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import io.github.ocidiff.diff.Change;
import io.github.ocidiff.diff.ChangeKind;
import io.github.ocidiff.diff.CoverageGap;
import io.github.ocidiff.diff.PropertyChange;
import io.github.ocidiff.diff.TextDiff;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTextTest {
    private static final Report REPORT = ReportFixture.report();

    @Test
    void compartmentsShowTheirPathElseTheirOcid() {
        assertThat(ReportText.compartment(REPORT, ReportFixture.PROD)).isEqualTo("acme/prod");
        assertThat(ReportText.compartment(REPORT, ReportFixture.UNKNOWN)).isEqualTo(ReportFixture.UNKNOWN);
        assertThat(ReportText.compartment(REPORT, null)).isEqualTo("(no compartment)");
        assertThat(ReportText.scope(REPORT, new CoverageGap("ap-tokyo-1", null, "down", 0))).isEqualTo("(whole region)");
    }

    @Test
    void valuesAreCompactJsonAndAbsentValuesSaySo() {
        assertThat(ReportText.json(JsonNodeFactory.instance.textNode("web"), "-")).isEqualTo("\"web\"");
        assertThat(ReportText.json(JsonNodeFactory.instance.objectNode().put("a", 1), "-")).isEqualTo("{\"a\":1}");
        assertThat(ReportText.json(NullNode.getInstance(), "-")).isEqualTo("-");
        assertThat(ReportText.json(null, null)).isNull();
    }

    @Test
    void theCoverageNoticeCountsScopesAndUnknownResources() {
        assertThat(ReportText.coverageNotice(REPORT)).isEqualTo("Coverage incomplete: 2 scopes of the two snapshots were "
                + "not fully collected; 15 resources of unknown state were not reported deleted.");
        Report oneGap = new Report(REPORT.tenancyId(), null, REPORT.from(), REPORT.to(), REPORT.generatedAt(), List.of(),
                List.of(), List.of(new CoverageGap("ap-tokyo-1", null, "down", 1)), false, RuleResults.ignoredOnly(List.of()), Optional.empty(), REPORT.compartmentPaths(),
                List.of(), List.of());
        assertThat(ReportText.coverageNotice(oneGap)).isEqualTo("Coverage incomplete: 1 scope of the two snapshots was "
                + "not fully collected; 1 resource of unknown state was not reported deleted.");
    }

    @Test
    void gapsOfOneRegionAndReasonAreOneGroupWhateverTheirRequestIds() {
        List<CoverageGap> gaps = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            gaps.add(new CoverageGap("eu-frankfurt-1", "ocid1.compartment.oc1..c" + i,
                    "503 Unavailable (opc-request-id " + i + "AB-CD)", i));
        }
        gaps.add(new CoverageGap("eu-frankfurt-1", null, "circuit breaker open", 0));
        Report down = new Report(REPORT.tenancyId(), null, REPORT.from(), REPORT.to(), REPORT.generatedAt(), List.of(),
                List.of(), gaps, false, RuleResults.ignoredOnly(List.of()), Optional.empty(), java.util.Map.of(), List.of(),
                List.of());

        List<ReportText.GapGroup> groups = ReportText.gapGroups(down);

        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).unknownResources()).isEqualTo(21);
        assertThat(groups.get(0).reason()).isEqualTo("503 Unavailable (opc-request-id 0AB-CD)");
        assertThat(groups.get(0).scopesText(2)).isEqualTo("7 compartments: ocid1.compartment.oc1..c0, "
                + "ocid1.compartment.oc1..c1, …");
        assertThat(groups.get(1).scopesText(2)).isEqualTo("(whole region)");
    }

    @Test
    void aLineDiffExplainsThePropertyChangesAtAndBelowItsPath() {
        PropertyChange statement = new PropertyChange("/statements/2", null, null);
        PropertyChange statementsx = new PropertyChange("/statementsx", null, null);
        PropertyChange description = new PropertyChange("/description", null, null);
        Change policy = new Change(ChangeKind.MODIFIED, "ocid1.policy", "Policy", "r", "c", null, "p",
                List.of(statement, statementsx, description), List.of(new TextDiff("/statements", List.of())), null, null, null);
        assertThat(ReportText.unexplained(policy)).containsExactly(statementsx, description);
    }

    @Test
    void lineDiffsKeepTwoLinesOfContextAroundChanges() {
        List<String> lines = List.of("  a", "  b", "  c", "  d", "- e", "+ E", "  f", "  g", "  h", "  i", "  j");
        assertThat(ReportText.hunks(lines))
                .containsExactly("@@ 2 unchanged lines @@", "  c", "  d", "- e", "+ E", "  f", "  g", "@@ 3 unchanged lines @@");
        assertThat(ReportText.hunks(List.of("  same"))).containsExactly("@@ 1 unchanged line @@");
    }

    @Test
    void controlCharactersBecomeSpacesSoAValueStaysOnOneLine() {
        assertThat(ReportText.oneLine("a\nb\u001b[31mc\td")).isEqualTo("a b [31mc\td");
    }

    @Test
    void theSummaryHasTheContractsSixFigures() {
        assertThat(ReportText.summary(REPORT)).extracting(t -> t.label() + "=" + t.count())
                .containsExactly("created=2", "deleted=1", "modified=3", "moved=1", "transient=2", "unattributed=3");
    }

    @Test
    void aWaiverBadgeSaysUntilWhenItWaivesAndWhenItExpired() {
        Report drift = ReportFixture.drift();
        var waived = drift.rules().verdict("ocid1.bucket.oc1.iad.auditlogs");
        var expired = drift.rules().verdict("ocid1.securitylist.oc1.iad.edge");
        assertThat(ReportText.waiverBadge(waived)).isEqualTo("waived by CHG-100, expires 2026-12-31");
        assertThat(ReportText.waiverBadge(expired)).isEqualTo("waiver CHG-200 expired on 2026-11-04");
        assertThat(ReportText.waiverApproval(expired.waiver()))
                .isEqualTo("approved by ann@example.com on 2026-11-01: vendor access for the migration weekend");
    }

    @Test
    void theSummaryOfADriftCountsSuppressedAndWaived() {
        assertThat(ReportText.summary(ReportFixture.drift())).extracting(t -> t.label() + "=" + t.count()).containsExactly(
                "created=1", "deleted=0", "modified=4", "moved=1", "transient=0", "unattributed=1", "suppressed=2", "waived=1");
    }
}
