package io.github.ocidiff.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReportFileTest {

    @Test
    void theExtensionGivesTheContentType() {
        assertThat(ReportFile.of(Path.of("reports/2026-11-25/report.html")))
                .isEqualTo(new ReportFile(Path.of("reports/2026-11-25/report.html"), "report.html", "text/html;charset=utf-8"));
        assertThat(ReportFile.of(Path.of("report.json")).contentType()).isEqualTo("application/json");
        assertThat(ReportFile.of(Path.of("report.md")).contentType()).isEqualTo("text/markdown;charset=utf-8");
        assertThat(ReportFile.of(Path.of("report.CSV")).contentType()).isEqualTo("text/csv;charset=utf-8");
        assertThat(ReportFile.of(Path.of("report.pdf")).contentType()).isEqualTo("application/octet-stream");
    }

    @Test
    void theNameIsOnePathSegment() {
        assertThatThrownBy(() -> new ReportFile(Path.of("a"), "2026/report.html", "text/html"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a report file name is one non-empty path segment, got \"2026/report.html\"");
        assertThatThrownBy(() -> new ReportFile(Path.of("a"), " ", "text/html")).isInstanceOf(IllegalArgumentException.class);
    }
}
