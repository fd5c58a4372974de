package io.github.ocidiff.crawl;

import java.util.List;

/** Told as a crawl advances; called from collector threads, so implementations synchronise. */
public interface CrawlProgress {
    void started(CrawlPlan plan);

    void scopeDone(ScopeCoverage coverage);

    /** {@code scopes} small scopes share {@code queries} Search queries (see {@link SearchGroups}); told once, at the start. */
    default void sharing(int scopes, int queries) {
    }

    /**
     * {@code scopes} scopes the latest snapshot did not collect share {@code queries} Search queries as probes (with
     * the small scopes of their region, for a query naming no compartment), each asked for its
     * first page, after which those of a query that holds more are asked apart (see {@link SearchGroups}); told once,
     * at the start.
     */
    default void probing(int scopes, int queries) {
    }

    /**
     * The scopes of compartments no longer active that held resources at the latest snapshot were asked once more
     * (see {@link Crawler}), each done as {@code asked} says.
     */
    default void retired(List<ScopeCoverage> asked) {
    }

    /**
     * Resources missing from their compartments, beside scopes not collected or last seen live, were looked up (see
     * {@link Crawler}): {@code kept} of the {@code missing} are kept, as Search lists them now or, when it lists them
     * in a scope not collected, as they were; of {@code unknown} the fate could not be learnt, so the scopes they
     * were last seen in count as not collected after all ({@code notCollected}, told done before as collected).
     */
    default void lookedUp(int missing, int kept, int unknown, List<ScopeCoverage> notCollected) {
    }

    /**
     * Every scope was collected and the snapshot is being committed, which takes a while on a first night
     * (the store builds its keys then).
     */
    void committing();

    CrawlProgress NONE = new CrawlProgress() {
        @Override
        public void started(CrawlPlan plan) {
        }

        @Override
        public void scopeDone(ScopeCoverage coverage) {
        }

        @Override
        public void committing() {
        }
    };
}
