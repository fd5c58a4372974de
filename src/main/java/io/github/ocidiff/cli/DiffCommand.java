package io.github.ocidiff.cli;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.job.DiffJob;
import io.github.ocidiff.job.ReportFiles;
import io.github.ocidiff.report.ReportFormat;
import io.github.ocidiff.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ocidiff diff}: what changed between two snapshots, in one or several report formats. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Report what changed between two snapshots: created, deleted, modified and moved",
                "resources, property by property. FROM/TO: a snapshot id, a date (YYYY-MM-DD), latest,",
                "previous, or an age like 7d. Each change is attributed through Audit (events kept in the store",
                "for the pair, so a report renders again without Audit), else a CreatedBy tag."})
public final class DiffCommand extends BaseCommand implements Callable<Integer> {

    @Option(names = "--from", defaultValue = "previous", paramLabel = "FROM", description = "Older end (default ${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--to", defaultValue = "latest", paramLabel = "TO", description = "Newer end (default ${DEFAULT-VALUE}).")
    String to;

    @Option(names = "--format", split = ",", paramLabel = "FORMAT",
            description = "json (default), html, md or csv; several with --format html,md or repeated.")
    List<String> formats = new ArrayList<>();

    @Option(names = "--no-audit", description = "Don't read Audit: actors only from CreatedBy tags.")
    boolean noAudit;

    @Option(names = "--out", paramLabel = "DIR|FILE",
            description = {"Write to FILE (one format) or into DIR as report.json, report.html, ...",
                    "Without it, the one format goes to standard output."})
    Path out;

    @Override
    public Integer call() {
        List<ReportFormat> chosen = new ArrayList<>(new LinkedHashSet<>(
                (formats.isEmpty() ? List.of("json") : formats).stream().map(ReportFormat::parse).toList()));
        boolean intoFolder = out != null && (chosen.size() > 1 || Files.isDirectory(out) || out.toString().endsWith("/"));
        if (out == null && chosen.size() > 1) {
            throw OcidiffException.usage("--format: " + chosen.size() + " formats need --out DIR to write them into");
        }
        DiffJob.Result result;
        try (Store store = Session.openStore(config()); LazyClients clients = new LazyClients(config())) {
            result = new DiffJob(store, config().rules(), Session.audit(config(), clients::get, noAudit))
                    .run(from, to, Instant.now());
        }
        result.warnings().forEach(w -> spec.commandLine().getErr().println("ocidiff: warning: " + w));
        if (out == null) {
            out().print(chosen.get(0).render(result.report()));
            out().flush();
        } else if (intoFolder) {
            for (Path file : ReportFiles.write(result.report(), chosen, out)) {
                out().println("report written to " + file);
            }
        } else {
            ReportFiles.writeAtomically(out, chosen.get(0).render(result.report()));
            out().println("report written to " + out);
        }
        return 0;
    }
}
