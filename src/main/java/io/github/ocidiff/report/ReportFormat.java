package io.github.ocidiff.report;

import io.github.ocidiff.OcidiffException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The formats a report is written in: the JSON contract for tools, and HTML, Markdown and CSV for people. */
public enum ReportFormat {
    JSON("json", "application/json", JsonReport::render),
    HTML("html", "text/html;charset=utf-8", HtmlReport::render),
    MD("md", "text/markdown;charset=utf-8", MarkdownReport::render),
    CSV("csv", "text/csv;charset=utf-8", CsvReport::render);

    private final String extension;
    private final String contentType;
    private final Function<Report, String> renderer;

    ReportFormat(String extension, String contentType, Function<Report, String> renderer) {
        this.extension = extension;
        this.contentType = contentType;
        this.renderer = renderer;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /**
     * The MIME type for Object Storage uploads and email attachments, written without a space before the
     * charset the way the SDK's HTTP client sends it, so that what Object Storage stores reads back the same.
     */
    public String contentType() {
        return contentType;
    }

    public String render(Report report) {
        return renderer.apply(report);
    }

    /** The format a file name's extension names, if any. */
    public static Optional<ReportFormat> ofExtension(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equalsIgnoreCase(extension)).findFirst();
    }

    /** json, html, md (or markdown) or csv, in any case, as users write them after --format. */
    public static ReportFormat parse(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "json" -> JSON;
            case "html" -> HTML;
            case "md", "markdown" -> MD;
            case "csv" -> CSV;
            default -> throw OcidiffException.usage("--format " + name + ": unknown format; use json, html, md or csv");
        };
    }
}
