package io.github.ocidiff.cli;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.job.DiffJob;
import io.github.ocidiff.report.JsonReport;
import io.github.ocidiff.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ocidiff diff}: what changed between two snapshots, as the report contract's JSON. */
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

    @Option(names = "--format", defaultValue = "json", paramLabel = "FORMAT",
            description = "Report format: json (html, md and csv are coming).")
    String format;

    @Option(names = "--no-audit", description = "Don't read Audit: actors only from CreatedBy tags.")
    boolean noAudit;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("json")) {
            throw OcidiffException.usage("--format " + format + ": only json is available so far");
        }
        DiffJob.Result result;
        try (Store store = Session.openStore(config()); LazyClients clients = new LazyClients(config())) {
            result = new DiffJob(store, config().rules(), Session.audit(config(), clients, noAudit))
                    .run(from, to, Instant.now());
        }
        result.warnings().forEach(w -> spec.commandLine().getErr().println("ocidiff: warning: " + w));
        String json = JsonReport.render(result.report());
        if (out == null) {
            out().print(json);
            out().flush();
        } else {
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.writeString(out, json);
            out().println("report written to " + out);
        }
        return 0;
    }
}
