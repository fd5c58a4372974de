package io.github.ocidiff.report;

import io.github.ocidiff.diff.RuleResults;
import java.util.Optional;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ocidiff.Golden;
import io.github.ocidiff.crawl.SnapshotStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
    private static final Parser GFM = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    /** Above 20 changes the document says what most of them share, after the counts. */
    @Test
    void manyChangesAreSummedUpByActorTypeAndProperty() {
        String md = ReportFormat.MD.render(ReportFixture.repeated(4));
        assertThat(md).contains("## Most changes\n\n- **By actor:** unattributed 12, carol@example.com 8,")
                .contains("- **Properties changed most (resources):** /compartmentId 4, /description 4,");
        assertThat(ReportFormat.MD.render(ReportFixture.report())).doesNotContain("Most changes");
    }

    @Test
    void aDocumentListsTheFirstTenThousandChangesAndSaysWhereTheOthersAre() {
        String md = ReportFormat.MD.render(ReportFixture.repeated(1_500));
        assertThat(md.lines().filter(l -> l.startsWith("- **"))).hasSize(ReportText.LISTED_CHANGES + 3);
        assertThat(md).contains("> This page lists the first 10,000 of 10,500 changes, in the report's order");
        assertThat(ReportFormat.MD.render(ReportFixture.repeated(4))).doesNotContain("This page lists the first");
    }

    @Test
    void theFixtureRendersAsTheGoldenFile() throws Exception {
        Golden.assertMatches("report.md", ReportFormat.MD.render(ReportFixture.report()));
    }

    @Test
    void hostileValuesStayTextAndCannotAddHtmlOrTableCells() {
        Node document = GFM.parse(ReportFormat.MD.render(ReportFixture.report()));
        List<Node> html = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Integer> cellsPerRow = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline node) {
                html.add(node);
            }

            @Override
            public void visit(HtmlBlock node) {
                html.add(node);
            }

            @Override
            public void visit(Text node) {
                texts.add(node.getLiteral());
            }

            @Override
            public void visit(CustomNode node) {
                if (node instanceof TableRow) {
                    int cells = 0;
                    for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
                        cells += c instanceof TableCell ? 1 : 0;
                    }
                    cellsPerRow.add(cells);
                }
                visitChildren(node);
            }
        });
        assertThat(html).isEmpty();
        String text = String.join("", texts);
        assertThat(text).contains(ReportFixture.SCRIPT_NAME, ReportFixture.IMG_PRINCIPAL, ReportFixture.FORMULA_NAME,
                ReportFixture.PIPE_PATH, "503 <busy>");
        // summary 2 rows of 6, gaps 3 rows of 4 (one with "a|b"), ignored 2 rows of 5
        assertThat(cellsPerRow).containsExactly(6, 6, 4, 4, 4, 5, 5);
    }

    @Test
    void changesAreGroupedUnderOneHeadingPerCompartmentPath() {
        List<String> headings = new ArrayList<>();
        GFM.parse(ReportFormat.MD.render(ReportFixture.report())).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                if (heading.getLevel() == 3) {
                    StringBuilder title = new StringBuilder();
                    for (Node n = heading.getFirstChild(); n != null; n = n.getNext()) {
                        title.append(((Text) n).getLiteral());
                    }
                    headings.add(title.toString());
                }
            }
        });
        assertThat(headings).containsExactly("acme", ReportFixture.PIPE_PATH, "acme/dev", "acme/prod", ReportFixture.UNKNOWN);
    }

    @Test
    void backticksInNamesAndDiffLinesGetLongerFences() {
        List<String> codes = new ArrayList<>();
        List<FencedCodeBlock> fences = new ArrayList<>();
        GFM.parse(ReportFormat.MD.render(ReportFixture.report())).accept(new AbstractVisitor() {
            @Override
            public void visit(Code code) {
                codes.add(code.getLiteral());
            }

            @Override
            public void visit(FencedCodeBlock fence) {
                fences.add(fence);
            }

            @Override
            public void visit(CustomBlock block) {
                assertThat(block).isInstanceOf(TableBlock.class);
                visitChildren(block);
            }
        });
        assertThat(codes).contains("\"a|b `x` ``y``\"", "/statements");
        assertThat(fences).singleElement().satisfies(fence -> {
            assertThat(fence.getInfo()).isEqualTo("diff");
            assertThat(fence.getLiteral()).contains("+ Allow group Ops to manage all-resources in tenancy where "
                    + "request.user.name = '```'\n", "@@ 2 unchanged lines @@\n");
        });
    }

    @Test
    void codeSpansOutrunTheBackticksInside() {
        assertThat(MarkdownReport.code("web")).isEqualTo("`web`");
        assertThat(MarkdownReport.code("a`b")).isEqualTo("``a`b``");
        assertThat(MarkdownReport.code("`x")).isEqualTo("`` `x ``");
        assertThat(MarkdownReport.code(" x ")).isEqualTo("`  x  `");
        assertThat(MarkdownReport.code("")).isEqualTo("` `");
        assertThat(MarkdownReport.code("a\nb")).isEqualTo("`a b`");
    }

    @Test
    void textEscapesMarkupAndStaysOnOneLine() {
        assertThat(MarkdownReport.text("a|b *c* _d_ [e](f) <g> #h ~i~ &amp; \\"))
                .isEqualTo("a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\<g\\> \\#h \\~i\\~ \\&amp; \\\\");
        assertThat(MarkdownReport.text("line\r\n# heading")).isEqualTo("line  \\# heading");
    }

    @Test
    void longValuesAreCutWithAnEllipsis() {
        assertThat(MarkdownReport.truncated("x".repeat(MarkdownReport.MAX_VALUE))).hasSize(MarkdownReport.MAX_VALUE);
        String cut = MarkdownReport.truncated("x".repeat(500));
        assertThat(cut).hasSize(MarkdownReport.MAX_VALUE).endsWith("x…");
        String emoji = "x".repeat(MarkdownReport.MAX_VALUE - 2) + "😀" + "tail";
        assertThat(MarkdownReport.truncated(emoji)).isEqualTo("x".repeat(MarkdownReport.MAX_VALUE - 2) + "…");
    }

    @Test
    void anEmptyCompleteReportSaysSoInEachSection() {
        Report empty = new Report("ocid1.tenancy.oc1..t", null,
                new SnapshotRef(1, Instant.parse("2026-11-01T00:00:00Z"), SnapshotStatus.COMPLETE),
                new SnapshotRef(2, Instant.parse("2026-11-02T00:00:00Z"), SnapshotStatus.COMPLETE),
                Instant.parse("2026-11-02T00:01:00Z"), List.of(), List.of(), List.of(), true, RuleResults.ignoredOnly(List.of()), Optional.empty(), Map.of(),
                List.of(), List.of());
        assertThat(ReportFormat.MD.render(empty))
                .startsWith("# ocidiff report: ocid1.tenancy.oc1..t\n")
                .contains("Every region and compartment of both snapshots was fully collected.",
                        "No resource changed between these snapshots.",
                        "No resource was created and deleted between these snapshots.")
                .doesNotContain("Warning", "Coverage incomplete", "Ignored");
    }

    /** A resource moved from a compartment renamed since is said to come from the name it had, not the new one. */
    @Test
    void aMoveFromACompartmentRenamedSinceNamesItAsItWasThen() {
        Report r = ReportFixture.drift();
        Report renamed = new Report(r.tenancyId(), r.tenancyName(), r.from(), r.to(), r.generatedAt(), r.changes(),
                r.transients(), r.gaps(), r.complete(), r.rules(), r.baseline(), r.compartmentPaths(), r.trend(),
                r.warnings(), Map.of(ReportFixture.PROD, "acme/production"));
        assertThat(ReportFormat.MD.render(renamed)).contains(", moved from acme/production (now acme/prod)");
        assertThat(ReportFormat.HTML.render(renamed)).contains("moved from acme/production (now acme/prod)");
        assertThat(ReportFormat.MD.render(r)).contains(", moved from acme/prod").doesNotContain("(now ");
    }

    /** Every change suppressed is not "no change": the reviewer is told rules hid them. */
    @Test
    void aReportWhoseChangesWereAllSuppressedSaysSo() {
        Report full = ReportFixture.drift();
        Report hidden = new Report(full.tenancyId(), full.tenancyName(), full.from(), full.to(), full.generatedAt(),
                List.of(), List.of(), List.of(), true, full.rules(), Optional.empty(), Map.of(), List.of(), List.of());
        String expected = "No change is listed: the 1 change found was suppressed by rules (see Suppressed by rules).";
        assertThat(ReportFormat.MD.render(hidden)).contains(expected).doesNotContain("No resource changed");
        assertThat(ReportFormat.HTML.render(hidden)).contains("<p>" + expected + "</p>");
    }
}
