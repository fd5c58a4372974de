package io.github.ocidiff.cli;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.job.ReportFiles;
import io.github.ocidiff.report.Report;
import io.github.ocidiff.report.ReportFormat;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Option;

/** Where the commands that render one report put it: --format and --out (diff, drift). */
final class ReportOutput {

    /** As written, split here: picocli's own split drops empty names, so that `--format ,` read as no --format. */
    @Option(names = "--format", paramLabel = "FORMAT",
            description = "json (default), html, md or csv; several with --format html,md or repeated.")
    List<String> formats = new ArrayList<>();

    /** As written: a Path drops the trailing "/" that says a folder is meant. */
    @Option(names = "--out", paramLabel = "DIR|FILE",
            description = {"Write to FILE (one format) or into DIR as report.json, report.html, ... (a DIR/ with its",
                    "slash, or one that exists). Without it, the one format goes to standard output."})
    String outText;

    /** The chosen formats, checked before any work is done: several need a folder to go into. */
    List<ReportFormat> formats() {
        List<String> names = formats.isEmpty() ? List.of("json")
                : formats.stream().flatMap(written -> Arrays.stream(written.split(",", -1))).toList();
        if (names.stream().anyMatch(String::isBlank)) {
            throw OcidiffException.usage("--format " + String.join(",", formats) + ": a format name is missing; use"
                    + " json, html, md or csv, several separated by commas (--format html,md)");
        }
        List<ReportFormat> chosen = new ArrayList<>(new LinkedHashSet<>(names.stream().map(ReportFormat::parse).toList()));
        Path out = out();
        if (out == null && chosen.size() > 1) {
            throw OcidiffException.usage("--format: " + chosen.size() + " formats need --out DIR to write them into");
        }
        String name = out == null || out.getFileName() == null ? "" : out.getFileName().toString();
        if (chosen.size() > 1 && !Files.isDirectory(out)
                && ReportFormat.ofExtension(name.substring(name.lastIndexOf('.') + 1)).isPresent()) {
            throw OcidiffException.usage("--out " + outText + " names a file, and " + chosen.size() + " formats need"
                    + " a folder to go into; give one, e.g. --out reports/");
        }
        return chosen;
    }

    private Path out() {
        try {
            return outText == null ? null : Path.of(outText);
        } catch (InvalidPathException e) {
            throw OcidiffException.usage("--out " + outText + ": not a file path (" + e.getReason() + ")");
        }
    }

    /** Whether the report goes to standard output (then nothing else may be printed there). */
    boolean toStdout() {
        return outText == null;
    }

    /** Renders the report to standard output, to --out FILE, or into --out DIR, saying where it went. */
    void write(Report report, List<ReportFormat> chosen, PrintWriter stdout) {
        Path out = out();
        boolean intoFolder = out != null
                && (chosen.size() > 1 || Files.isDirectory(out) || outText.endsWith("/")
                || outText.endsWith(File.separator));
        if (out == null) {
            try {
                chosen.get(0).write(report, stdout);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a PrintWriter does not throw: it sets its error flag
            }
            stdout.flush();
        } else if (intoFolder) {
            for (Path file : ReportFiles.write(report, chosen, out)) {
                stdout.println("report written to " + file);
            }
        } else {
            ReportFiles.writeAtomically(out, chosen.get(0), report);
            stdout.println("report written to " + out);
        }
    }
}
