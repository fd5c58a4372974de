package io.github.ocidiff.store;

import static io.github.ocidiff.store.jooq.Tables.RESOURCE_VERSION;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.crawl.Compartment;
import io.github.ocidiff.crawl.Narrowing;
import io.github.ocidiff.crawl.ScopeCoverage;
import io.github.ocidiff.crawl.SnapshotWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.h2.mvstore.tx.TransactionStore;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The snapshot store: one H2 file ({@code <prefix>.mv.db}), one writer at a time (a lock file
 * {@code <prefix>.lock} beside it), snapshots that become visible only when committed.
 */
public final class Store implements AutoCloseable {

    private static final Set<String> SOURCES = Set.of("crawl", "import");
    /**
     * From this many resources on, a snapshot builds the keys a first night left out beside its crawl;
     * below, before it writes its first page: in under half a second, and the night then runs as any other.
     */
    private static final int KEYS_BESIDE_CRAWL_FROM = 100_000;
    /** A daemon thread per build of the deferred keys: a store closed mid-build waits for it anyway. */
    private static final Executor KEY_BUILDER = build -> {
        Thread thread = new Thread(build, "ocidiff-key-builder");
        thread.setDaemon(true);
        thread.start();
    };
    /**
     * Closing after a write rewrites the file when this much of it is dead, in percent: a night at 1%
     * churn leaves some 10-13%, and the file between runs stays within 1/0.9 of its live data.
     */
    static final int DEAD_PERCENT_TO_COMPACT = 10;
    /** Enough for crawl threads writing while a reader streams two cursors at once. */
    private static final int CONNECTIONS = 8;

    static {
        // jOOQ greets on first use; ocidiff's output is its own.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        // H2 passes every value it reads through a cache shared by all threads, hashing each string to find
        // its slot: on a first night of a million resources, a tenth of building the deferred keys. The
        // store reads rows as streams and keeps none, so the cache saves nothing. Read once, when H2 loads.
        if (System.getProperty("h2.objectCache") == null) {
            System.setProperty("h2.objectCache", "false");
        }
    }

    private final Path file;
    private final StoreLock lock;
    /** The open intervals saved by the latest commit, for the next snapshot to read instead of scanning. */
    private final OpenIntervalFile openIntervals;
    private final JdbcConnectionPool pool;
    /** Opened by {@link #openToRead} read-only: writing fails. */
    private final boolean readOnly;
    private final DSLContext dsl;
    /** Set once a snapshot in progress was cleaned up after: see {@link #discardInterrupted}. */
    private DeferredKeys keys;
    private StagedSnapshotWriter writer;
    /** Whether this session wrote (a snapshot, a deletion, a clean-up), so that closing compacts the file. */
    private boolean wrote;
    /** False for a command that only reads: a rewrite its clean-up warrants is left to the next run that writes. */
    private boolean compactOnClose = true;
    /** Set by {@link #close} when it rewrote the file. */
    private StoreRewrite rewrite;
    /** The snapshots {@link #discardInterrupted} discarded as this store opened. */
    private List<Long> discarded = List.of();

    private Store(Path file, StoreLock lock, JdbcConnectionPool pool, boolean readOnly) {
        this.file = file;
        this.lock = lock;
        this.readOnly = readOnly;
        this.openIntervals = OpenIntervalFile.beside(file);
        this.pool = pool;
        this.dsl = DSL.using(pool, SQLDialect.H2, new Settings().withExecuteLogging(false));
    }

    /**
     * Opens (creating it and its folders if needed) the store {@code <pathPrefix>.mv.db}, migrates its
     * schema and discards any snapshot a crashed run left uncommitted.
     *
     * @throws OcidiffException when another run holds the store, or the file is not a usable ocidiff store
     */
    public static Store open(Path pathPrefix) {
        return open(pathPrefix, StoreLock.Hold.RUN, false);
    }

