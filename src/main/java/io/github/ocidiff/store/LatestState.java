package io.github.ocidiff.store;

import io.github.ocidiff.crawl.CanonicalResource;
import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.crawl.SearchedResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jooq.DSLContext;

/**
 * The latest state during a snapshot, held in an {@link OpenIntervalIndex}: most resources are
 * unchanged from night to night, and those are only recorded here as seen, never written. A resource new
 * to the store, reported by its own compartment's scope, opens its interval at once ({@link
 * NewIntervals}). Staging gets the rest (changed resources, and any resource reported more than once,
 * so that the commit chooses between the sightings as before); the commit then looks only at the
 * intervals this tells it may end. Used by the snapshot's one store thread.
 */
final class LatestState {

    private final OpenIntervalIndex index;
    private final ScopeIds scopes = new ScopeIds();
    /** The OCIDs written as new in this snapshot: a second sighting goes to staging. */
    private final OcidHashSet created = new OcidHashSet();
    private final OpenedDigests opened = new OpenedDigests();
    private int createdCount;
    private boolean fromFile;
    /** By scope id, the slots of intervals whose resource that scope, their own, reported first and changed. */
    private final Map<Integer, List<Integer>> changedInOwnScope = new HashMap<>();
    private final BitSet endedEarly = new BitSet();

    private LatestState(OpenIntervalIndex index) {
        this.index = index;
    }

    /**
     * Loads the open intervals from the file saved by the latest commit if it is there and holds exactly
     * them ({@code saved}), else in one pass over the store.
     *
     * @param saved the file and the token of the latest committed snapshot, or null to scan
     */
    static LatestState load(DSLContext dsl, OpenIntervalIndex empty, Saved saved) {
        LatestState state = new LatestState(empty);
        state.fromFile = saved != null && saved.file().read(saved.token(), empty, state.scopes);
        if (!state.fromFile) {
            IntervalQueries.forEachOpen(dsl, (rowId, ocid, sha256, region, compartmentId) ->
                    empty.add(ocid, sha256, rowId, state.scopes.id(region, compartmentId)));
        }
        return state;
    }

    /** Whether {@link #load} read the saved file rather than the store. */
    boolean fromFile() {
        return fromFile;
    }

    /** Where the open intervals are saved, and for which committed snapshot. */
    record Saved(OpenIntervalFile file, OpenIntervalFile.Token token) {
    }

