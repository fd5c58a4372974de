package io.github.ocidiff.report;

import io.github.ocidiff.OcidiffException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats a report is written in: the JSON contract for tools, and HTML, Markdown and CSV for people. */
public enum ReportFormat {
    JSON("json", "application/json", JsonReport::write),
    HTML("html", "text/html;charset=utf-8", HtmlReport::write),
    MD("md", "text/markdown;charset=utf-8", MarkdownReport::write),
    CSV("csv", "text/csv;charset=utf-8", CsvReport::write);

    private final String extension;
    private final String contentType;
    private final Renderer renderer;

    /** Writes a report in one format. */
    private interface Renderer {
        void write(Report report, Writer out) throws IOException;
    }

    ReportFormat(String extension, String contentType, Renderer renderer) {
        this.extension = extension;
        this.contentType = contentType;
        this.renderer = renderer;
    }

    /** The name of a report's file in this format, e.g. {@code report.html}: the same for every report. */
    public String fileName() {
        return "report." + extension;
    }

    /** The format whose report file is named {@code name}; empty for any other file. */
    public static Optional<ReportFormat> ofFileName(String name) {
        return Arrays.stream(values()).filter(f -> f.fileName().equals(name)).findFirst();
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

    /** Writes the report to {@code out} as it renders it, never whole in memory: large ones run to 100 MB. */
    public void write(Report report, Writer out) throws IOException {
        renderer.write(report, out);
    }

    /**
     * Writes the report to {@code out} in UTF-8 as it renders it, and flushes it; {@code out} stays open (a
     * file being written, an entry of an evidence pack's zip).
     */
    public void write(Report report, OutputStream out) throws IOException {
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        write(report, text);
        text.flush();
    }

    /** The report as one string, for small ones (a test's). */
    public String render(Report report) {
        StringWriter text = new StringWriter();
        try {
            write(report, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
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