    /**
     * {@link #open} for a command that holds the store for seconds (a report, a listing): a run that comes
     * meanwhile waits for it rather than fail (see {@link StoreLock}).
     */
    public static Store openBriefly(Path pathPrefix) {
        return open(pathPrefix, StoreLock.Hold.BRIEF, false);
    }

    /**
     * {@link #openBriefly} for a command that only reads (a listing, a resource's history): H2 opens the file
     * read-only, so that it stays byte for byte as it was, where H2 writes a chunk of its own each time it closes a
     * database opened to write (400 `history` runs doubled a small store until a night rewrote it). A store that
     * needs writing first (its schema to migrate, a snapshot a stopped run left, keys a first night left out) is
     * opened to write, as {@link #openBriefly} does; writing to a store opened to read fails.
     */
    public static Store openToRead(Path pathPrefix) {
        return open(pathPrefix, StoreLock.Hold.BRIEF, true);
    }

    private static Store open(Path pathPrefix, StoreLock.Hold hold, boolean toRead) {
        Path prefix = pathPrefix.toAbsolutePath().normalize();
        Path file = Path.of(prefix + ".mv.db");
        JsonBodies.requireCodec();
        try {
            Files.createDirectories(prefix.getParent());
        } catch (IOException e) {
            throw OcidiffException.runtime("cannot create the folder of the store " + file + ": " + e
                    + "; check store.path and the folder's permissions", e);
        }
        StoreLock lock = StoreLock.acquire(Path.of(prefix + ".lock"), file, hold, toRead && Files.exists(file));
        DiskFailure.opened(file);
        // A stopped run (SIGTERM) ends as a killed one does, which the next open cleans up after: H2 closing
        // the database in its own shutdown hook failed the writes still running, which then told of errors.
        // And no ocidiff.trace.db beside the store: ocidiff reports failures itself (--verbose: with traces).
        String url = "jdbc:h2:file:" + prefix + ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0";
        String toWriteFirst = null;
        if (toRead && Files.exists(file)) {
            JdbcConnectionPool readOnly = JdbcConnectionPool.create(url + ";ACCESS_MODE_DATA=r", "sa", "");
            try {
                readOnly.setMaxConnections(CONNECTIONS);
                StoreFileCheck.requireIntact(file);
                requireReadable(readOnly, file);
                Store store = new Store(file, lock, readOnly, true);
                boolean current = Migrations.current(readOnly, file);
                List<Long> running = current ? SnapshotRows.running(store.dsl) : List.of();
                toWriteFirst = !current ? "it was written by an older ocidiff, which upgrades it"
                        : !running.isEmpty() ? "an earlier run left snapshot " + running.get(0) + " unfinished (stopped"
                        + " or killed), which must be discarded" : !DeferredKeys.missing(store.dsl).isEmpty()
                        ? "its first night left keys to build" : null;
                if (toWriteFirst == null) {
                    store.keys = DeferredKeys.of(store.dsl);
                    return store;
                }
                readOnly.dispose();
            } catch (RuntimeException e) {
                readOnly.dispose();
                lock.close();
                throw e;
            }
        }
        requireWritable(file, lock, toWriteFirst);
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        try {
            pool.setMaxConnections(CONNECTIONS);
            StoreFileCheck.requireIntact(file);
            requireReadable(pool, file);
            // An upgrade may copy whole tables (V6 copies both resource tables), which H2 does by inserting
            // their rows anew: row ids change, and the saved latest state names intervals by row id. Deleted
            // before migrating, so that a run killed after the upgrade cannot find it either.
            boolean migrated = Migrations.apply(pool, file, () -> OpenIntervalFile.beside(file).delete());
            Store store = new Store(file, lock, pool, false);
            store.discardInterrupted();
            // Closing compacts what the copies left dead; not for a command that only reads, which wrote only to
            // discard or upgrade: the next run that writes does, and a full disk does not cost the listing.
            store.wrote |= migrated;
            store.compactOnClose = !toRead;
            return store;
        } catch (RuntimeException e) {
            pool.dispose();
            lock.close();
            throw e;
        }
    }