    /**
     * Saves the open intervals after snapshot {@code s} committed ({@code saved}): those loaded but the
     * {@code closed} slots, and those {@code s} opened, read back for their row ids.
     *
     * @param intoEmpty whether {@code s} was taken into an empty store, so that it opened every interval
     */
    void save(DSLContext dsl, long s, BitSet closed, Saved saved, boolean intoEmpty) {
        saved.file().write(saved.token(), out -> {
            index.writeTo(out, closed);
            IntervalQueries.forEachOpenedAt(dsl, s, intoEmpty, (rowId, ocid, sha256, region, compartmentId) -> {
                long hash = index.hash(ocid);
                int digest = opened.find(hash, sha256);
                try {
                    out.write(hash, sha256, 0, rowId, scopes.id(region, compartmentId),
                            digest < 0 ? 0 : opened.high(digest), digest < 0 ? 0 : opened.low(digest));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }, scopes);
    }

    /**
     * Ends, once {@code scope} was collected fully, the intervals of the resources it reported first and
     * changed, still in their compartment, in autocommitted batches: work the commit would do. Such an
     * interval ends whatever else is staged: its scope's first row wins over any other sighting but one of
     * the resource in another compartment, which is other content too (the canonical JSON holds the
     * compartment). Valid to this snapshot, uncommitted, it is open to every reader still, and reopened by
     * discarding the snapshot.
     */
    void endChangedIn(Scope scope, DSLContext dsl, long s, DeferredKeys keys) {
        if (keys.pending()) {
            // Left to the commit: the intervals are found through the keys, which H2 holds locked while it builds them.
            return;
        }
        List<Integer> slots = changedInOwnScope.remove(scopes.id(scope));
        if (slots != null) {
            IntervalUpdates.end(dsl, s, slots.stream().mapToInt(Integer::intValue).iterator(), index::rowId, endedEarly);
        }
    }

    /**
     * Opens again the intervals {@link #endChangedIn} ended in these scopes, which count as not collected after all
     * (see StagedSnapshotWriter#fateUnknown): the commit carries their resources forward as it does a failed scope's.
     */
    void reopenEndedEarly(Set<Scope> failed, DSLContext dsl, long s) {
        Set<Integer> ids = failed.stream().map(scopes::id).collect(Collectors.toSet());
        int[] slots = endedEarly.stream().filter(slot -> ids.contains(index.ownScope(slot))).toArray();
        IntervalUpdates.reopen(dsl, s, slots, index::rowId);
        Arrays.stream(slots).forEach(endedEarly::clear);
    }

    /** The own scope of the open interval of each of these resources that has one, with its resources. */
    Map<Scope, List<String>> ownScopes(Collection<String> ocids) {
        Map<Scope, List<String>> byScope = new HashMap<>();
        for (String ocid : ocids) {
            int slot = slotOf(ocid);
            if (slot >= 0) {
                byScope.computeIfAbsent(scopes.scope(index.ownScope(slot)), scope -> new ArrayList<>()).add(ocid);
            }
        }
        return byScope;
    }

    /** The slots of the intervals {@link #endChangedIn} ended. */
    BitSet endedEarly() {
        return endedEarly;
    }

    /** The number of open intervals loaded. */
    int size() {
        return index.size();
    }

    /** The row id of the interval in a slot (see {@link #endCandidates}). */
    long rowId(int slot) {
        return index.rowId(slot);
    }

    /** The number of intervals opened as new by {@link #write}. */
    int createdCount() {
        return createdCount;
    }

    /**
     * Per resource, the slot of the interval whose resource Search last answered with its digest, or -1.
     * Thread-safe: the crawl's threads ask it once this state is loaded.
     */
    int[] recognize(List<SearchedResource> page) {
        int[] slots = new int[page.size()];
        for (int i = 0; i < slots.length; i++) {
            SearchedResource r = page.get(i);
            slots[i] = r.digested() ? index.recognize(r.digestHigh(), r.digestLow()) : -1;
        }
        return slots;
    }

    /**
     * Records the unchanged resources of a page as seen by {@code scope}, writes the new ones and stages
     * the others.
     *
     * @param recognized per resource, what {@link #recognize(List)} found for it
     */
    void write(Scope scope, List<SearchedResource> page, int[] recognized, Staging staging, NewIntervals newIntervals,
               DeferredKeys keys) {
        int scopeId = scopes.id(scope);
        // While H2 builds the keys it holds resource_interval locked: new resources are staged instead.
        boolean intervalsLocked = keys.building();
        List<CanonicalResource> staged = new ArrayList<>();
        List<CanonicalResource> fresh = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            int known = recognized[i];
            if (known >= 0 && index.sighting(known) == OpenIntervalIndex.UNSEEN) {
                // Search answered byte for byte what it did when this interval's content was last seen.
                index.sight(known, scopeId);
                continue;
            }
            SearchedResource searched = page.get(i);
            CanonicalResource r = searched.canonical();
            byte[] sha256 = Sha256.bytes(r.sha256());
            long hash = index.hash(r.ocid());
            int slot = index.findHashed(hash);
            if (slot < 0) {
                // No open interval has this OCID's hash, so none has this OCID: the resource is new.
                boolean ownScope = scope.compartmentId().equals(r.compartmentId());
                (ownScope && created.add(hash) && !intervalsLocked ? fresh : staged).add(r);
                mayOpen(hash, sha256, searched);
                continue;
            }
            int sighting = index.sighting(slot);
            if (sighting == OpenIntervalIndex.UNSEEN && index.hasContent(slot, sha256)) {
                index.sight(slot, scopeId);
                if (searched.digested()) {
                    index.learn(slot, searched.digestHigh(), searched.digestLow());
                }
                continue;
            }
            if (sighting == OpenIntervalIndex.UNSEEN && scopeId == index.ownScope(slot)
                    && scope.compartmentId().equals(r.compartmentId())) {
                changedInOwnScope.computeIfAbsent(scopeId, id -> new ArrayList<>()).add(slot);
            }
            if (sighting >= 0) {
                // Seen before, unchanged and not staged: staged now, ahead of this sighting, from the
                // interval (which is rare: waiting for the keys costs the crawl little).
                keys.require();
                staging.writeSighting(index.rowId(slot), scopes.scope(sighting));
            }
            index.markStaged(slot);
            staged.add(r);
            mayOpen(hash, sha256, searched);
        }
        if (!fresh.isEmpty()) {
            newIntervals.write(fresh);
            createdCount += fresh.size();
        }
        if (!staged.isEmpty()) {
            staging.write(scope, staged);
        }
    }

    /** A resource whose interval this snapshot may open: the saved state gets its digest if it does. */
    private void mayOpen(long ocidHash, byte[] sha256, SearchedResource searched) {
        if (searched.digested()) {
            opened.put(ocidHash, sha256, searched.digestHigh(), searched.digestLow());
        }
    }

    /**
     * The slots of the open intervals not seen, staged or ended by this snapshot whose own scope it declared and
     * collected fully: resources gone, or that moved into a scope not collected, or that Search skipped.
     */
    IntStream unseenInCollected(Set<Scope> declared, Set<Scope> notCollected) {
        boolean[] collected = new boolean[scopes.count()];
        for (int id = 0; id < collected.length; id++) {
            Scope scope = scopes.scope(id);
            collected[id] = declared.contains(scope) && !notCollected.contains(scope);
        }
        return IntStream.range(0, index.size()).filter(slot -> index.sighting(slot) == OpenIntervalIndex.UNSEEN
                && collected[index.ownScope(slot)] && !endedEarly.get(slot));
    }

    /**
     * Marks the open intervals of these resources, when not seen yet, as seen unchanged by their own scope: they
     * stay open with the content they had (see {@link #endCandidates}).
     */
    void carryForward(Collection<String> ocids) {
        sightByOwnScope(ocids, OpenIntervalIndex.UNSEEN);
    }

    /**
     * Keeps open, as they were, the intervals of resources only scopes that failed saw (see
     * Staging#seenOnlyByFailedScopes): counted as seen unchanged by their own scope, which the commit then
     * neither ends nor carries as a failed scope's unless it failed too.
     */
    void keepSeenOnlyByFailedScopes(Collection<String> ocids) {
        sightByOwnScope(ocids, OpenIntervalIndex.STAGED);
    }

    /** Marks the open intervals of these resources whose sighting is {@code was} as seen unchanged by their own scope. */
    private void sightByOwnScope(Collection<String> ocids, int was) {
        for (String ocid : ocids) {
            int slot = slotOf(ocid);
            if (slot >= 0 && index.sighting(slot) == was) {
                index.sight(slot, index.ownScope(slot));
            }
        }
    }

    /** The slot of the resource's open interval, or -1. */
    private int slotOf(String ocid) {
        return index.findHashed(index.hash(ocid));
    }

    /** The scopes not among {@code declared} that own an open interval. */
    Set<Scope> undeclaredHolding(Set<Scope> declared) {
        boolean[] held = new boolean[scopes.count()];
        for (int slot = 0; slot < index.size(); slot++) {
            held[index.ownScope(slot)] = true;
        }
        return IntStream.range(0, held.length).filter(id -> held[id]).mapToObj(scopes::scope)
                .filter(scope -> !declared.contains(scope)).collect(Collectors.toSet());
    }

    /**
     * The slots of the open intervals that this snapshot may end, the others being certainly unchanged or
     * ended already: all but those seen unchanged by a scope collected fully, those neither seen nor staged
     * whose own scope failed (carried forward, unknown), and those {@link #endChangedIn} ended. Which of these do end is the commit's SQL to decide.
     */
    IntStream endCandidates(Set<Scope> failed) {
        boolean[] failedIds = new boolean[scopes.count()];
        for (int id = 0; id < failedIds.length; id++) {
            failedIds[id] = failed.contains(scopes.scope(id));
        }
        return IntStream.range(0, index.size()).filter(slot -> {
            int sighting = index.sighting(slot);
            boolean seenUnchanged = sighting >= 0 && !failedIds[sighting];
            boolean carried = sighting != OpenIntervalIndex.STAGED && failedIds[index.ownScope(slot)];
            return !seenUnchanged && !carried && !endedEarly.get(slot);
        });
    }
}
