package io.github.ocidiff.cli;

import io.github.ocidiff.job.DiffJob;
import io.github.ocidiff.report.ReportFormat;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ocidiff diff}: what changed between two snapshots, in one or several report formats. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        header = "Report what changed between two snapshots, and who did it.",
        description = {"Report what changed between two snapshots: created, deleted, modified and moved",
                "resources, property by property. FROM/TO: a snapshot id, a date (YYYY-MM-DD), latest,",
                "previous, or an age like 7d. Each change is attributed through Audit (events kept in the store",
                "for the pair, so a report renders again without Audit), else a CreatedBy tag."})
public final class DiffCommand extends BaseCommand implements Callable<Integer> {

    @Option(names = "--from", paramLabel = "FROM", description = "Older end (default: the snapshot before --to).")
    String from;

    @Option(names = "--to", defaultValue = "latest", paramLabel = "TO", description = "Newer end (default ${DEFAULT-VALUE}).")
    String to;

    @Mixin
    AuditOption audit;

    @Mixin
    ReportOutput output;

    @Override
    public Integer call() {
        List<ReportFormat> chosen = output.formats();
        DiffJob.Result result = Session.report(config(), audit, err(),
                job -> job.run(from, to, Instant.now()));
        output.write(result.report(), chosen, out());
        return 0;
    }
}