    /**
     * H2 opens a file it may not write read-only, and the first write then fails in SQL ("The database is read
     * only"): a store made by another user (a first run as root, the service as its own user) is told as such.
     *
     * @param toWriteFirst why a command that only reads must write the store first, or null
     */
    private static void requireWritable(Path file, StoreLock lock, String toWriteFirst) {
        if (Files.exists(file) && !Files.isWritable(file)) {
            lock.close();
            throw OcidiffException.runtime("the store " + file + " is read-only to this user ("
                    + System.getProperty("user.name") + ")" + (toWriteFirst == null ? ""
                    : ", and before it can be read " + toWriteFirst) + "; run ocidiff as the user that owns it"
                    + (toWriteFirst == null ? "" : " once (any command, e.g. `ocidiff snapshots`)")
                    + ", or give this one write access to it and its folder", null);
        }
    }

    private static void requireReadable(JdbcConnectionPool pool, Path file) {
        try (Connection ignored = pool.getConnection()) {
            // Opening the first connection opens (or creates) the database file.
        } catch (SQLException e) {
            DiskFailure.throwIfFound(e, file);
            throw StoreFileCheck.unopenable(file, Migrations.firstLine(e.getMessage()), e);
        }
    }

    /**
     * A crash (even kill -9) mid-snapshot leaves a RUNNING row, staging rows, and the new resources it
     * wrote (intervals valid from it, versions first stored by it), nothing else; in an empty store, it
     * also leaves the keys it deferred missing.
     */
    private void discardInterrupted() {
        List<Long> running = SnapshotRows.running(dsl);
        wrote = !running.isEmpty();
        // The saved latest state stays: undoing a snapshot that never committed leaves the intervals of the
        // latest committed one, row for row, which the file names (as when a run abandons its snapshot). Only
        // its token then says whether it holds: a crash between a commit and the file's save leaves an older
        // one, and deleting a committed snapshot deletes the file before making it RUNNING again.
        for (long id : running) {
            StagedSnapshotWriter.discard(dsl, id);
        }
        discarded = List.copyOf(running);
        Staging.clear(dsl);
        keys = DeferredKeys.of(dsl);
    }

    /**
     * The ids of the snapshots that opening the store discarded, left uncommitted by an earlier run (stopped,
     * killed or failed before its commit): the reason the open took longer, which the command tells.
     */
    public List<Long> discardedOnOpen() {
        return discarded;
    }

    /**
     * Starts a snapshot. It must be later than every committed one, since snapshot ids order the history.
     *
     * @param source {@code crawl} or {@code import}
     */
    public SnapshotWriter begin(Instant takenAt, String tenancyId, String source) {
        return begin(takenAt, tenancyId, source, Narrowing.NONE);
    }

    /** @param narrowing what the command line narrowed the snapshot to, below the configuration's plan */
    public synchronized SnapshotWriter begin(Instant takenAt, String tenancyId, String source, Narrowing narrowing) {
        return begin(takenAt, tenancyId, source, narrowing, null, OpenIntervalIndex::ocidHash, openIntervals, null, null);
    }

    /**
     * Begins a snapshot that replaces the latest one, of the same day, as it commits (unless it FAILED): taken
     * again ({@code snapshot --force}), or replacing a PARTIAL or narrowed one. Until then the replaced snapshot
     * stays, so a retake stopped midway leaves the day as it was.
     *
     * @param takenAt not before the replaced snapshot's time (an import of its date has the same)
     */
    public synchronized SnapshotWriter retake(Instant takenAt, String tenancyId, String source, Narrowing narrowing,
                                              SnapshotInfo replaced) {
        long latest = latestCommitted().map(SnapshotInfo::id).orElse(-1L);
        if (replaced.id() != latest) {
            throw new IllegalStateException("only the latest snapshot (" + latest + ") can be replaced, not "
                    + replaced.id());
        }
        requireUnpinned(replaced.id());
        return begin(takenAt, tenancyId, source, narrowing, null, OpenIntervalIndex::ocidHash, openIntervals, null,
                replaced);
    }

