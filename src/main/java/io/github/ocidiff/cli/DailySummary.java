package io.github.ocidiff.cli;

import io.github.ocidiff.diff.ChangeKind;
import io.github.ocidiff.job.DailyJob;
import io.github.ocidiff.report.Report;
import io.github.ocidiff.report.ReportFormat;
import java.io.PrintWriter;

/** What the nightly job prints: its steps, then one summary line a person reads in the morning. */
final class DailySummary {
    private DailySummary() {
    }

    /** @return the exit code */
    static int print(DailyJob.Outcome outcome, PrintWriter out, PrintWriter err) {
        var s = outcome.snapshot().summary();
        if (outcome.snapshot().kept()) {
            out.printf("today's snapshot %d is COMPLETE with %s; kept%n", s.id(), SnapshotCommand.count(s.resources(), "resource"));
        } else {
            out.println(SnapshotCommand.summaryLine(outcome.snapshot()));
        }
        outcome.warnings().forEach(w -> err.println("ocidiff: warning: " + w));
        outcome.publishing().forEach(out::println);
        outcome.failures().forEach(f -> err.println("ocidiff: " + f));
        outcome.pruned().ifPresent(plan -> {
            out.println(plan.summary());
            plan.problems().forEach(p -> err.println("ocidiff: " + p)); // they make the exit code 1
        });
        out.println(line(outcome));
        out.flush();
        err.flush();
        return outcome.exitCode();
    }

    static String line(DailyJob.Outcome outcome) {
        Report r = outcome.report();
        String day = outcome.reportDir().getFileName().toString();
        String html = outcome.reportDir().resolve(ReportFormat.HTML.fileName()).toString();
        String coverage = r.complete() ? "coverage complete"
                : "coverage INCOMPLETE (" + SnapshotCommand.count(r.gaps().size(), "scope") + " not collected)";
        if (outcome.inventory()) {
            return String.format("%s: first run, an inventory of %s (changes are reported from the next run); %s; report %s",
                    day, SnapshotCommand.count(outcome.snapshot().summary().resources(), "resource"), coverage, html);
        }
        return String.format("%s: %d created, %d deleted, %d modified, %d moved, %d transient; %d unattributed; %s; "
                        + "report %s", day, r.count(ChangeKind.CREATED), r.count(ChangeKind.DELETED),
                r.count(ChangeKind.MODIFIED), r.count(ChangeKind.MOVED), r.transients().size(), r.unattributed(),
                coverage, html);
    }
}
