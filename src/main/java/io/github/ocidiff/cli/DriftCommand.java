package io.github.ocidiff.cli;

import io.github.ocidiff.job.DiffJob;
import io.github.ocidiff.report.Report;
import io.github.ocidiff.report.ReportFormat;
import io.github.ocidiff.store.Baseline;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ocidiff drift}: what differs from an approved baseline, and whether a waiver covers it. */
@Command(name = "drift", mixinStandardHelpOptions = true,
        header = "Report the drift from an approved baseline.",
        description = {"Report the drift from an approved baseline: the changes from its snapshot",
                "to AT, narrowed to the compartments and types it covers, with their actors,",
                "after the suppress rules, each marked waived or not by the configured",
                "waivers (as of AT's day). Exit 0; with --fail-on-drift, 3 when a change no",
                "waiver in force covers exists, else 4 when coverage is incomplete (drift",
                "can't be ruled out)."})
public final class DriftCommand extends BaseCommand implements Callable<Integer> {

    static final int DRIFT = 3;
    static final int INCOMPLETE = 4;

    @Option(names = "--baseline", required = true, paramLabel = "NAME", description = "The approved state (ocidiff baseline list).")
    String baseline;

    @Option(names = "--at", defaultValue = "latest", paramLabel = "AT",
            description = "The snapshot to check: an id, a date, latest (default), previous or an age like 7d.")
    String at;

    @Option(names = "--fail-on-drift", description = "Exit 3 when unwaived drift exists (for pipelines and scheduled checks).")
    boolean failOnDrift;

    @Mixin
    AuditOption audit;

    @Mixin
    ReportOutput output;

    @Override
    public Integer call() {
        List<ReportFormat> chosen = output.formats();
        PrintWriter err = err();
        DiffJob.Result result = Session.report(config(), audit, err, job -> job.drift(baseline, "--at", at, Instant.now()));
        Report report = result.report();
        output.write(report, chosen, out());
        // With the report on standard output, the verdict goes to standard error so the output stays parseable.
        (output.toStdout() ? err : out()).println(verdict(report));
        if (!failOnDrift) {
            return 0;
        }
        if (report.unwaived() > 0) {
            return DRIFT;
        }
        return report.complete() ? 0 : INCOMPLETE;
    }

    /** "drift from baseline q4 (snapshot 3, 2026-11-01) to snapshot 7 (2026-11-05): 4 unwaived, 1 waived, 2 suppressed". */
    static String verdict(Report report) {
        Baseline b = report.baseline().orElseThrow();
        return String.format("drift from baseline %s (snapshot %s, %s) to snapshot %s (%s): %d unwaived, %d waived, "
                        + "%d suppressed%s", b.name(), report.from().snapshotId(), report.from().takenAt(),
                report.to().snapshotId(), report.to().takenAt(), report.unwaived(), report.waived(),
                report.rules().suppressedTotal(), report.complete() ? "" : "; coverage INCOMPLETE");
    }
}