    /**
     * Begins a snapshot that fills the gaps of the latest one: it collects what {@code retaken} narrows to,
     * and the scopes outside it keep the filled snapshot's coverage (collected or not) with their resources
     * carried forward from it. Committed, it stands for the whole plan, as the filled one did.
     *
     * @param filled the latest committed snapshot, not narrowed itself
     */
    public synchronized SnapshotWriter fill(Instant takenAt, String tenancyId, SnapshotInfo filled, Narrowing retaken) {
        SnapshotInfo latest = latestCommitted().orElseThrow(() -> new IllegalStateException("no snapshot to fill"));
        if (latest.id() != filled.id() || !filled.narrowing().isNone() || retaken.isNone()) {
            throw new IllegalStateException("only the latest snapshot, not narrowed, can be filled, and by a "
                    + "narrowed collection: snapshot " + filled.id() + " by " + retaken.describe());
        }
        return begin(takenAt, tenancyId, "crawl", retaken, filled, OpenIntervalIndex::ocidHash, openIntervals, null,
                null);
    }

    /**
     * @param ocidHash the open-interval index's OCID hash; tests force collisions with a poor one
     * @param saved    where the open intervals are saved between snapshots (with the hash above), or null
     */
    synchronized SnapshotWriter begin(Instant takenAt, String tenancyId, String source, ToLongFunction<String> ocidHash,
                                      OpenIntervalFile saved) {
        return begin(takenAt, tenancyId, source, Narrowing.NONE, null, ocidHash, saved, null, null);
    }

    /**
     * @param keyBuilder runs the build of the keys a first night left out (tests hold it back), or null to
     *                   choose by the size of the latest state
     */
    synchronized SnapshotWriter begin(Instant takenAt, String tenancyId, String source, ToLongFunction<String> ocidHash,
                                      OpenIntervalFile saved, Executor keyBuilder) {
        return begin(takenAt, tenancyId, source, Narrowing.NONE, null, ocidHash, saved, keyBuilder, null);
    }

    /**
     * @param filled   the snapshot this one fills the gaps of (see {@link #fill}), or null
     * @param replaced the snapshot this one replaces (see {@link #retake}), or null
     */
    private SnapshotWriter begin(Instant takenAt, String tenancyId, String source, Narrowing narrowing,
                                 SnapshotInfo filled, ToLongFunction<String> ocidHash, OpenIntervalFile saved,
                                 Executor keyBuilder, SnapshotInfo replaced) {
        if (!SOURCES.contains(source)) {
            throw new IllegalArgumentException("snapshot source must be one of " + SOURCES + ", not " + source);
        }
        requireNoWriter();
        Optional<SnapshotInfo> previous = latestCommitted();
        previous.filter(latest -> replaced == null ? !takenAt.isAfter(latest.takenAt())
                : takenAt.isBefore(latest.takenAt())).ifPresent(latest -> {
            throw OcidiffException.usage("a snapshot taken at " + takenAt + " cannot be added: the store already "
                    + "has snapshot " + latest.id() + " taken at " + latest.takenAt() + ", and snapshots must be "
                    + "added in time order (" + (source.equals("import") ? "import older dates first, in date order"
                    : filled != null ? "a fill is taken after the snapshot it fills: --at later than that"
                    : "--at later than that") + ")");
        });
        wrote = true;
        Staging.prepare(dsl);
        keys.dropIfEmpty();
        long id = SnapshotRows.insertRunning(dsl, takenAt, tenancyId, source, narrowing, filled);
        // Its resource count is the size of the latest state, which the writer loads into memory.
        int expected = previous.map(SnapshotInfo::resourceCount).orElse(0L).intValue();
        Executor builder = keyBuilder != null ? keyBuilder : expected >= KEYS_BESIDE_CRAWL_FROM ? KEY_BUILDER : Runnable::run;
        writer = new StagedSnapshotWriter(dsl, id, takenAt, new OpenIntervalIndex(expected, ocidHash), saved,
                previous.map(OpenIntervalFile.Token::of).orElse(null), keys, builder,
                filled == null ? List.of() : coverage(filled.id()), replaced == null ? 0 : replaced.id());
        return writer;
    }

