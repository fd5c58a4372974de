package io.github.ocidiff.cli;

import io.github.ocidiff.config.Config;
import io.github.ocidiff.crawl.CrawlProgress;
import io.github.ocidiff.job.DailyJob;
import io.github.ocidiff.oci.OciClients;
import io.github.ocidiff.sim.TenancySource;
import io.github.ocidiff.store.Store;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Runs the nightly job over recorded or generated days, each with the clock of that day's end
 * (23:59:59 UTC), the simulator replaying the day: how {@code replay} loads a history and {@code demo}
 * shows one.
 */
final class NightlyReplay {
    private NightlyReplay() {
    }

    /** @return the last night's outcome */
    static DailyJob.Outcome run(TenancySource source, List<LocalDate> days, Config config, PrintWriter out,
                                PrintWriter err) {
        DailyJob.Outcome last = null;
        try (Store store = Session.openStore(config, err)) {
            for (LocalDate day : days) {
                source.selectDay(day);
                // New clients each night, as each nightly run is a new process: an outage that opened a
                // circuit breaker one night must not carry over to the next.
                try (OciClients clients = Session.connect(config)) {
                    last = new DailyJob(store, clients, config).run(
                            new DailyJob.Request(false, Session.audit(config, () -> clients, false)),
                            day.atTime(LocalTime.of(23, 59, 59)).toInstant(ZoneOffset.UTC), CrawlProgress.NONE);
                }
                if (!last.inventory()) { // the inventory's one warning is its summary line too
                    last.warnings().forEach(w -> err.println("ocidiff: " + day + ": warning: " + w));
                }
                last.failures().forEach(f -> err.println("ocidiff: " + f));
                out.println(DailySummary.line(last));
                out.flush();
            }
        }
        return last;
    }
}
