package io.github.ocidiff.cli;

import io.github.ocidiff.crawl.CrawlPlan;
import io.github.ocidiff.crawl.CrawlProgress;
import io.github.ocidiff.crawl.ScopeCoverage;
import java.io.PrintWriter;

/**
 * Progress as log lines, for cron and CI logs: one line when the crawl starts, one per failed scope,
 * one at every tenth of the scopes, and one when the commit starts.
 */
final class LineProgress implements CrawlProgress {
    private final PrintWriter out;
    private int total;
    private int done;
    private long resources;
    private int nextReport;

    LineProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void started(CrawlPlan plan) {
        total = plan.scopes().size();
        nextReport = Math.max(1, total / 10);
        out.printf("snapshot of %s: %d regions x %d compartments = %d scopes%n", plan.tenancyName(),
                plan.regions().size(), plan.compartments().size(), total);
        out.flush();
    }

    @Override
    public synchronized void scopeDone(ScopeCoverage coverage) {
        done++;
        resources += coverage.resources();
        if (!coverage.ok()) {
            out.printf("  gap: %s %s: %s%n", coverage.scope().region(), coverage.scope().compartmentId(), coverage.error());
        }
        if (done >= nextReport || done == total) {
            out.printf("  %d/%d scopes, %,d resources%n", done, total, resources);
            nextReport = done + Math.max(1, total / 10);
        }
        out.flush();
    }

    @Override
    public synchronized void committing() {
        out.printf("  collected; committing the snapshot%n");
        out.flush();
    }
}