    /** Committed snapshots, oldest first. */
    public List<SnapshotInfo> snapshots() {
        return SnapshotRows.committed(dsl);
    }

    public Optional<SnapshotInfo> snapshot(long id) {
        return SnapshotRows.committed(dsl, id);
    }

    public Optional<SnapshotInfo> latestCommitted() {
        return SnapshotRows.latestCommitted(dsl);
    }

    /** The declared scopes of a committed snapshot, by region and compartment. */
    public List<ScopeCoverage> coverage(long id) {
        requireCommitted(id);
        return SnapshotRows.coverage(dsl, id);
    }

    /** Streams the state at a committed snapshot, in no particular order. */
    public void forEachResourceAt(long id, Consumer<StoredResource> consumer) {
        requireCommitted(id);
        IntervalQueries.forEachAt(dsl, id, consumer);
    }

    /** Streams the resources that differ between two committed snapshots, by OCID. */
    public void forEachChangeBetween(long fromId, long toId, Consumer<IntervalEdge> consumer) {
        if (fromId > toId) {
            throw new IllegalArgumentException("changes are read from the older snapshot to the newer, not from "
                    + fromId + " to " + toId);
        }
        requireCommitted(fromId);
        requireCommitted(toId);
        IntervalQueries.forEachChange(dsl, fromId, toId, consumer);
    }

    /** {@link #forEachChangeBetween} collected; for diffs known to be small. */
    public List<IntervalEdge> changesBetween(long fromId, long toId) {
        List<IntervalEdge> changes = new ArrayList<>();
        forEachChangeBetween(fromId, toId, changes::add);
        return changes;
    }

    /** Every stored version of one resource, oldest first; empty when the store never saw it. */
    public List<ResourceVersion> versionsOf(String ocid) {
        keys.require();
        return IntervalQueries.versionsOf(dsl, ocid);
    }

    /**
     * Of {@code ocids}, those the store saw before snapshot {@code beforeId}, each with the snapshot at which it last
     * went before then (the first without it): a resource absent at {@code beforeId} and present later came back.
     */
    public Map<String, Long> wentBefore(Collection<String> ocids, long beforeId) {
        keys.require();
        return IntervalQueries.wentBefore(dsl, ocids, beforeId);
    }

    /** The canonical JSON of one of a resource's versions, by its SHA-256 (hex). */
    public String versionJson(String ocid, String sha256) {
        return versionsOf(ocid).stream()
                .map(ResourceVersion::resource)
                .filter(version -> version.sha256().equals(sha256))
                .findFirst()
                .map(StoredResource::json)
                .orElseThrow(() -> new IllegalArgumentException("no version of " + ocid + " with SHA-256 " + sha256));
    }

    /**
     * Deletes the latest committed snapshot, restoring the state before it: how today's FAILED snapshots, which
     * collected nothing, go before a run takes the day again. Older snapshots cannot be deleted this way
     * (their intervals are shared with later ones); a snapshot that is taken again is replaced by
     * {@link #retake}.
     */
    public synchronized void deleteSnapshot(long id) {
        requireNoWriter();
        long latest = latestCommitted().map(SnapshotInfo::id).orElse(-1L);
        if (id != latest) {
            throw OcidiffException.usage("snapshot " + id + " cannot be deleted: only the latest snapshot ("
                    + (latest < 0 ? "none" : latest) + ") can be");
        }
        requireUnpinned(id);
        wrote = true;
        openIntervals.delete();
        boolean only = SnapshotRows.firstCommittedId(dsl) == id;
        dsl.transaction(configuration -> {
            EvidenceRows.deleteFor(configuration.dsl(), id);
            CompartmentRows.deleteFor(configuration.dsl(), id);
            if (only) {
                // Uncommitted again, then discarded as a snapshot cut short is: the store's every row.
                SnapshotRows.uncommit(configuration.dsl(), id);
            } else {
                IntervalUpdates.undo(configuration.dsl(), id);
                SnapshotRows.delete(configuration.dsl(), id);
            }
        });
        if (only) {
            StagedSnapshotWriter.discard(dsl, id);
        }
    }

