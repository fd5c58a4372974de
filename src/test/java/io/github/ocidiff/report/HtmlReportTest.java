package io.github.ocidiff.report;

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
    private static final String HTML = HtmlReport.render(ReportFixture.report());

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
        page.querySelectorAll("tbody.change").forEach(HtmlReportTest::expand); // expanded content is live DOM too
        assertThat(page.executeJavaScript("typeof window.pwned").getJavaScriptResult()).isEqualTo("undefined");
        assertThat(page.getElementsByTagName("img")).isEmpty();
        assertThat(page.getElementsByTagName("script")).hasSize(1);
        for (DomElement element : page.getDomElementDescendants()) {
            element.getAttributesMap().keySet().forEach(attribute ->
                    assertThat(attribute).as("event handler on <%s>", element.getTagName()).doesNotStartWith("on"));
        }
        String text = page.getBody().getTextContent();
        assertThat(text).contains(ReportFixture.SCRIPT_NAME, ReportFixture.IMG_PRINCIPAL, ReportFixture.FORMULA_NAME);
        assertThat(scriptErrors).isEmpty();
    }

    @Test
    void theContentSecurityPolicyAdmitsExactlyThePagesOwnScriptAndStylesheet() throws IOException {
        HtmlPage page = open(HTML);
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
        HtmlPage page = open(HTML);
        for (DomElement element : page.getDomElementDescendants()) {
            element.getAttributesMap().forEach((name, attribute) -> {
                if (name.matches("(?i)(xlink:)?(src|href|action|formaction|poster|data|background|srcset)")) {
                    assertThat(attribute.getValue()).as("%s of <%s>", name, element.getTagName()).startsWith("#");
                }
            });
        }
        assertThat(HTML).doesNotContainIgnoringCase("@import");
        Matcher url = Pattern.compile("(?i)url\\(\\s*['\"]?(?!data:)").matcher(HTML);
        assertThat(url.find()).as("url() outside data:").isFalse();
        assertThat(HTML).doesNotContainPattern("(?i)(src|href)\\s*=\\s*['\"]?\\s*(https?:|//)");
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
                "2026-10-29 23:59:59 UTC: 5 changes (snapshot #9, COMPLETE)",
                "2026-10-30 23:59:59 UTC: 4 changes (snapshot #10, COMPLETE)",
                "2026-10-31 23:59:59 UTC: 0 changes (snapshot #11, COMPLETE)",
                "2026-11-01 23:59:59 UTC: 12 changes (snapshot #12, PARTIAL)",
                "2026-11-02 23:59:59 UTC: 7 changes (snapshot #13, COMPLETE)");
        assertThat(page.querySelectorAll("svg.trend rect.bar.partial")).hasSize(1);
    }

    @Test
    void aReportWithoutChangesSaysSo() throws IOException {
        Report report = ReportFixture.report();
        Report empty = new Report(report.tenancyId(), null, report.from(), report.to(), report.generatedAt(), List.of(),
                List.of(), List.of(), true, RuleResults.ignoredOnly(List.of()), Optional.empty(), report.compartmentPaths(), List.of(), List.of());
        HtmlPage page = open(HtmlReport.render(empty));
        assertThat(scriptErrors).isEmpty();
        assertThat(page.getTitleText()).isEqualTo("ocidiff report: " + ReportFixture.TENANCY);
        assertThat(page.getBody().asNormalizedText()).contains("No resource changed between these snapshots.",
                "Every region and compartment of both snapshots was fully collected.",
                "No earlier nights in the store to chart.");
        assertThat(page.querySelectorAll(".banner")).isEmpty();
    }
}
