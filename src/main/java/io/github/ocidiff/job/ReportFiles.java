package io.github.ocidiff.job;

import io.github.ocidiff.report.Report;
import io.github.ocidiff.report.ReportFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a report's files: {@code report.json}, {@code report.html}, ... in one folder. */
public final class ReportFiles {
    private ReportFiles() {
    }

    /** Renders each format into {@code dir}/report.EXT, replacing files atomically; returns them in order. */
    public static List<Path> write(Report report, List<ReportFormat> formats, Path dir) {
        List<Path> files = new ArrayList<>();
        for (ReportFormat format : formats) {
            Path file = dir.resolve(format.fileName());
            writeAtomically(file, format, report);
            files.add(file);
        }
        return files;
    }

    /**
     * Renders the report into {@code file} as it renders it, through a temporary file and a rename, so that a reader
     * (or a crash) never sees half a report.
     */
    public static void writeAtomically(Path file, ReportFormat format, Report report) {
        AtomicFile.write(file, out -> format.write(report, out), "the report");
    }
}
