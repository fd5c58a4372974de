package io.github.ocidiff.crawl;

/** Told as a crawl advances; called from collector threads, so implementations synchronise. */
public interface CrawlProgress {
    void started(CrawlPlan plan);

    void scopeDone(ScopeCoverage coverage);

    CrawlProgress NONE = new CrawlProgress() {
        @Override
        public void started(CrawlPlan plan) {
        }

        @Override
        public void scopeDone(ScopeCoverage coverage) {
        }
    };
}
