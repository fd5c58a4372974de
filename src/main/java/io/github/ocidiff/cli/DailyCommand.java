package io.github.ocidiff.cli;

import io.github.ocidiff.config.Config;
import io.github.ocidiff.job.DailyJob;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ocidiff daily}: the one command to schedule. */
@Command(name = "daily", mixinStandardHelpOptions = true,
        header = "The nightly job: snapshot, report, publish, prune.",
        description = {"The nightly job: today's snapshot, the report against the previous COMPLETE snapshot",
                "(an inventory on the first run), attributed through Audit, written to reports/YYYY-MM-DD/",
                "(json, html, md, csv), published (Object Storage, email) and pruned (retention.keepDays).",
                "Safe to re-run: it resumes and never publishes a day twice (unless --republish, or the day's snapshot"
                        + " is another one since, COMPLETE: a PARTIAL night's gaps filled).",
                "Exit 0 ok, 4 PARTIAL snapshot (report marked incomplete), 1 failure (e.g. publishing)."})
public final class DailyCommand extends BaseCommand implements Callable<Integer> {

    @Option(names = "--republish", description = "Upload and mail today's report again, even if it already was.")
    boolean republish;

    @Mixin
    AuditOption audit;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        Instant now = options.now();
        Config config = config();
        PrintWriter out = out();
        return Session.snapshotRun(config, DailyJob.SNAPSHOT, out, err(), (clients, planning, store) -> {
            DailyJob.Request request = new DailyJob.Request(republish, audit.access(config, () -> clients));
            DailyJob job = new DailyJob(store, clients, config);
            DailyJob.Outcome outcome = Progresses.with(options.quiet, out, progress ->
                    job.run(request, planning, now, progress));
            return DailySummary.print(outcome, out, err());
        });
    }
}
