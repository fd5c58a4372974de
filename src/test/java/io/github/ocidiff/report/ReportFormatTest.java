package io.github.ocidiff.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ocidiff.OcidiffException;
import org.junit.jupiter.api.Test;

class ReportFormatTest {

    @Test
    void parsesTheNamesUsersWriteInAnyCase() {
        assertThat(ReportFormat.parse("json")).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormat.parse("HTML")).isEqualTo(ReportFormat.HTML);
        assertThat(ReportFormat.parse("md")).isEqualTo(ReportFormat.MD);
        assertThat(ReportFormat.parse("Markdown")).isEqualTo(ReportFormat.MD);
        assertThat(ReportFormat.parse("Csv")).isEqualTo(ReportFormat.CSV);
    }

    @Test
    void anUnknownNameIsAUsageErrorThatListsTheFormats() {
        assertThatThrownBy(() -> ReportFormat.parse("pdf"))
                .isInstanceOfSatisfying(OcidiffException.class, e -> assertThat(e.exitCode()).isEqualTo(OcidiffException.USAGE))
                .hasMessage("--format pdf: unknown format; use json, html, md or csv");
        assertThatThrownBy(() -> ReportFormat.parse(""))
                .hasMessage("--format : unknown format; use json, html, md or csv");
    }

    @Test
    void eachFormatHasItsExtensionContentTypeAndRenderer() {
        Report report = ReportFixture.report();
        assertThat(ReportFormat.JSON.extension()).isEqualTo("json");
        assertThat(ReportFormat.JSON.contentType()).isEqualTo("application/json");
        assertThat(ReportFormat.JSON.render(report)).isEqualTo(JsonReport.render(report));
        assertThat(ReportFormat.HTML.extension()).isEqualTo("html");
        assertThat(ReportFormat.HTML.contentType()).isEqualTo("text/html;charset=utf-8");
        assertThat(ReportFormat.HTML.render(report)).startsWith("<!DOCTYPE html>");
        assertThat(ReportFormat.MD.extension()).isEqualTo("md");
        assertThat(ReportFormat.MD.contentType()).isEqualTo("text/markdown;charset=utf-8");
        assertThat(ReportFormat.MD.render(report)).isEqualTo(MarkdownReport.render(report));
        assertThat(ReportFormat.CSV.extension()).isEqualTo("csv");
        assertThat(ReportFormat.CSV.contentType()).isEqualTo("text/csv;charset=utf-8");
        assertThat(ReportFormat.CSV.render(report)).isEqualTo(CsvReport.render(report));
    }
}
