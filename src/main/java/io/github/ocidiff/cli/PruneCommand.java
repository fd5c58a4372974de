package io.github.ocidiff.cli;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.config.Config;
import io.github.ocidiff.job.Retention;
import io.github.ocidiff.job.RetentionPlan;
import io.github.ocidiff.store.Store;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ocidiff prune}: retention on demand (the nightly job applies retention.keepDays itself). */
@Command(name = "prune", mixinStandardHelpOptions = true,
        header = "Remove snapshots and reports older than N days.",
        description = {"Remove snapshots, local report folders and published reports older than N days. The states",
                "and diffs of the snapshots kept do not change; the latest COMPLETE snapshot is always kept."})
public final class PruneCommand extends BaseCommand implements Callable<Integer> {

    @Option(names = "--keep-days", paramLabel = "N", description = "Days to keep, today included (default: retention.keepDays).")
    Integer keepDays;

    @Option(names = "--dry-run", description = "Show what would be removed; remove nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        Config config = config();
        int days = keepDays != null ? keepDays : config.retention().keepDays();
        if (days == 0) {
            throw OcidiffException.usage(keepDays != null ? "prune: --keep-days 0 keeps everything: nothing to do;"
                    + " pass the number of days to keep, e.g. --keep-days 90"
                    : "prune: nothing to do: retention.keepDays is 0 (keep everything); pass --keep-days N");
        }
        Session.requireStore(config);
        PrintWriter out = out();
        return Session.withStore(config, out, err(), store -> {
            try (LazyClients clients = new LazyClients(config)) {
                return prune(store, clients, config, days, out);
            }
        });
    }

    private int prune(Store store, LazyClients clients, Config config, int days, PrintWriter out) {
        RetentionPlan plan = new Retention(store, config, clients::get)
                .apply(LocalDate.now(ZoneOffset.UTC), days, dryRun);
        plan.snapshots().forEach(s -> out.printf("%s snapshot %d (%s, %s)%n", dryRun ? "would remove" : "removed",
                s.id(), s.day(), s.status()));
        plan.reportDirs().forEach(d -> out.println((dryRun ? "would remove " : "removed ") + d));
        plan.keptDirs().forEach(d -> out.println((dryRun ? "would remove the reports in " : "removed the reports in ")
                + d + ", not the folder: it holds files ocidiff did not write"));
        plan.objects().forEach(o -> out.println((dryRun ? "would delete object " : "deleted object ") + o));
        plan.problems().forEach(p -> err().println("ocidiff: warning: " + p));
        out.println(plan.summary());
        return plan.problems().isEmpty() ? 0 : OcidiffException.RUNTIME;
    }
}
