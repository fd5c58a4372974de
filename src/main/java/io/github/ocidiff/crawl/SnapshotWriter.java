package io.github.ocidiff.crawl;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a crawl writes one snapshot. Implemented by the store. Thread-safe: scopes are collected in
 * parallel. Nothing written becomes visible (to diffs, to `snapshots`) until {@link #commit}; a writer
 * abandoned by a crash leaves nothing the next run cannot clean up.
 */
public interface SnapshotWriter extends AutoCloseable {

    /** The id the snapshot will have once committed. */
    long snapshotId();

    /** The scopes this snapshot covers, declared before any resource arrives. */
    void declareScopes(List<Scope> scopes);

    /**
     * Scopes the configuration covers that this snapshot, narrowed on the command line, leaves out: not
     * collected ("left out by --region ..."), so their resources are carried forward as unknown, as a failed
     * scope's are, without making the snapshot PARTIAL. By default they count as failed scopes.
     */
    default void declareNarrowedOut(List<Scope> scopes, Narrowing narrowing) {
        declareScopes(scopes);
        scopes.forEach(scope -> scopeDone(ScopeCoverage.leftOut(scope, narrowing)));
    }

    /** Resources of one scope, in any batch size; a resource seen twice (paging shifts) is kept once. */
    void write(Scope scope, List<CanonicalResource> resources);

    /**
     * Resources of one scope as the crawl found them (see {@link SearchedResource}): a writer may know
     * some unchanged from the latest snapshot by their digest without asking their canonical form. By
     * default, their canonical forms are written.
     */
    default void writeSearched(Scope scope, List<SearchedResource> resources) {
        write(scope, resources.stream().map(SearchedResource::canonical).toList());
    }

    /**
     * Marks a scope done, collected fully or not; once per scope, after the resources its query listed. Only the
     * lookups of {@link #unseenToLookUp} write for a scope done (collected fully) after this.
     */
    void scopeDone(ScopeCoverage coverage);

    /**
     * Once every scope declared so far is done: the scopes not declared where the latest snapshot holds resources
     * (last seen there, or carried forward as unknown). By default, none.
     */
    default Set<Scope> undeclaredHolding() {
        return Set.of();
    }

    /**
     * Once every scope is done: by region, the resources the latest snapshot had in scopes collected fully now
     * that no scope reported, and that may still exist: in regions where some scope was not collected (each may
     * have moved into one), and anywhere those it last saw live (Search lists a deleted resource as TERMINATED
     * for a while, so a live one missing may be one its paging skipped). The crawl looks them up, writes those
     * Search lists in a scope collected fully for that scope, and carries the others forward (see {@link
     * #carryForward}). By default, none.
     */
    default Map<String, List<String>> unseenToLookUp() {
        return Map.of();
    }

    /**
     * Resources of {@link #unseenToLookUp} that Search lists in a compartment outside this snapshot's plan (one the
     * configuration leaves out): each is written, as Search lists it, for the scope it was last seen in, so that the
     * snapshot shows it moved there; from the next snapshot on, outside the plan, it is unknown, not deleted. By
     * default, none is written.
     */
    default void writeMovedOut(List<SearchedResource> resources) {
    }

    /**
     * Carries resources of {@link #unseenToLookUp} forward as they were rather than gone: Search lists them in a
     * scope not collected, or could not be asked. By default, nothing is carried.
     */
    default void carryForward(Collection<String> ocids) {
    }

    /**
     * Resources of {@link #unseenToLookUp} whose fate the crawl could not learn (Search did not answer their lookup,
     * or the details of what it answered could not be read), each with the reason: neither gone nor as they were,
     * so the scopes they were last seen in, collected fully, count as not collected after all, and their resources
     * are carried forward as unknown, as a failed scope's are. Returns the coverage those scopes now have. By
     * default, none.
     */
    default List<ScopeCoverage> fateUnknown(Map<String, String> reasonByOcid) {
        return List.of();
    }

    /**
     * Makes the snapshot visible with its final status: resources of scopes that failed are carried
     * forward from the previous snapshot as unknown; everything else not written is gone from this
     * snapshot on.
     */
    SnapshotSummary commit();

    /** Abandons the snapshot (nothing becomes visible); called by close() when not committed. */
    @Override
    void close();
}
