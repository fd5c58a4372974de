package io.github.ocidiff.publish;

import io.github.ocidiff.report.ReportFormat;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * One file of a day's report, as it is published: an object {@code {prefix}YYYY/MM/DD/{name}} and a mail
 * attachment called {@code name}.
 *
 * @param path        the rendered file on disk
 * @param name        the last segment of the object name and the attachment's file name, e.g. report.html
 * @param contentType the MIME type sent with it, e.g. {@code text/html;charset=utf-8} (written the way the
 *                    SDK's HTTP client sends it, so that what Object Storage stores reads back the same)
 */
public record ReportFile(Path path, String name, String contentType) {

    public ReportFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(contentType, "contentType");
        if (name == null || name.isBlank() || name.contains("/")) {
            throw new IllegalArgumentException("a report file name is one non-empty path segment, got \"" + name + "\"");
        }
    }

    /** The file under its own name, typed by its extension (json, html, md, csv; anything else as bytes). */
    public static ReportFile of(Path path) {
        String name = path.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return new ReportFile(path, name, ReportFormat.ofExtension(extension).map(ReportFormat::contentType)
                .orElse("application/octet-stream"));
    }
}
