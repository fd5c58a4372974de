package io.github.ocidiff.cli;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.audit.OciAuditFeed;
import io.github.ocidiff.config.Config;
import io.github.ocidiff.job.AuditAccess;
import io.github.ocidiff.job.DiffJob;
import io.github.ocidiff.job.Planning;
import io.github.ocidiff.job.SnapshotJob;
import io.github.ocidiff.oci.Authenticator;
import io.github.ocidiff.oci.OciClients;
import io.github.ocidiff.store.Store;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

/** What the commands open from the configuration: the OCI clients and the store. */
final class Session {
    private Session() {
    }

    static OciClients connect(Config config) {
        var credentials = new Authenticator(Path.of(System.getProperty("user.home"))).authenticate(config.auth());
        return new OciClients(credentials, config.oci());
    }

    /** How a report reads Audit: not at all with --no-audit, else through the clients, connected when needed. */
    static AuditAccess audit(Config config, Supplier<OciClients> clients, boolean skip) {
        return skip ? new AuditAccess.Skip()
                : new AuditAccess.Read(() -> new OciAuditFeed(clients.get()), config.oci().concurrency().audit());
    }

    /** Opens the store, telling {@code err} of the snapshots an earlier run left unfinished, which it discarded. */
    static Store openStore(Config config, PrintWriter err) {
        return told(Store.open(config.store().path()), err);
    }

    private static Store told(Store store, PrintWriter err) {
        for (long id : store.discardedOnOpen()) {
            err.println("ocidiff: discarded snapshot " + id + ", left unfinished by an earlier run (stopped, killed or"
                    + " failed before its commit); the store holds what was committed before it");
        }
        err.flush();
        return store;
    }

    /**
     * {@link #openStore} for a command that reads the store, or changes it in a moment: it must exist, as it
     * would be made empty; a run that comes meanwhile waits for it.
     */
    static Store openExistingStore(Config config, PrintWriter err) {
        requireStore(config);
        return told(Store.openBriefly(config.store().path()), err);
    }

    /** {@link #openExistingStore} for a command that only reads: the file is left as it was (see Store#openToRead). */
    static Store openStoreToRead(Config config, PrintWriter err) {
        requireStore(config);
        return told(Store.openToRead(config.store().path()), err);
    }

    /**
     * Refuses a store path where no store is: a command that only reads would create an empty store there
     * and say it holds no snapshots, as if the history were gone.
     */
    static void requireStore(Config config) {
        Path file = config.store().file();
        if (!Files.exists(file)) {
            throw OcidiffException.usage("there is no store at " + file + ": 'ocidiff daily' or 'ocidiff snapshot'"
                    + " makes it there; else point --store (or store.path of " + config.origin() + ") at the store's"
                    + " file");
        }
    }

    /** A run that takes a snapshot: the OCI clients, Identity's plan for the snapshot and the store. */
    interface SnapshotRun {
        int run(OciClients clients, Planning planning, Store store);
    }

    /**
     * Runs {@code work} with the store open, then prints to {@code out} the compact rewrite that closing
     * made of the file, if it made one: seconds of disk writes after the command's own last line.
     */
    static <T> T withStore(Config config, PrintWriter out, PrintWriter err, Function<Store, T> work) {
        Store store = openStore(config, err);
        try (store) {
            return work.apply(store);
        } finally {
            store.rewrite().ifPresent(rewrite -> {
                out.println(rewrite.describe());
                out.flush();
            });
        }
    }

    /**
     * Opens the store for a report, which keeps the Audit events it matched: a store this user may not write (the
     * service's, a read-only mount) still gives reports, only those events are not kept.
     */
    static Store openForReport(Config config, PrintWriter err) {
        return Store.writable(config.store().path()) ? openExistingStore(config, err) : openStoreToRead(config, err);
    }

    /**
     * Connects, asks Identity what {@code request} covers while the store opens, and runs {@code run};
     * then prints the store's rewrite to {@code out} as {@link #withStore} does.
     */
    static int snapshotRun(Config config, SnapshotJob.Request request, PrintWriter out, PrintWriter err,
                           SnapshotRun run) {
        try (OciClients clients = connect(config)) {
            Planning planning = Planning.start(clients, config, request);
            if (!Files.exists(config.store().file())) {
                planning.await();
            }
            return withStore(config, out, err, store -> run.run(clients, planning, store));
        }
    }

    /**
     * Makes a report from the store (a diff, a drift) with OCI connected only if attribution reads Audit,
     * and prints the job's warnings to {@code err}.
     */
    static DiffJob.Result report(Config config, AuditOption audit, PrintWriter err,
                                 Function<DiffJob, DiffJob.Result> report) {
        DiffJob.Result result;
        try (Store store = openForReport(config, err); LazyClients clients = new LazyClients(config)) {
            result = report.apply(new DiffJob(store, config.rules(), audit.access(config, clients::get)));
        }
        result.warnings().forEach(w -> err.println("ocidiff: warning: " + w));
        return result;
    }
}
