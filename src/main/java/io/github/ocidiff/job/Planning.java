package io.github.ocidiff.job;

import io.github.ocidiff.config.Config;
import io.github.ocidiff.crawl.CrawlPlan;
import io.github.ocidiff.crawl.Crawler;
import io.github.ocidiff.oci.OciClients;
import io.github.ocidiff.oci.Parallel;
import java.util.concurrent.CompletableFuture;

/**
 * What a snapshot covers, asked of Identity (tenancy, regions, compartments) on a thread of its own, so
 * that it overlaps opening the store: each takes most of a second, mostly loading and setting up classes
 * (the SDK's clients; H2 and jOOQ). A store that keeps today's snapshot makes the answer unneeded: it is
 * then left to its daemon thread, which a command does not wait for (Identity may be slow to answer).
 */
public final class Planning {

    private final Crawler crawler;
    private final CompletableFuture<CrawlPlan> plan;

    private Planning(Crawler crawler, CompletableFuture<CrawlPlan> plan) {
        this.crawler = crawler;
        this.plan = plan;
    }

    /** Starts asking, on a daemon thread. */
    public static Planning start(OciClients clients, Config config, SnapshotJob.Request request) {
        Crawler crawler = new Crawler(clients, config.snapshot().enrich());
        var regions = config.regions();
        var compartments = config.compartments();
        CompletableFuture<CrawlPlan> plan = new CompletableFuture<>();
        Thread asking = new Thread(() -> {
            try {
                plan.complete(crawler.plan(request.narrowing(), regions.include(), regions.exclude(),
                        compartments.include(), compartments.exclude()));
            } catch (Throwable e) {
                plan.completeExceptionally(e);
            }
        }, "ocidiff-planning");
        asking.setDaemon(true);
        asking.start();
        return new Planning(crawler, plan);
    }

    Crawler crawler() {
        return crawler;
    }

    /** The plan, once asked; fails as asking it failed, with the same exception. */
    CrawlPlan plan() {
        return Parallel.join(plan);
    }

    /**
     * Waits for the answer, failing as {@link #plan()} does: a run into a store not made yet asks first, so that one
     * Identity refuses (credentials, a region) leaves no empty store behind.
     */
    public void await() {
        plan();
    }
}
