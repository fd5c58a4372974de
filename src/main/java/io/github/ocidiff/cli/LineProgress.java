package io.github.ocidiff.cli;

import io.github.ocidiff.crawl.CrawlPlan;
import io.github.ocidiff.crawl.CrawlProgress;
import io.github.ocidiff.crawl.ScopeCoverage;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Progress as log lines, for cron and CI logs: one line when the crawl starts, one per failed scope with
 * an error not told yet for its region (a region down fails every scope alike: the others are counted,
 * and the report's coverage lists each), one at every tenth of the scopes, and one when the commit starts.
 */
final class LineProgress implements CrawlProgress {
    private final PrintWriter out;
    private final Map<String, Map<String, Integer>> gapsByRegionAndError = new LinkedHashMap<>();
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
        out.printf("snapshot of %s: %s x %s = %s%s%n", plan.tenancyName(), SnapshotCommand.count(plan.regions().size(),
                "region"), SnapshotCommand.count(plan.compartments().size(), "compartment"), SnapshotCommand.count(total, "scope"),
                plan.narrowing().isNone() ? "" : " (narrowed: " + plan.narrowing().describe() + "; "
                        + SnapshotCommand.count(plan.narrowedOut().size(), "scope") + " left out, carried forward)");
        out.flush();
    }

    @Override
    public synchronized void scopeDone(ScopeCoverage coverage) {
        done++;
        resources += coverage.resources();
        if (!coverage.ok()) {
            gap(coverage);
        }
        if (done >= nextReport || done == total) {
            out.printf("  %d/%d scopes, %s%n", done, total, SnapshotCommand.count(resources, "resource"));
            nextReport = done + Math.max(1, total / 10);
        }
        out.flush();
    }

    private void gap(ScopeCoverage coverage) {
        if (gapsByRegionAndError.computeIfAbsent(coverage.scope().region(), r -> new LinkedHashMap<>())
                .merge(String.valueOf(coverage.error()), 1, Integer::sum) == 1) {
            out.printf("  gap: %s %s: %s%n", coverage.scope().region(), coverage.scope().compartmentId(), coverage.error());
        }
    }

    @Override
    public synchronized void sharing(int scopes, int queries) {
        out.printf("  %s that held few resources last time share %,d Search quer%s%n",
                SnapshotCommand.count(scopes, "scope"), queries, queries == 1 ? "y" : "ies");
        out.flush();
    }

    @Override
    public synchronized void probing(int scopes, int queries) {
        out.printf("  %s the latest snapshot did not collect share %,d Search quer%s as probes (those holding more than"
                        + " a page are then asked apart)%n",
                SnapshotCommand.count(scopes, "scope"), queries, queries == 1 ? "y" : "ies");
        out.flush();
    }

    @Override
    public synchronized void retired(List<ScopeCoverage> asked) {
        long compartments = asked.stream().map(c -> c.scope().compartmentId()).distinct().count();
        long resources = asked.stream().filter(ScopeCoverage::ok).mapToLong(ScopeCoverage::resources).sum();
        out.printf("  %s no longer active held resources at the last snapshot: asked once more, %s still listed%n",
                SnapshotCommand.count(compartments, "compartment"), SnapshotCommand.count(resources, "resource"));
        asked.stream().filter(c -> !c.ok()).forEach(this::gap);
        out.flush();
    }

    @Override
    public synchronized void lookedUp(int missing, int kept, int unknown, List<ScopeCoverage> notCollected) {
        out.printf("  looked up %s missing from their compartments: %,d still listed, %,d gone%s%n",
                SnapshotCommand.count(missing, "resource"), kept, missing - kept - unknown, unknown == 0 ? ""
                        : String.format(", %,d not learnt (%s they were in counted as not collected)", unknown,
                        SnapshotCommand.count(notCollected.size(), "scope")));
        notCollected.forEach(this::gap);
        out.flush();
    }

    @Override
    public synchronized void committing() {
        gapsByRegionAndError.forEach((region, errors) -> {
            int untold = errors.values().stream().mapToInt(n -> n - 1).sum();
            if (untold > 0) {
                out.printf("  gap: %s: %s more failed with an error told above%n", region, SnapshotCommand.count(untold, "scope"));
            }
        });
        out.printf("  collected; committing the snapshot%n");
        out.flush();
    }
}