    /**
     * Removes every snapshot older than {@code firstKept} (and the nightly job's records of days before
     * {@code dailyReportsBefore}) without changing the state at, or any diff between, the snapshots kept.
     */
    public synchronized void pruneBefore(long firstKept, LocalDate dailyReportsBefore) {
        requireNoWriter();
        requireCommitted(firstKept);
        keys.require();
        wrote = true;
        openIntervals.delete();
        dsl.transaction(configuration -> {
            Pruning.before(configuration.dsl(), firstKept);
            DailyRows.deleteBefore(configuration.dsl(), dailyReportsBefore);
        });
    }

    /** Pins a committed snapshot under a name; the name must be new. */
    public synchronized void addBaseline(Baseline baseline) {
        requireCommitted(baseline.snapshotId());
        if (baseline(baseline.name()).isPresent()) {
            throw OcidiffException.usage("baseline " + baseline.name() + " exists already; remove it first with "
                    + "'ocidiff baseline rm " + baseline.name() + "' or choose another name");
        }
        wrote = true;
        BaselineRows.insert(dsl, baseline);
    }

    public Optional<Baseline> baseline(String name) {
        return BaselineRows.find(dsl, name);
    }

    /** Every baseline, by name. */
    public List<Baseline> baselines() {
        return BaselineRows.all(dsl);
    }

    /** The baseline that pins snapshot {@code id}, if any: such a snapshot is never deleted nor taken again. */
    public Optional<Baseline> pinning(long id) {
        return baselines().stream().filter(b -> b.snapshotId() == id).findFirst();
    }

    /** @return whether there was such a baseline */
    public synchronized boolean removeBaseline(String name) {
        wrote = true;
        return BaselineRows.delete(dsl, name);
    }

    /** Records the compartment tree a committed snapshot saw, so reports show paths as they were. */
    public synchronized void saveCompartments(long snapshotId, List<Compartment> compartments) {
        requireCommitted(snapshotId);
        wrote = true;
        dsl.transaction(configuration -> CompartmentRows.save(configuration.dsl(), snapshotId, compartments));
    }

    /** Whether the store holds a resource of {@code type} (in any case), in any snapshot. */
    public boolean holdsType(String type) {
        return IntervalQueries.holdsType(dsl, type);
    }

    /** Every resource type the store holds a resource of, in any snapshot: to check the names users write. */
    public List<String> resourceTypes() {
        return IntervalQueries.resourceTypes(dsl);
    }

    /** The compartment tree a snapshot saw, if it was recorded (imports have none). */
    public Optional<List<Compartment>> compartments(long snapshotId) {
        return CompartmentRows.find(dsl, snapshotId);
    }

    /** Keeps (replacing) the attribution evidence of a snapshot pair. */
    public synchronized void saveAuditEvidence(long fromId, long toId, AuditEvidence evidence) {
        requireCommitted(fromId);
        requireCommitted(toId);
        wrote = true;
        dsl.transaction(configuration -> EvidenceRows.save(configuration.dsl(), fromId, toId, evidence));
    }

    /** What attribution read for a pair and how many events it matched, if attribution ran for exactly that pair. */
    public Optional<EvidenceWindow> auditWindow(long fromId, long toId) {
        return EvidenceRows.window(dsl, fromId, toId);
    }

    /**
     * The events kept for a pair one at a time, by resource, then time: a night of 100,000 changes keeps
     * 100,000 of them.
     */
    public void forEachAuditEvent(long fromId, long toId, Consumer<StoredAuditEvent> consumer) {
        EvidenceRows.forEachEvent(dsl, fromId, toId, consumer);
    }

