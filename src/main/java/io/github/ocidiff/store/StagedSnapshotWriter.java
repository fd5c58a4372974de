package io.github.ocidiff.store;

import static io.github.ocidiff.store.jooq.Tables.RESOURCE_INTERVAL;
import static io.github.ocidiff.store.jooq.Tables.RESOURCE_VERSION;
import static io.github.ocidiff.store.jooq.Tables.SNAPSHOT_STAGING;
import static io.github.ocidiff.store.jooq.Tables.VERSION_BLOCK;

import io.github.ocidiff.crawl.CanonicalResource;
import io.github.ocidiff.crawl.Lifecycle;
import io.github.ocidiff.crawl.Narrowing;
import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.crawl.ScopeCoverage;
import io.github.ocidiff.crawl.SearchedResource;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.crawl.SnapshotSummary;
import io.github.ocidiff.crawl.SnapshotWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * A snapshot being written: pages go to one store thread ({@link WriteBehind}) that checks them against
 * the latest state ({@link LatestState}), opens the intervals of new resources at once and stages
 * changed or repeated ones; {@link #commit} applies staging to the intervals. Until it marks the snapshot
 * committed, the snapshot is RUNNING, which no reader sees.
 */
final class StagedSnapshotWriter implements SnapshotWriter {

    private enum State { OPEN, COMMITTED, ABANDONED }

    private static final Comparator<Scope> SCOPE_ORDER =
            Comparator.comparing(Scope::region).thenComparing(Scope::compartmentId);

    private final DSLContext dsl;
    private final long id;
    private final Instant takenAt;
    private final OpenIntervalFile file;
    private final Staging staging;
    private final NewIntervals newIntervals;
    /** Numbers the blocks of new versions: the store thread's, then the commit's. */
    private final VersionBlocks blocks;
    /** Whether the store held no interval when the snapshot began. */
    private final boolean intoEmpty;
    private final WriteBehind storeThread = new WriteBehind("ocidiff-store-writer");
    /** Missing when a first night left them out: built beside this snapshot's crawl, or at its commit. */
    private final DeferredKeys keys;
    /**
     * Loaded by the store thread's first task, null before; used by that thread, by the crawl's threads
     * to recognise resources by digest, and by the commit after draining the store thread.
     */
    private volatile LatestState latest;
    private final Set<Scope> declared = ConcurrentHashMap.newKeySet();
    private final Map<Scope, ScopeCoverage> done = new ConcurrentHashMap<>();
    /** Not collected by choice: carried forward as failed scopes are, but no gap in the snapshot's status. */
    private final Set<Scope> narrowedOut = ConcurrentHashMap.newKeySet();
    /**
     * When this snapshot fills the gaps of the latest one (Store#fill): that one's coverage, which the scopes
     * this one leaves out keep, gaps included.
     */
    private final Map<Scope, ScopeCoverage> inherited;
    /** The latest committed snapshot, which this one replaces as it commits (see {@link Superseding}), or 0. */
    private final long replaces;
    private volatile State state = State.OPEN;

    /**
     * @param index empty, to be loaded with the latest state while the crawl starts
     * @param file  where the open intervals are saved between snapshots, or null to neither read nor write it
     * @param saved the token of the latest committed snapshot, or null when there is none
     * @param keyBuilder where the keys are built if a first night left them out
     * @param inherited the coverage of the snapshot this one fills the gaps of, or none
     * @param replaces  the latest committed snapshot, which this one replaces unless it FAILED, or 0
     */
    StagedSnapshotWriter(DSLContext dsl, long id, Instant takenAt, OpenIntervalIndex index, OpenIntervalFile file,
                         OpenIntervalFile.Token saved, DeferredKeys keys, Executor keyBuilder,
                         List<ScopeCoverage> inherited, long replaces) {
        this.dsl = dsl;
        this.replaces = replaces;
        this.inherited = inherited.stream().collect(Collectors.toMap(ScopeCoverage::scope, c -> c));
        this.keys = keys;
        this.id = id;
        this.takenAt = takenAt;
        this.file = file;
        this.staging = new Staging(dsl, id);
        this.intoEmpty = !dsl.fetchExists(RESOURCE_INTERVAL);
        this.blocks = new VersionBlocks(dsl, id);
        this.newIntervals = new NewIntervals(dsl, id, blocks);
        LatestState.Saved from = file == null || saved == null ? null : new LatestState.Saved(file, saved);
        storeThread.submit(() -> {
            latest = LatestState.load(dsl, index, from);
            // After the load, which may read the intervals: H2 makes a read wait while the table is locked.
            if (!intoEmpty) {
                keys.buildBehind(keyBuilder);
            }
        });
    }

    @Override
    public long snapshotId() {
        return id;
    }

    /** May be called more than once (e.g. per region); the snapshot covers the union. */
    @Override
    public void declareScopes(List<Scope> scopes) {
        requireOpen();
        declared.addAll(scopes);
    }

    @Override
    public void write(Scope scope, List<CanonicalResource> resources) {
        writeSearched(scope, resources.stream().map(SearchedResource::of).toList());
    }

    /**
     * Recognises, on the calling thread (the crawl's, many at once), the resources whose digest the
     * latest state knows; the others are made canonical here too. Until the latest state is loaded (a
     * second, while the first pages arrive), none is recognised: waiting for it would idle the crawl
     * while answers take network time, and the resources are compared by their content instead.
     */
    @Override
    public void writeSearched(Scope scope, List<SearchedResource> resources) {
        requireOpen();
        requireDeclared(scope);
        List<SearchedResource> page = List.copyOf(resources);
        LatestState known = latest;
        int[] recognized = known != null ? known.recognize(page) : noneRecognized(page.size());
        for (int i = 0; i < recognized.length; i++) {
            CanonicalResource r = recognized[i] < 0 ? page.get(i).canonical() : null;
            if (r != null && !scope.region().equals(r.region())) {
                throw new IllegalArgumentException("resource " + r.ocid() + " of region " + r.region()
                        + " was written for a scope of region " + scope.region());
            }
        }
        storeThread.submit(() -> latest.write(scope, page, recognized, staging, newIntervals, keys));
    }

    private static int[] noneRecognized(int resources) {
        int[] slots = new int[resources];
        Arrays.fill(slots, -1);
        return slots;
    }

    @Override
    public void declareNarrowedOut(List<Scope> scopes, Narrowing narrowing) {
        narrowedOut.addAll(scopes);
        SnapshotWriter.super.declareNarrowedOut(scopes, narrowing);
    }

    /**
     * Once per scope: the intervals a scope collected fully reported changed are ended at once (see
     * LatestState#endChangedIn), which a later report of that scope as failed could not undo.
     */
    @Override
    public void scopeDone(ScopeCoverage coverage) {
        requireOpen();
        requireDeclared(coverage.scope());
        if (done.putIfAbsent(coverage.scope(), coverage) != null) {
            throw new IllegalStateException("scope " + coverage.scope().region() + "/" + coverage.scope().compartmentId()
                    + " was reported done already");
        }
        if (coverage.ok()) {
            storeThread.submit(() -> latest.endChangedIn(coverage.scope(), dsl, id, keys));
        }
    }

    @Override
    public Map<String, List<String>> unseenToLookUp() {
        requireOpen();
        Set<Scope> notCollected = declared.stream().filter(scope -> !done.containsKey(scope) || !done.get(scope).ok())
                .collect(Collectors.toSet());
        Set<String> besideGaps = notCollected.stream().map(Scope::region).collect(Collectors.toSet());
        awaitWritten();
        long[] rowIds = latest.unseenInCollected(Set.copyOf(declared), notCollected).mapToLong(latest::rowId).toArray();
        if (rowIds.length == 0) {
            return Map.of();
        }
        // H2 holds the intervals locked while it builds the keys a first night left out.
        keys.require();
        return IntervalQueries.ocidsByRegion(dsl, rowIds, (region, lifecycleState) ->
                besideGaps.contains(region) || Lifecycle.of(lifecycleState) == Lifecycle.LIVE);
    }

    @Override
    public Set<Scope> undeclaredHolding() {
        requireOpen();
        awaitWritten();
        return latest.undeclaredHolding(Set.copyOf(declared));
    }

    @Override
    public synchronized void writeMovedOut(List<SearchedResource> resources) {
        requireOpen();
        awaitWritten();
        Map<String, SearchedResource> byOcid = resources.stream()
                .collect(Collectors.toMap(r -> r.canonical().ocid(), r -> r, (a, b) -> a));
        latest.ownScopes(byOcid.keySet()).forEach((scope, ocids) ->
                writeSearched(scope, ocids.stream().map(byOcid::get).toList()));
    }

    @Override
    public synchronized void carryForward(Collection<String> ocids) {
        requireOpen();
        awaitWritten();
        latest.carryForward(ocids);
    }

    /**
     * Turns the own scopes of these resources from collected into failed, with the reason of one of them: what
     * their collection ended early (see LatestState#endChangedIn) opens again, and the commit carries them forward.
     */
    @Override
    public synchronized List<ScopeCoverage> fateUnknown(Map<String, String> reasonByOcid) {
        requireOpen();
        awaitWritten();
        List<ScopeCoverage> failed = new ArrayList<>();
        latest.ownScopes(reasonByOcid.keySet()).forEach((scope, ocids) -> {
            ScopeCoverage was = done.get(scope);
            if (was.ok()) {
                String reason = "could not tell whether " + ocids.size() + (ocids.size() == 1 ? " resource" : " resources")
                        + " missing from it since the snapshot before were deleted or moved: "
                        + reasonByOcid.get(ocids.get(0));
                failed.add(new ScopeCoverage(scope, false, reason, was.pages(), was.resources(), was.millis()));
            }
        });
        failed.sort(Comparator.comparing(ScopeCoverage::scope, SCOPE_ORDER));
        failed.forEach(coverage -> done.put(coverage.scope(), coverage));
        Set<Scope> scopes = failed.stream().map(ScopeCoverage::scope).collect(Collectors.toSet());
        storeThread.submit(() -> latest.reopenEndedEarly(scopes, dsl, id));
        awaitWritten();
        return failed;
    }

    @Override
    public synchronized SnapshotSummary commit() {
        requireOpen();
        List<ScopeCoverage> coverage = declared.stream().sorted(SCOPE_ORDER)
                .map(scope -> done.getOrDefault(scope, notReported(scope)))
                .toList();
        // Narrowed-out scopes are carried forward like failed ones, but only the others make the status: those
        // collected now, and in a fill those of the filled snapshot, whose coverage it records as its own.
        List<ScopeCoverage> failed = coverage.stream().filter(c -> !c.ok()).toList();
        List<ScopeCoverage> freshGaps = failed.stream().filter(c -> !narrowedOut.contains(c.scope())).toList();
        List<ScopeCoverage> recorded = coverage.stream()
                .map(c -> narrowedOut.contains(c.scope()) ? inherited.getOrDefault(c.scope(), c) : c).toList();
        List<ScopeCoverage> gaps = recorded.stream().filter(c -> !c.ok()
                && (!narrowedOut.contains(c.scope()) || inherited.containsKey(c.scope()))).toList();
        SnapshotStatus status = freshGaps.size() == coverage.size() - narrowedOut.size() ? SnapshotStatus.FAILED
                : gaps.isEmpty() ? SnapshotStatus.COMPLETE : SnapshotStatus.PARTIAL;
        awaitWritten();
        // A first night's commit reads nothing through the keys unless it staged rows (see DeferredKeys).
        if (!intoEmpty || dsl.fetchExists(SNAPSHOT_STAGING)) {
            keys.require();
        }
        Staging.index(dsl);
        BitSet closed = (BitSet) latest.endedEarly().clone();
        // In steps, each committed, and the snapshot's row last: until then the snapshot is RUNNING, which no
        // reader sees, and what the steps wrote is what discard() undoes (as for the crawl's own writes). In one
        // transaction, a night of a million resources half changed took 43 s to commit, in steps 21.5 s.
        SnapshotRows.insertCoverage(dsl, id, recorded);
        // A FAILED snapshot saw nothing usable (and keeps none of its new resources, all of failed
        // scopes): the previous state stays as it is.
        long created = latest.createdCount() - (failed.isEmpty() ? 0 : newIntervals.dropFailedScopes(dsl));
        IntervalUpdates.Applied applied = new IntervalUpdates.Applied(created, 0, 0);
        if (status != SnapshotStatus.FAILED) {
            if (!failed.isEmpty()) {
                latest.keepSeenOnlyByFailedScopes(staging.seenOnlyByFailedScopes(dsl));
            }
            staging.narrow(dsl, !failed.isEmpty());
            Set<Scope> failedScopes = failed.stream().map(ScopeCoverage::scope).collect(Collectors.toSet());
            IntervalUpdates.endReplaced(dsl, id, latest.endCandidates(failedScopes).iterator(), latest::rowId, closed);
            long opened = staging.open(dsl, id, blocks);
            applied = new IntervalUpdates.Applied(created + opened, closed.cardinality(),
                    IntervalUpdates.modified(dsl, id));
        }
        long resources = latest.size() + applied.opened() - applied.closed();
        Instant finishedAt = Instant.now();
        LatestState.Saved saved = file == null ? null
                : new LatestState.Saved(file, OpenIntervalFile.Token.of(id, finishedAt, resources));
        // A FAILED retake replaces nothing: the day keeps the snapshot it had.
        boolean replacing = replaces != 0 && status != SnapshotStatus.FAILED;
        if (replacing) {
            // Saved first: the replaced snapshot's intervals that live on start at this one once folded, which the
            // save would read as opened by it. Killed before the commit, the file names a snapshot never committed.
            if (saved != null) {
                latest.save(dsl, id, closed, saved, intoEmpty);
            }
            Commits.committing(id, () -> {
                dsl.transaction(configuration -> SnapshotRows.markCommitted(configuration.dsl(), id, status, finishedAt,
                        resources, Superseding.replace(configuration.dsl(), replaces, id, resources), gaps.size()));
                checkpoint();
            });
        } else {
            long changes = applied.changes();
            Commits.committing(id, () -> {
                SnapshotRows.markCommitted(dsl, id, status, finishedAt, resources, changes, gaps.size());
                checkpoint();
            });
        }
        state = State.COMMITTED;
        stopWriting();
        Staging.clear(dsl);
        if (saved != null && !replacing) {
            latest.save(dsl, id, closed, saved, intoEmpty);
        }
        return new SnapshotSummary(id, takenAt, status, resources, gaps);
    }

    /** H2 writes committed data to the file in the background; a reported snapshot must survive a kill. */
    private void checkpoint() {
        dsl.query("CHECKPOINT").execute();
    }

    /** Abandons the snapshot unless committed: its row, staging rows and new resources go. */
    @Override
    public synchronized void close() {
        if (state != State.OPEN) {
            return;
        }
        state = State.ABANDONED;
        stopWriting();
        keys.awaitBuild();
        Staging.clear(dsl);
        discard(dsl, id);
        keys.requireIfEmpty();
    }

    /** Waits until the store's threads have written every page handed over so far (tests crash after it). */
    void awaitWritten() {
        storeThread.drain();
        newIntervals.drain();
    }

    /** Stops the store's threads after what they are writing; the store thread first, as it feeds the other. */
    private void stopWriting() {
        storeThread.close();
        newIntervals.close();
    }

    /** Whether the latest state was read from the saved file, once loaded: tests tell the two loads apart. */
    boolean latestStateFromFile() {
        storeThread.drain();
        return latest.fromFile();
    }

    /**
     * Removes an uncommitted snapshot: its row and what it wrote beyond staging. With no snapshot committed,
     * every resource row is an uncommitted one's, and the tables are emptied whole: a first night cut short
     * left up to a million rows, and deleting them in one transaction took minutes and, while it ran, disk
     * for several times the store (21 s and 1.9 GB for 350,000). Emptying commits at once; a crash after it
     * leaves the snapshot's row, and the next open discards it again.
     */
    static void discard(DSLContext dsl, long id) {
        if (SnapshotRows.latestCommitted(dsl).isEmpty()) {
            dsl.truncate(RESOURCE_INTERVAL).execute();
            dsl.truncate(RESOURCE_VERSION).execute();
            dsl.truncate(VERSION_BLOCK).execute();
        }
        dsl.transaction(configuration -> {
            IntervalUpdates.undo(configuration.dsl(), id);
            SnapshotRows.delete(configuration.dsl(), id);
        });
    }

    boolean isOpen() {
        return state == State.OPEN;
    }

    private static ScopeCoverage notReported(Scope scope) {
        return new ScopeCoverage(scope, false, "the crawl ended without reporting this scope as done", 0, 0, 0);
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("snapshot " + id + " is already " + state.name().toLowerCase());
        }
    }

    private void requireDeclared(Scope scope) {
        if (!declared.contains(scope)) {
            throw new IllegalArgumentException("scope " + scope.region() + "/" + scope.compartmentId()
                    + " was not declared for snapshot " + id);
        }
    }
}
