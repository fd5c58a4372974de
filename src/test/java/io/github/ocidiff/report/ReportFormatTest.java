package io.github.ocidiff.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.ocidiff.OcidiffException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
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
        assertThat(ReportFormat.JSON.render(report)).startsWith("{\n  \"schemaVersion\" : 1,");
        assertThat(ReportFormat.HTML.extension()).isEqualTo("html");
        assertThat(ReportFormat.HTML.contentType()).isEqualTo("text/html;charset=utf-8");
        assertThat(ReportFormat.HTML.render(report)).startsWith("<!DOCTYPE html>");
        assertThat(ReportFormat.MD.extension()).isEqualTo("md");
        assertThat(ReportFormat.MD.contentType()).isEqualTo("text/markdown;charset=utf-8");
        assertThat(ReportFormat.MD.render(report)).startsWith("# ocidiff report");
        assertThat(ReportFormat.CSV.extension()).isEqualTo("csv");
        assertThat(ReportFormat.CSV.contentType()).isEqualTo("text/csv;charset=utf-8");
        assertThat(ReportFormat.CSV.render(report)).startsWith("kind,");
    }

    /**
     * A large report goes to its writer in pieces of some 64 KB, never built whole; what arrives is exactly the
     * report, and the JSON exactly what serializing its whole tree at once writes.
     */
    @Test
    void aLargeReportIsWrittenInPiecesAndStaysTheSame() throws Exception {
        Report large = ReportFixture.repeated(1_000);
        for (ReportFormat format : ReportFormat.values()) {
            List<Integer> writes = new ArrayList<>();
            StringBuilder whole = new StringBuilder();
            Writer recording = new Writer() {
                @Override
                public void write(char[] text, int offset, int length) {
                    writes.add(length);
                    whole.append(text, offset, length);
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            format.write(large, recording);
            assertThat(whole.length()).as(format.name()).isGreaterThan(2_000_000);
            assertThat(writes).as(format.name()).hasSizeGreaterThan(10).allMatch(n -> n < 1_000_000);
            assertThat(whole.toString()).as(format.name()).isEqualTo(format.render(large));
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        String streamed = ReportFormat.JSON.render(large);
        assertThat(streamed).isEqualTo(json.writeValueAsString(json.readTree(streamed)) + "\n");
    }
}