    /**
     * The evidence of every attributed pair lying within [fromId, toId] (the pair itself included), by
     * 'from' then 'to': the nights a longer window is made of.
     */
    public List<KeptEvidence> auditEvidenceWithin(long fromId, long toId) {
        return kept(EvidenceRows.pairsWithin(dsl, fromId, toId));
    }

    /**
     * The evidence of every attributed pair that shares nights with [fromId, toId] but reaches beyond it (a nightly
     * report from the last COMPLETE snapshot past a PARTIAL one), by 'from' then 'to'.
     */
    public List<KeptEvidence> auditEvidenceOverlapping(long fromId, long toId) {
        return kept(EvidenceRows.pairsOverlapping(dsl, fromId, toId));
    }

    private List<KeptEvidence> kept(List<long[]> pairs) {
        return pairs.stream()
                .map(p -> new KeptEvidence(p[0], p[1], EvidenceRows.window(dsl, p[0], p[1]).orElseThrow()))
                .toList();
    }

    /** Records that the nightly job wrote the day's report (again, after a re-run: publication state is kept). */
    public synchronized void dailyReportWritten(LocalDate day, long snapshotId, Long baseSnapshotId, Path reportDir,
                                                Instant at) {
        wrote = true;
        DailyRows.written(dsl, day, snapshotId, baseSnapshotId, reportDir, at);
    }

    /** @param note why nothing was uploaded (a decision, not a failure), or null when it was */
    public synchronized void dailyReportUploaded(LocalDate day, Instant at, String note) {
        wrote = true;
        DailyRows.uploaded(dsl, day, at, note);
    }

    /** @param note why no mail was sent (a decision, not a failure), or null when one was */
    public synchronized void dailyReportMailed(LocalDate day, Instant at, String note) {
        wrote = true;
        DailyRows.mailed(dsl, day, at, note);
    }

    /** Forgets what was published for the day (--republish). */
    public synchronized void dailyReportUnpublished(LocalDate day) {
        wrote = true;
        DailyRows.unpublished(dsl, day);
    }

    public Optional<DailyReport> dailyReport(LocalDate day) {
        return DailyRows.find(dsl, day);
    }

    /** Every day the nightly job reported, oldest first. */
    public List<DailyReport> dailyReports() {
        return DailyRows.all(dsl);
    }

    /** Every kept Audit event of one resource, with the pair it was attributed for, oldest first. */
    public List<PairedAuditEvent> auditEventsOf(String ocid) {
        return EvidenceRows.forResource(dsl, ocid);
    }

