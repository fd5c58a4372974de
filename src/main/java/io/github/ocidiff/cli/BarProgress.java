package io.github.ocidiff.cli;

import io.github.ocidiff.crawl.CrawlPlan;
import io.github.ocidiff.crawl.CrawlProgress;
import io.github.ocidiff.crawl.ScopeCoverage;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** A terminal progress bar: scopes done of total, resources so far and resources per second. */
final class BarProgress implements CrawlProgress, AutoCloseable {
    private final long startNanos = System.nanoTime();
    private ProgressBar bar;
    private long resources;

    @Override
    public synchronized void started(CrawlPlan plan) {
        bar = new ProgressBarBuilder().setTaskName("snapshot").setInitialMax(plan.scopes().size())
                .setRenderer(new ScopeBar()).continuousUpdate().build();
    }

    @Override
    public synchronized void scopeDone(ScopeCoverage coverage) {
        resources += coverage.resources();
        double seconds = Math.max(0.001, (System.nanoTime() - startNanos) / 1e9);
        bar.setExtraMessage(String.format(", %,d resources, %,.0f/s", resources, resources / seconds));
        bar.step();
    }

    @Override
    public synchronized void committing() {
        bar.setExtraMessage(String.format(", %,d resources; committing", resources));
        bar.refresh();
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
