package io.github.ocidiff.report;

import io.github.ocidiff.diff.CoverageGap;
import io.github.ocidiff.diff.RuleResults;
import java.util.Optional;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.BrowserVersion;
import org.htmlunit.ScriptException;
import org.htmlunit.SilentCssErrorHandler;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlDetails;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.javascript.JavaScriptErrorListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report as a browser runs it (HtmlUnit, JavaScript on), opened from a file as users open it. */
class HtmlReportTest {
    private static final String HTML = ReportFormat.HTML.render(ReportFixture.report());
    private static final String DRIFT = ReportFormat.HTML.render(ReportFixture.drift());

    @TempDir
    Path dir;
    private WebClient browser;
    private final List<String> scriptErrors = new ArrayList<>();

    @BeforeEach
    void openBrowser() {
        browser = new WebClient(BrowserVersion.BEST_SUPPORTED);
        browser.getOptions().setThrowExceptionOnScriptError(false); // collected below, to fail with all of them
        browser.setCssErrorHandler(new SilentCssErrorHandler());
        browser.setJavaScriptErrorListener(new JavaScriptErrorListener() {
            @Override
            public void scriptException(HtmlPage page, ScriptException e) {
                scriptErrors.add(e.getMessage());
            }

            @Override
            public void timeoutError(HtmlPage page, long allowed, long executed) {
                scriptErrors.add("timeout");
            }

            @Override
            public void malformedScriptURL(HtmlPage page, String url, MalformedURLException e) {
                scriptErrors.add("malformed script URL " + url);
            }

            @Override
            public void loadScriptError(HtmlPage page, java.net.URL url, Exception e) {
                scriptErrors.add("script load " + url);
            }

            @Override
            public void warn(String message, String sourceName, int line, String lineSource, int lineOffset) {
                scriptErrors.add("warning: " + message);
            }
        });
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    private HtmlPage open(String html) throws IOException {
        Path file = dir.resolve("report.html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        HtmlPage page = browser.getPage(file.toUri().toURL());
        browser.waitForBackgroundJavaScript(1_000);
        return page;
    }

    private static List<String> shownNames(HtmlPage page) {
        List<String> names = new ArrayList<>();
        for (DomNode body : page.querySelectorAll("tbody.change")) {
            if (((HtmlElement) body).isDisplayed()) {
                names.add(body.querySelector("td[data-label=Name] strong").getTextContent());
            }
        }
        return names;
    }

    private static String shown(HtmlPage page) {
        return page.getElementById("shown").getTextContent();
    }

    private static void choose(HtmlPage page, String filter, String value) {
        HtmlSelect select = page.querySelector("select[data-filter=" + filter + "]");
        select.setSelectedAttribute(select.getOptionByValue(value), true);
    }

    /** Above 20 changes the page says what most of them share, before anything else; fewer read at a glance. */
    @Test
    void manyChangesAreSummedUpByActorTypeAndProperty() {
        String html = ReportFormat.HTML.render(ReportFixture.repeated(4));
        assertThat(html).contains("<h2>Most changes</h2>\n<ul class=\"most\">\n<li><strong>By actor:</strong>"
                + " unattributed 12, carol@example.com 8, &quot;&gt;&lt;img src=x onerror=&quot;window.pwned=1&quot;&gt; 4,"
                + " alice@example.com 4, bob@example.com 4</li>\n<li><strong>By type:</strong> Instance 16, Bucket 4,"
                + " Policy 4, Vcn 4</li>\n");
        assertThat(html.indexOf("Most changes")).isLessThan(html.indexOf("id=\"coverage\""));
        assertThat(ReportFormat.HTML.render(ReportFixture.report())).doesNotContain("Most changes");
    }

    /** A night of mass change lists the first 10,000 changes and says where the rest are; the counts cover all. */
    @Test
    void aPageListsTheFirstTenThousandChangesAndSaysWhereTheOthersAre() {
        Report large = ReportFixture.repeated(1_500);
        assertThat(large.changes()).hasSize(10_500);
        String html = ReportFormat.HTML.render(large);
        assertThat(html.split("<tbody id=\"change-", -1)).hasSize(ReportText.LISTED_CHANGES + 1);
        assertThat(html).contains("<tbody id=\"change-10000\"").doesNotContain("<tbody id=\"change-10001\"")
                .contains("This page lists the first 10,000 of 10,500 changes, in the report&#39;s order")
                .contains("the JSON and CSV reports list all of them.")
                .contains("<p id=\"shown\" aria-live=\"polite\">10000 of 10000 shown</p>")
                .contains("<strong>By type:</strong> Instance 6,000,");
        assertThat(ReportFormat.HTML.render(ReportFixture.repeated(4))).doesNotContain("This page lists the first");
    }

    /**
     * A large drift report's compliance section lists as many rows as the changes list, every unwaived change
     * among them, says so, and links only to the changes the page lists.
     */
    @Test
    void aLargeComplianceSectionListsTheDriftFirstAndLinksOnlyToListedChanges() {
        Report once = ReportFixture.drift();
        Report large = ReportFixture.repeated(once, ReportText.LISTED_CHANGES / once.changes().size() + 1);
        String html = ReportFormat.HTML.render(large);
        String section = html.substring(html.indexOf("<section id=\"compliance\""), html.indexOf("</section>",
                html.indexOf("<section id=\"compliance\"")));
        assertThat(section.split("<td data-label=\"State\">", -1)).hasSize(ReportText.LISTED_CHANGES + 1);
        assertThat(large.unwaived()).isPositive().isLessThan(ReportText.LISTED_CHANGES);
        // Unwaived: no waiver, or an expired one. Every one of them is listed; waived ones fill the rest.
        assertThat(section.split("<td data-label=\"State\"><span class=\"waiver waived\"", -1))
                .hasSize(ReportText.LISTED_CHANGES - (int) large.unwaived() + 1);
        assertThat(section).contains(String.format("This section lists 10,000 of the %,d changes, the unwaived ones "
                + "first", large.changes().size()));
        assertThat(html).contains("<a href=\"#change-10000\">").doesNotContain("<a href=\"#change-10001\">");
    }

    @Test
    void aRegionDownIsOneCoverageRowWithItsCompartmentsFolded() throws Exception {
        Report report = ReportFixture.report();
        List<CoverageGap> down = List.of(new CoverageGap("eu-frankfurt-1", "ocid1.compartment.oc1..a", "503 (opc-request-id 1)", 1),
                new CoverageGap("eu-frankfurt-1", "ocid1.compartment.oc1..b", "503 (opc-request-id 2)", 2));
        HtmlPage page = open(ReportFormat.HTML.render(new Report(report.tenancyId(), null, report.from(), report.to(),
                report.generatedAt(), List.of(), List.of(), down, false, report.rules(), report.baseline(),
                java.util.Map.of("ocid1.compartment.oc1..a", "acme/a", "ocid1.compartment.oc1..b", "acme/<b>"),
                List.of(), List.of())));

        assertThat(page.querySelectorAll("table.gaps tbody tr")).extracting(r -> r.asNormalizedText().replace("\n", ""))
                .containsExactly("eu-frankfurt-1\t2 compartments\t503 (opc-request-id 1)\t3");
        // In order of their paths, whatever the order of the gaps.
        assertThat(page.querySelector("table.gaps details").getTextContent()).isEqualTo("2 compartmentsacme/<b>, acme/a");
    }

    @Test
    void rendersWithoutScriptErrorsAndShowsTheSummary() throws IOException {
        HtmlPage page = open(HTML);
        assertThat(scriptErrors).isEmpty();
        assertThat(page.getTitleText()).isEqualTo("ocidiff report: acme");
        assertThat(page.querySelectorAll(".card .n")).extracting(DomNode::getTextContent)
                .containsExactly("2", "1", "3", "1", "2", "3");
        assertThat(page.querySelector(".card[data-tally=unattributed]").getTextContent()).isEqualTo("3unattributed");
        assertThat(page.querySelector(".banner.warning").asNormalizedText()).contains("The 'to' snapshot #13 is PARTIAL");
        assertThat(page.querySelector(".banner.coverage").asNormalizedText())
                .contains("Coverage incomplete: 2 scopes of the two snapshots were not fully collected; "
                        + "15 resources of unknown state were not reported deleted.");
        assertThat(page.querySelectorAll("table.gaps tbody tr")).extracting(DomNode::asNormalizedText).containsExactly(
                "eu-frankfurt-1\tacme/a|b\t'to' snapshot: Resource Search in eu-frankfurt-1 failed: 503 <busy>\t3",
                "ap-tokyo-1\t(whole region)\t'to' snapshot: region unreachable\t12");
        assertThat(page.querySelector("table.ignored tbody tr").asNormalizedText())
                .isEqualTo("*\t/freeformTags/lastBackup\tthe backup job writes it every night\t7\t4");
        assertThat(page.querySelectorAll("table.transients tbody tr").get(1).asNormalizedText())
                .contains(ReportFixture.BACKTICK_NAME, "dave@example.com (LaunchInstance at 2026-11-02 11:00:00 UTC)",
                        "dave@example.com (TerminateInstance at 2026-11-02 11:40:00 UTC)");
        assertThat(shown(page)).isEqualTo("7 of 7 shown");
        assertThat(page.getElementById("filters").isDisplayed()).isTrue();
    }

    @Test
    void eachFilterHidesTheOtherRowsAndUpdatesTheCount() throws IOException {
        HtmlPage page = open(HTML);
        choose(page, "kind", "DELETED");
        assertThat(shownNames(page)).containsExactly(ReportFixture.FORMULA_NAME);
        assertThat(shown(page)).isEqualTo("1 of 7 shown");
        choose(page, "kind", "");
        choose(page, "type", "Instance");
        assertThat(shownNames(page)).containsExactly("web-3", "web-1", "-1+2", "db-1");
        choose(page, "compartment", "acme/prod");
        assertThat(shownNames(page)).containsExactly("web-3", "web-1", "db-1");
        assertThat(shown(page)).isEqualTo("3 of 7 shown");
        choose(page, "type", "");
        choose(page, "compartment", ReportFixture.PIPE_PATH);
        assertThat(shownNames(page)).containsExactly(ReportFixture.SCRIPT_NAME);
        choose(page, "compartment", "");
        choose(page, "region", ReportFixture.FRANKFURT);
        assertThat(shownNames(page)).containsExactly(ReportFixture.SCRIPT_NAME, "-1+2");
        choose(page, "region", "");
        choose(page, "actors", ReportFixture.CAROL);
        assertThat(shownNames(page)).containsExactly("web-1", "tenant-admins");
        choose(page, "actors", ReportFixture.IMG_PRINCIPAL);
        assertThat(shownNames(page)).containsExactly(ReportFixture.SCRIPT_NAME);
        choose(page, "actors", "");
        choose(page, "attribution", "NONE");
        assertThat(shownNames(page)).containsExactly(ReportFixture.FORMULA_NAME, "-1+2", "db-1");
        assertThat(shown(page)).isEqualTo("3 of 7 shown");
        choose(page, "attribution", "");
        assertThat(shown(page)).isEqualTo("7 of 7 shown");
        assertThat(scriptErrors).isEmpty();
    }

    @Test
    void theTextFilterSearchesNamesOcidsAndValues() throws IOException {
        HtmlPage page = open(HTML);
        HtmlInput text = page.querySelector("input[data-filter=text]");
        text.type("WEB-TEAM");
        assertThat(shownNames(page)).containsExactly("web-1");
        assertThat(shown(page)).isEqualTo("1 of 7 shown");
        text.setValue("");
        text.type("ocid1.vcn");
        assertThat(shownNames(page)).containsExactly(ReportFixture.FORMULA_NAME);
        assertThat(scriptErrors).isEmpty();
    }

    @Test
    void selectBoxesOfferTheValuesInTheData() throws IOException {
        HtmlPage page = open(HTML);
        assertThat(options(page, "kind")).containsExactly("", "CREATED", "DELETED", "MODIFIED", "MOVED");
        assertThat(options(page, "type")).containsExactly("", "Bucket", "Instance", "Policy", "Vcn");
        assertThat(options(page, "compartment"))
                .containsExactly("", "acme", ReportFixture.PIPE_PATH, "acme/dev", "acme/prod", ReportFixture.UNKNOWN);
        assertThat(options(page, "region")).containsExactly("", ReportFixture.FRANKFURT, ReportFixture.ASHBURN,
                ReportFixture.PHOENIX);
        assertThat(options(page, "actors")).containsExactly("", ReportFixture.IMG_PRINCIPAL, ReportFixture.ALICE,
                ReportFixture.BOB, ReportFixture.CAROL);
    }

    private static List<String> options(HtmlPage page, String filter) {
        return ((HtmlSelect) page.querySelector("select[data-filter=" + filter + "]")).getOptions().stream()
                .map(o -> o.getValueAttribute()).toList();
    }

    @Test
    void expandingAChangeShowsItsPropertiesLineDiffsActorsAndCaveat() throws IOException {
        HtmlPage page = open(HTML);
        DomNode web1 = changeNamed(page, "web-1");
        HtmlDetails details = web1.querySelector("details");
        assertThat(details.isOpen()).isFalse();
        assertThat(web1.querySelector("summary").getTextContent())
                .isEqualTo("Details: 3 property changes, 2 actor events");
        expand(web1);
        HtmlElement properties = web1.querySelector("table.properties");
        assertThat(properties.isDisplayed()).isTrue();
        assertThat(web1.querySelectorAll("table.properties > tbody > tr")).extracting(DomNode::asNormalizedText).containsExactly(
                "/freeformTags/owner\t(none)\t\"web-team\"",
                "/freeformTags/note\t\"a|b `x` ``y``\"\t\"" + "long ".repeat(39) + "long \"",
                "/shape\t\"VM.Standard2.1\"\t\"VM.Standard.E4.Flex\"");
        assertThat(web1.querySelectorAll("table.actors > tbody > tr")).extracting(DomNode::asNormalizedText).containsExactly(
                "bob@example.com\tUpdateInstance\t2026-11-02 14:05:00 UTC\t198.51.100.7\tMozilla/5.0 <Console>\tnatv",
                "carol@example.com\tUpdateInstance\t2026-11-02 15:30:00 UTC\t198.51.100.8\tMozilla/5.0 <Console>\tnatv");

        DomNode policy = changeNamed(page, "tenant-admins");
        expand(policy);
        // the statements' line diff replaces their property changes; the description stays a property
        assertThat(policy.querySelectorAll("table.properties > tbody > tr")).extracting(DomNode::asNormalizedText)
                .containsExactly("/description\t\"Admins\"\t\"Tenancy admins\"");
        assertThat(policy.querySelectorAll("pre.diff .del")).extracting(DomNode::getTextContent)
                .containsExactly("- Allow group Ops to read all-resources in tenancy");
        assertThat(policy.querySelectorAll("pre.diff .add")).singleElement().extracting(DomNode::getTextContent)
                .asString().startsWith("+ Allow group Ops to manage");
        assertThat(policy.querySelector(".caveat").getTextContent()).startsWith("Caveat: the 'to' snapshot did not fully");

        DomNode moved = changeNamed(page, "db-1");
        expand(moved);
        assertThat(moved.querySelector(".detail p").getTextContent()).isEqualTo("Moved from acme/dev to acme/prod.");
        assertThat(moved.querySelector(".detail h3:last-of-type").getTextContent()).startsWith("Unattributed");
        assertThat(scriptErrors).isEmpty();
    }

    /**
     * Opens a change's details as clicking its summary does in a browser; HtmlUnit (4.x and 5.x) does not
     * implement that default action, so the test clicks (any script handler would run) and then opens.
     */
    private static void expand(DomNode change) {
        try {
            ((HtmlElement) change.querySelector("summary")).click();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ((HtmlDetails) change.querySelector("details")).setOpen(true);
    }

    private static DomNode changeNamed(HtmlPage page, String name) {
        for (DomNode body : page.querySelectorAll("tbody.change")) {
            if (body.querySelector("td[data-label=Name] strong").getTextContent().equals(name)) {
                return body;
            }
        }
        throw new AssertionError("no change named " + name);
    }

    @Test
    void noScriptFromTheDataRuns() throws IOException {
        HtmlPage page = open(HTML);
        assertNoMarkupFromTheDataIsLive(page);
        String text = page.getBody().getTextContent();
        assertThat(text).contains(ReportFixture.SCRIPT_NAME, ReportFixture.IMG_PRINCIPAL, ReportFixture.FORMULA_NAME);
    }

    private void assertNoMarkupFromTheDataIsLive(HtmlPage page) {
        page.querySelectorAll("tbody.change").forEach(HtmlReportTest::expand); // expanded content is live DOM too
        assertThat(page.executeJavaScript("typeof window.pwned").getJavaScriptResult()).isEqualTo("undefined");
        assertThat(page.getElementsByTagName("img")).isEmpty();
        assertThat(page.getElementsByTagName("script")).hasSize(1);
        for (DomElement element : page.getDomElementDescendants()) {
            element.getAttributesMap().keySet().forEach(attribute ->
                    assertThat(attribute).as("event handler on <%s>", element.getTagName()).doesNotStartWith("on"));
        }
        assertThat(scriptErrors).isEmpty();
    }

    @Test
    void theContentSecurityPolicyAdmitsExactlyThePagesOwnScriptAndStylesheet() throws IOException {
        assertTheContentSecurityPolicyHolds(open(HTML));
        assertTheContentSecurityPolicyHolds(open(DRIFT));
    }

    private static void assertTheContentSecurityPolicyHolds(HtmlPage page) {
        DomElement csp = page.querySelector("head meta[http-equiv=Content-Security-Policy]");
        DomNode second = page.querySelector("head meta:nth-of-type(2)");
        assertThat(second).isSameAs(csp); // before anything it governs
        String policy = csp.getAttribute("content");
        assertThat(policy).startsWith("default-src 'none'; ")
                .contains("script-src " + HtmlAssets.sha256(page.querySelector("script").getTextContent()) + ";")
                .contains("style-src " + HtmlAssets.sha256(page.querySelector("style").getTextContent()) + ";")
                .doesNotContain("unsafe");
        assertThat(page.querySelectorAll("[style]")).isEmpty(); // a hashed style-src blocks style attributes
    }

    @Test
    void nothingIsLoadedFromOutsideThePage() throws IOException {
        assertNothingIsLoadedFromOutside(HTML);
        assertNothingIsLoadedFromOutside(DRIFT);
    }

    private void assertNothingIsLoadedFromOutside(String html) throws IOException {
        HtmlPage page = open(html);
        for (DomElement element : page.getDomElementDescendants()) {
            element.getAttributesMap().forEach((name, attribute) -> {
                if (name.matches("(?i)(xlink:)?(src|href|action|formaction|poster|data|background|srcset)")) {
                    assertThat(attribute.getValue()).as("%s of <%s>", name, element.getTagName()).startsWith("#");
                }
            });
        }
        assertThat(html).doesNotContainIgnoringCase("@import");
        Matcher url = Pattern.compile("(?i)url\\(\\s*['\"]?(?!data:)").matcher(html);
        assertThat(url.find()).as("url() outside data:").isFalse();
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*['\"]?\\s*(https?:|//)");
    }

    @Test
    void withoutJavaScriptTheFiltersStayHiddenAndEveryChangeShows() throws IOException {
        browser.getOptions().setJavaScriptEnabled(false);
        HtmlPage page = open(HTML);
        assertThat(page.getElementById("filters").isDisplayed()).isFalse();
        assertThat(shownNames(page)).hasSize(7);
        assertThat(shown(page)).isEqualTo("7 of 7 shown");
    }

    @Test
    void theTrendChartHasABarAndTooltipPerNight() throws IOException {
        HtmlPage page = open(HTML);
        assertThat(page.querySelectorAll("svg.trend g.night title")).extracting(DomNode::getTextContent).containsExactly(
                "2026-10-29 23:59:59 UTC: 5 resources changed (snapshot #9, COMPLETE)",
                "2026-10-30 23:59:59 UTC: 4 resources changed (snapshot #10, COMPLETE)",
                "2026-10-31 23:59:59 UTC: 0 resources changed (snapshot #11, COMPLETE)",
                "2026-11-01 23:59:59 UTC: 12 resources changed (snapshot #12, PARTIAL)",
                "2026-11-02 23:59:59 UTC: 7 resources changed (snapshot #13, COMPLETE)");
        assertThat(page.querySelectorAll("svg.trend rect.bar.partial")).hasSize(1);
    }

    @Test
    void aReportWithoutChangesSaysSo() throws IOException {
        Report report = ReportFixture.report();
        Report empty = new Report(report.tenancyId(), null, report.from(), report.to(), report.generatedAt(), List.of(),
                List.of(), List.of(), true, RuleResults.ignoredOnly(List.of()), Optional.empty(), report.compartmentPaths(), List.of(), List.of());
        HtmlPage page = open(ReportFormat.HTML.render(empty));
        assertThat(scriptErrors).isEmpty();
        assertThat(page.getTitleText()).isEqualTo("ocidiff report: " + ReportFixture.TENANCY);
        assertThat(page.getBody().asNormalizedText()).contains("No resource changed between these snapshots.",
                "Every region and compartment of both snapshots was fully collected.",
                "No earlier nights in the store to chart.");
        assertThat(page.querySelectorAll(".banner")).isEmpty();
    }

    @Test
    void aDriftReportOpensWithTheVerdictAndTheBaseline() throws IOException {
        HtmlPage page = open(DRIFT);
        assertThat(scriptErrors).isEmpty();
        assertThat(page.getTitleText()).isEqualTo("ocidiff drift from baseline approved: acme");
        DomNode section = page.getElementById("compliance");
        assertThat(section.getPreviousElementSibling().getAttributes().getNamedItem("class").getNodeValue())
                .as("right after the summary cards").isEqualTo("cards");
        DomElement verdict = section.querySelector("p.verdict");
        assertThat(verdict.getAttribute("class")).isEqualTo("verdict unwaived");
        assertThat(verdict.asNormalizedText()).isEqualTo(
                "Drift from baseline approved: 5 unwaived changes (1 waived, 2 suppressed)\n"
                        + "Baseline snapshot #1; covers compartments prod, network; all resource types; "
                        + "note: CAB-7 <b>signed</b>.");
        assertThat(page.querySelectorAll(".card .n")).extracting(DomNode::getTextContent)
                .containsExactly("1", "0", "4", "1", "0", "1", "2", "1");
        assertThat(page.querySelector(".card[data-tally=waived]").getTextContent()).isEqualTo("1waived");
    }

    @Test
    void theComplianceSectionGroupsByCompartmentWithDriftFirst() throws IOException {
        HtmlPage page = open(DRIFT);
        assertThat(page.querySelectorAll("#compliance h3.compartment")).extracting(DomNode::asNormalizedText)
                .containsExactly("acme/network 2 unwaived, 0 waived", "acme/prod 1 unwaived, 1 waived",
                        "acme/prod/app 2 unwaived, 0 waived");
        List<List<String>> groups = new ArrayList<>();
        for (DomNode table : page.querySelectorAll("#compliance table.compliance")) {
            groups.add(table.querySelectorAll("tbody tr").stream().map(DomNode::asNormalizedText).toList());
        }
        assertThat(groups).containsExactly(
                List.of("waiver CHG-200 expired on 2026-11-04\napproved by ann@example.com on 2026-11-01: vendor access "
                                + "for the migration weekend\tMODIFIED\tSecurityList edge-seclist\n"
                                + "ocid1.securitylist.oc1.iad.edge\t"
                                + "bob@example.com (UpdateSecurityList at 2026-11-02 10:00:00 UTC)",
                        "unwaived\tMODIFIED\tVcn prod-vcn-renamed\nocid1.vcn.oc1.iad.prodvcn\t"
                                + "carol@example.com (UpdateVcn at 2026-11-04 08:30:00 UTC)"),
                List.of("unwaived\tMODIFIED\tPolicy prod-admins\nocid1.policy.oc1..prodadmins\t"
                                + "carol@example.com (UpdatePolicy at 2026-11-03 12:00:00 UTC)",
                        "waived by CHG-100, expires 2026-12-31\napproved by " + ReportFixture.HOSTILE_APPROVER
                                + " on 2026-11-01: " + ReportFixture.HOSTILE_REASON
                                + "\tMODIFIED\tBucket audit-logs\nocid1.bucket.oc1.iad.auditlogs\t"
                                + "alice@example.com (UpdateBucket at 2026-11-02 09:00:00 UTC)\n"
                                + "bob@example.com (UpdateBucket at 2026-11-03 09:00:00 UTC)"),
                List.of("unwaived\tCREATED\tBucket " + ReportFixture.SCRIPT_NAME + "\nocid1.bucket.oc1.iad.hostile\t"
                                + ReportFixture.IMG_PRINCIPAL + " (CreateBucket at 2026-11-02 11:00:00 UTC)",
                        "unwaived\tMOVED\tInstance db-2\nocid1.instance.oc1.iad.db2\nmoved from acme/prod\tunattributed"));
    }

    @Test
    void eachWaiverStateIsABadgeWhoseTitleNamesTheApproverAndReason() throws IOException {
        HtmlPage page = open(DRIFT);
        assertThat(page.querySelectorAll("#compliance .waiver")).extracting(n -> ((DomElement) n).getAttribute("class"))
                .containsExactly("waiver expired", "waiver unwaived", "waiver unwaived", "waiver waived",
                        "waiver unwaived", "waiver unwaived");
        DomElement waived = page.querySelector("#compliance .waiver.waived");
        assertThat(waived.getAttribute("title")).isEqualTo("approved by " + ReportFixture.HOSTILE_APPROVER
                + " on 2026-11-01: " + ReportFixture.HOSTILE_REASON);
        DomElement link = page.querySelector("#compliance a[href='#change-2']");
        assertThat(link.getTextContent()).isEqualTo("audit-logs");
        assertThat(page.getElementById("change-2").querySelector("td[data-label=Name] strong").getTextContent())
                .isEqualTo("audit-logs");
    }

    @Test
    void theChangeListBadgesWaivedAndExpiredChangesAndExplainsTheWaiver() throws IOException {
        HtmlPage page = open(DRIFT);
        assertThat(page.querySelectorAll("tbody.change")).extracting(b -> {
            DomNode badge = b.querySelector("td[data-label=Name] .waiver");
            return badge == null ? "-" : badge.getTextContent();
        }).containsExactly("-", "waived by CHG-100, expires 2026-12-31", "-", "waiver CHG-200 expired on 2026-11-04", "-", "-");
        DomNode edge = changeNamed(page, "edge-seclist");
        expand(edge);
        assertThat(edge.querySelector(".waiver-note").asNormalizedText()).isEqualTo("Waiver: waiver CHG-200 expired on "
                + "2026-11-04: drift again. Reason: vendor access for the migration weekend");
        assertThat((DomNode) changeNamed(page, "prod-vcn-renamed").querySelector(".waiver-note")).isNull();
    }

    @Test
    void theWaiverFilterShowsOneStateAtATime() throws IOException {
        HtmlPage page = open(DRIFT);
        assertThat(options(page, "waiver")).containsExactly("", "expired", "unwaived", "waived");
        choose(page, "waiver", "expired");
        assertThat(shownNames(page)).containsExactly("edge-seclist");
        choose(page, "waiver", "unwaived");
        assertThat(shownNames(page)).containsExactly(ReportFixture.SCRIPT_NAME, "prod-admins", "prod-vcn-renamed", "db-2");
        choose(page, "kind", "MODIFIED");
        assertThat(shown(page)).isEqualTo("2 of 6 shown");
        choose(page, "waiver", "waived");
        assertThat(shownNames(page)).containsExactly("audit-logs");
        assertThat(scriptErrors).isEmpty();
    }

    @Test
    void theRuleTablesShowWhatEachWaiverAndSuppressRuleDid() throws IOException {
        HtmlPage page = open(DRIFT);
        assertThat(page.querySelectorAll("table.waivers tbody tr")).extracting(DomNode::asNormalizedText).containsExactly(
                "CHG-100\tocid1.bucket.oc1.iad.auditlogs\t" + ReportFixture.HOSTILE_REASON + "\t"
                        + ReportFixture.HOSTILE_APPROVER + "\t2026-11-01\t2026-12-31\tin force\t1",
                "CHG-200\tSecurityList at /ingressSecurityRules\tvendor access for the migration weekend\tann@example.com"
                        + "\t2026-11-01\t2026-11-04\texpired\t1",
                "CHG-300\tInstance in prod/*\ta launch that did not happen\tbo@example.com\t2026-11-02\t2027-01-01"
                        + "\tin force\t0");
        assertThat(page.querySelectorAll("table.suppressed tbody tr")).extracting(DomNode::asNormalizedText).containsExactly(
                "oke-node-pools\tevery change, by ocid1.nodepool.*\tOKE replaces its worker nodes itself\t1\t0",
                "autoscaling\tInstance, TRANSIENT, by ocid1.autoscalingconfiguration.*\tinstance pools scale with load\t0\t1");
        assertThat(page.querySelectorAll("h2")).extracting(DomNode::getTextContent)
                .containsSubsequence("Transient resources", "Waivers", "Suppressed by rules");
    }

    @Test
    void noMarkupFromTheWaiversOrTheBaselineIsLive() throws IOException {
        HtmlPage page = open(DRIFT);
        assertNoMarkupFromTheDataIsLive(page);
        assertThat(page.getElementsByTagName("b")).isEmpty();
        assertThat(page.getBody().getTextContent()).contains(ReportFixture.HOSTILE_APPROVER, ReportFixture.HOSTILE_REASON,
                "CAB-7 <b>signed</b>");
    }

    @Test
    void aReportWithoutBaselineOrWaiversHasNoComplianceSectionNorWaiverFilter() throws IOException {
        HtmlPage page = open(HTML);
        assertThat(page.getElementById("compliance")).isNull();
        assertThat(page.querySelectorAll(".waiver, table.waivers, table.suppressed, select[data-filter=waiver]")).isEmpty();
        assertThat(page.querySelectorAll(".card[data-tally=waived], .card[data-tally=suppressed]")).isEmpty();
    }

    @Test
    void aDriftWithoutChangesIsClean() throws IOException {
        Report drift = ReportFixture.drift();
        Report clean = new Report(drift.tenancyId(), drift.tenancyName(), drift.from(), drift.to(), drift.generatedAt(),
                List.of(), List.of(), List.of(), true, drift.rules(), drift.baseline(), drift.compartmentPaths(), List.of(),
                List.of());
        HtmlPage page = open(ReportFormat.HTML.render(clean));
        assertThat(scriptErrors).isEmpty();
        DomElement verdict = page.querySelector("#compliance p.verdict");
        assertThat(verdict.getAttribute("class")).isEqualTo("verdict clean");
        assertThat(verdict.asNormalizedText()).startsWith("Drift from baseline approved: 0 unwaived changes (0 waived, "
                + "2 suppressed)");
        assertThat(page.getElementById("compliance").asNormalizedText())
                .contains("Nothing in the baseline's scope changed since it was set.");
    }

    @Test
    void withoutJavaScriptTheComplianceSectionReadsTheSame() throws IOException {
        browser.getOptions().setJavaScriptEnabled(false);
        HtmlPage page = open(DRIFT);
        assertThat(page.querySelectorAll("#compliance table.compliance tbody tr")).hasSize(6)
                .allMatch(row -> ((HtmlElement) row).isDisplayed());
        assertThat(shownNames(page)).hasSize(6);
    }
}
