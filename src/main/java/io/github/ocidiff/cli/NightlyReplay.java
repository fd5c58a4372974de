package io.github.ocidiff.cli;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.config.Config;
import io.github.ocidiff.crawl.CrawlProgress;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.job.DailyJob;
import io.github.ocidiff.oci.OciClients;
import io.github.ocidiff.sim.TenancySource;
import io.github.ocidiff.store.Store;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs the nightly job over recorded or generated days, each with the clock of that day's end
 * (23:59:59 UTC), the simulator replaying the day: how {@code replay} loads a history and {@code demo}
 * shows one.
 */
final class NightlyReplay {
    private NightlyReplay() {
    }

    /**
     * The nights replayed: the last outcome (null when every night failed outright), the days whose night failed as
     * {@code daily} fails (exit 1: publishing, pruning, or no snapshot at all) and those whose snapshot was PARTIAL
     * (exit 4 on its own).
     */
    record Replayed(DailyJob.Outcome last, List<LocalDate> failed, List<LocalDate> partial) {

        /** As {@code daily} would have exited for the worst night: 1 over 4 over 0. */
        int exitCode() {
            return !failed.isEmpty() ? OcidiffException.RUNTIME : !partial.isEmpty() ? SnapshotCommand.PARTIAL : 0;
        }

        /** E.g. "1 of 3 nights PARTIAL (2026-11-03)", or empty when every night exited 0. */
        String problems(int nights) {
            List<String> parts = new ArrayList<>();
            if (!failed.isEmpty()) {
                parts.add(failed.size() + " of " + nights + " nights failed (" + days(failed) + ")");
            }
            if (!partial.isEmpty()) {
                parts.add(partial.size() + " of " + nights + " nights PARTIAL (" + days(partial) + ")");
            }
            return String.join("; ", parts);
        }

        private static String days(List<LocalDate> days) {
            return days.stream().map(LocalDate::toString).collect(Collectors.joining(", "));
        }
    }

    static Replayed run(TenancySource source, List<LocalDate> days, Config config, PrintWriter out, PrintWriter err) {
        DailyJob.Outcome last = null;
        List<LocalDate> failed = new ArrayList<>();
        List<LocalDate> partial = new ArrayList<>();
        try (Store store = Session.openStore(config, err)) {
            for (LocalDate day : days) {
                source.selectDay(day);
                // New clients each night, as each nightly run is a new process: an outage that opened a
                // circuit breaker one night must not carry over to the next, nor a night that failed stop the rest.
                try (OciClients clients = Session.connect(config)) {
                    last = new DailyJob(store, clients, config).run(
                            new DailyJob.Request(false, Session.audit(config, () -> clients, false)),
                            day.atTime(LocalTime.of(23, 59, 59)).toInstant(ZoneOffset.UTC), CrawlProgress.NONE);
                } catch (OcidiffException e) {
                    err.println("ocidiff: " + day + ": " + e.getMessage());
                    failed.add(day);
                    continue;
                }
                if (!last.inventory()) { // the inventory's one warning is its summary line too
                    last.warnings().forEach(w -> err.println("ocidiff: " + day + ": warning: " + w));
                }
                last.failures().forEach(f -> err.println("ocidiff: " + f));
                if (last.exitCode() == OcidiffException.RUNTIME) {
                    failed.add(day);
                }
                if (last.report().to().status() == SnapshotStatus.PARTIAL) {
                    partial.add(day);
                }
                out.println(DailySummary.line(last));
                out.flush();
            }
        }
        return new Replayed(last, List.copyOf(failed), List.copyOf(partial));
    }
}