    /** The database file's size in bytes. */
    public long sizeOnDisk() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw OcidiffException.runtime("cannot read the size of the store " + file + ": " + e, e);
        }
    }

    /** The compact rewrite of the file that {@link #close} made, if it made one. */
    public synchronized Optional<StoreRewrite> rewrite() {
        return Optional.ofNullable(rewrite);
    }

    /** Whether the store was opened read-only ({@link #openToRead}): anything written to it fails. */
    public boolean readOnly() {
        return readOnly;
    }

    /**
     * Whether this user may write the store at {@code pathPrefix} (its file, and the folder for the lock file and
     * the rewrite's copy): another user's store, or one on a read-only mount, can only be read.
     */
    public static boolean writable(Path pathPrefix) {
        Path prefix = pathPrefix.toAbsolutePath().normalize();
        return Files.isWritable(Path.of(prefix + ".mv.db")) && Files.isWritable(prefix.getParent());
    }

    /** The H2 database file, {@code <prefix>.mv.db}. */
    public Path file() {
        return file;
    }

    /**
     * Abandons an uncommitted snapshot, closes the database and, after writing, compacts it when worth
     * it: H2 writes copy-on-write pages and reclaims space lazily, so a night's writes leave a tenth or
     * more of the file dead, spread over it. Rewritten compactly, the file between runs grows with changes only.
     */
    @Override
    public synchronized void close() {
        try {
            if (writer != null) {
                writer.close();
            }
        } finally {
            pool.dispose();
        }
        try {
            if (wrote && compactOnClose) {
                compact();
            }
        } finally {
            lock.close();
        }
    }

    /**
     * A copy of the live pages, then an atomic rename over the file, as H2's {@link MVStoreTool#compact(String,
     * boolean)} does, but without page caches: each page is read once and written once, and keeping them
     * in H2's caches cost a third of the copy's time. Only when at least {@link #DEAD_PERCENT_TO_COMPACT}
     * of the file is dead: the copy writes the whole store (650 MB and 2-3 s at a million resources),
     * which a small write (a baseline, a report's bookkeeping) does not warrant. Nor while the file holds
     * transactions H2 left open (see {@link #holdsOpenTransactions}). A copy a crash left behind is discarded first.
     */
    private void compact() {
        String name = file.toString();
        Path copy = Path.of(name + ".tempFile");
        try {
            // Deletes the copy (name.tempFile) a crash left.
            MVStoreTool.compactCleanUp(name);
            if (holdsOpenTransactions(file)) {
                return;
            }
            long start = System.nanoTime();
            int dead;
            try (MVStore source = new MVStore.Builder().fileName(name).readOnly().cacheSize(0).open()) {
                dead = deadPercent(source);
                if (dead < DEAD_PERCENT_TO_COMPACT) {
                    return;
                }
                try (MVStore target = new MVStore.Builder().fileName(copy.toString()).cacheSize(0).open()) {
                    MVStoreTool.compact(source, target);
                }
            }
            long before = Files.size(file);
            Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            rewrite = new StoreRewrite(before, Files.size(file), dead, Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException | IOException e) {
            // The copy may have filled the disk: it goes, and the store stays as it was.
            try {
                Files.deleteIfExists(copy);
            } catch (IOException left) {
                e.addSuppressed(left);
            }
            String reason = DiskFailure.cause(e).map(DiskFailure::reason)
                    .orElseGet(() -> Migrations.firstLine(e.getMessage()));
            throw OcidiffException.runtime("the store " + file + " was saved, but rewriting it compactly failed ("
                    + reason + "): the rewrite needs room for a copy of the store beside it; the store is intact, "
                    + "and the next run that writes to it tries again", e);
        }
    }

    /**
     * Whether H2 closed the file with transactions still recorded in it, whose undo records name maps by id (or
     * whether it cannot tell). The copy numbers maps anew, so their undo records would name maps it does not
     * have, and H2 would refuse to open it ("map with id 5 is missing during initialization"); H2 itself
     * finishes them when it next opens the file, and the next run that writes rewrites it. Seen now and then
     * after an upgrade's migrations, though no session held uncommitted work at the close. Opened on its own:
     * the transaction store opens maps with types of its own, which the copy's generic ones then clash with.
     */
    static boolean holdsOpenTransactions(Path file) {
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().cacheSize(0).open()) {
            TransactionStore transactions = new TransactionStore(store);
            transactions.init();
            return !transactions.getOpenTransactions().isEmpty();
        } catch (RuntimeException | AssertionError e) {
            return true;
        }
    }

    /**
     * The share of the file its chunks do not use live, in percent: H2 keeps per chunk the length of its
     * pages still in use, and per file how much of it chunks take.
     */
    static int deadPercent(MVStore store) {
        return 100 - store.getFileStore().getChunksFillRate() * store.getFillRate() / 100;
    }

    private void requireUnpinned(long id) {
        pinning(id).ifPresent(b -> {
            throw OcidiffException.usage("snapshot " + id + " cannot be deleted or taken again: baseline " + b.name()
                    + " pins it; remove the baseline first ('ocidiff baseline rm " + b.name() + "')");
        });
    }

    private void requireNoWriter() {
        if (writer != null && writer.isOpen()) {
            throw new IllegalStateException("snapshot " + writer.snapshotId() + " is still being written");
        }
    }

    private void requireCommitted(long id) {
        if (snapshot(id).isEmpty()) {
            throw OcidiffException.usage("the store " + file + " has no snapshot " + id
                    + " ('ocidiff snapshots' lists them)");
        }
    }
}
