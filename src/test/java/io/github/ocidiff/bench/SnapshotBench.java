package io.github.ocidiff.bench;

import com.oracle.bmc.resourcesearch.ResourceSearchClient;
import com.oracle.bmc.resourcesearch.model.StructuredSearchDetails;
import com.oracle.bmc.resourcesearch.requests.SearchResourcesRequest;
import com.oracle.bmc.resourcesearch.responses.SearchResourcesResponse;
import io.github.ocidiff.config.Config;
import io.github.ocidiff.crawl.CanonicalResource;
import io.github.ocidiff.crawl.CrawlPlan;
import io.github.ocidiff.crawl.CrawlProgress;
import io.github.ocidiff.crawl.Crawler;
import io.github.ocidiff.crawl.Narrowing;
import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.crawl.ScopeCoverage;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.crawl.SnapshotSummary;
import io.github.ocidiff.crawl.SnapshotWriter;
import io.github.ocidiff.oci.OciClients;
import io.github.ocidiff.oci.Service;
import io.github.ocidiff.oci.Pager;
import io.github.ocidiff.oci.Parallel;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Snapshot benchmarks against the simulator's generator (bench/snapshot.sh runs them), each a ratio
 * measured in one run:
 * <ol>
 *   <li>snapshot wall time of N resources / wall time of paging the same scopes through the SDK
 *       without storing (target ≤ 1.3 at N = 1,000,000), both in fresh JVMs with -Xmx512m against a
 *       simulator warmed up by one untimed paging, for the first night (an empty store) and the second
 *       (1% churn by default: what runs every night), with the CPU time each step cost; the nights run
 *       as the {@code ocidiff} launcher runs them, with the build's class-data archive (paging, a program
 *       of the SDK alone, has none);</li>
 *   <li>peak heap of each snapshot process (-Xmx512m must hold): the largest occupancy after any collection
 *       (from the GC log; with the old generation's garbage) and after a full one (what was alive);</li>
 *   <li>store size (database and saved latest state) after 30 nightly snapshots at 1% churn / store size
 *       after the first (target ≤ 1.5).</li>
 * </ol>
 * The simulator runs in its own JVM so that its heap is not counted. Arguments: {@code [N] [GROWTH_N]
 * [NIGHTS] [LATENCY_MS] [CHURN]}, 0 skipping a part, LATENCY_MS the simulator's delay before each answer of
 * the speed part (default 0), CHURN the share of resources the speed part's second night changes (default
 * 0.01, the growth part's); the system property {@code ocidiff.buildDir} names the folder of the
 * built jar (default {@code target}).
 */
public final class SnapshotBench {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("page")) {
            page(Path.of(args[1]), args[2].equals("canonical"));
            return;
        }
        int resources = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int growthResources = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int nights = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        // Milliseconds the simulator waits before each answer: OCI's pages come over a network, the
        // simulator's over loopback, where paging is bound by the CPU that ocidiff shares with it.
        int latency = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        double churn = args.length > 4 ? Double.parseDouble(args[4]) : 0.01;
        Path jar = ChildJvm.ocidiffJar();
        Path work = Files.createTempDirectory("ocidiff-bench");
        System.out.printf("ocidiff snapshot benchmark (work dir %s)%n", work);
        // A count of 0 skips its part, for quicker loops on one of them.
        if (resources > 0) {
            speedAndHeap(jar, work.resolve("speed"), resources, latency, churn);
        }
        if (growthResources > 0 && nights > 0) {
            growth(jar, work.resolve("growth"), growthResources, nights);
        }
    }

    private static void speedAndHeap(Path jar, Path dir, int resources, int latency, double churn) throws Exception {
        try (SimProcess sim = SimProcess.start(jar, dir, "--resources", String.valueOf(resources), "--days", "3",
                "--latency", String.valueOf(latency), "--churn", String.valueOf(churn))) {
            Path config = sim.benchConfig();
            List<LocalDate> days = sim.days();
            // Once untimed: a cold simulator spends twice the CPU it does warm (its JIT compiling), which
            // would slow the paging baseline alone, since the nights come after it.
            page(sim, config, dir, "canonical", "warm-up");
            Step page = page(sim, config, dir, "sdk", "sdk");
            Step crawl = page(sim, config, dir, "canonical", "canonical");
            System.out.printf("%n[1] %,d resources%s; paging only (SDK, no store): %,d ms%s%n"
                            + "    paging and the canonical form (the crawl without a store): %,d ms%s%n", resources,
                    latency == 0 ? "" : String.format(" (the simulator answers after %d ms)", latency),
                    page.millis(), page.cpu(), crawl.millis(), crawl.cpu());
            List<String> launcher = ChildJvm.launcherOptions(jar);
            System.out.printf("    the nights run as the ocidiff launcher runs them, %s%n", launcher.isEmpty()
                    ? "but without a class-data archive (the build skipped it or it is older than the jar)"
                    : "with the build's class-data archive");
            // Three: the second builds the keys the first left out beside its crawl (see DeferredKeys); the
            // third is a night like every one after it.
            for (int night = 0; night < 3; night++) {
                sim.selectDay(days.get(night));
                Path gcLog = dir.resolve("gc" + night + ".log");
                List<String> command = ChildJvm.ocidiffCommand(gcLog);
                command.addAll(launcher);
                // E.g. BENCH_SNAPSHOT_JVM_ARGS=-XX:StartFlightRecording=filename=night{night}.jfr profiles them.
                String extra = System.getenv().getOrDefault("BENCH_SNAPSHOT_JVM_ARGS", "").strip();
                if (!extra.isEmpty()) {
                    command.addAll(List.of(extra.replace("{night}", String.valueOf(night)).split("\\s+")));
                }
                command.addAll(List.of("-jar", jar.toString(), "--config", config.toString(), "snapshot", "--quiet",
                        "--at", days.get(night) + "T23:59:59Z"));
                Path log = dir.resolve("snapshot" + night + ".log");
                Step snap = Step.run(sim, command, log, gcLog);
                List<String> lines = Files.readAllLines(log);
                String summary = lines.stream().filter(l -> l.startsWith("snapshot ")).reduce((a, b) -> b).orElse("?");
                // Closing the store may rewrite it compactly (see Store#close): part of the night, after the summary.
                String rewrite = lines.stream().filter(l -> l.startsWith("store rewritten")).findFirst()
                        .orElse("store not rewritten");
                System.out.printf("    %s night (%s; %s): %,d ms%s%n        -> ratio snapshot / paging = %.2f (target <= 1.3);"
                                + " snapshot / crawl without a store = %.2f; heap after collections at most %d MB with -Xmx512m"
                                + " (after full collections %d MB)%n",
                        NIGHTS.get(night) + (night == 0 ? "" : String.format(", %s%% churn", percent(churn))), summary,
                        rewrite, snap.millis(), snap.cpu(),
                        (double) snap.millis() / page.millis(), (double) snap.millis() / crawl.millis(),
                        ChildJvm.peakAfterGcMb(gcLog), ChildJvm.peakAfterFullGcMb(gcLog));
            }
        }
    }

    private static final List<String> NIGHTS = List.of("first, empty store", "second (building the keys the first left out)",
            "third");

    /** 0.01 -> "1", 0.001 -> "0.1". */
    private static String percent(double share) {
        return BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    /** Pages every scope in a child JVM ({@code mode} sdk or canonical, see {@link #page(Path, boolean)}). */
    private static Step page(SimProcess sim, Path config, Path dir, String mode, String name) throws Exception {
        Path gcLog = dir.resolve("gc-page-" + name + ".log");
        List<String> command = ChildJvm.ocidiffCommand(gcLog);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SnapshotBench.class.getName(), "page",
                config.toString(), mode));
        return Step.run(sim, command, dir.resolve("page-" + name + ".log"), gcLog);
    }

    /** A measured step: what its process used, the simulator's CPU meanwhile, and the process's GC log. */
    private record Step(ChildJvm.Usage usage, long simCpuMillis, Path gcLog) {

        static Step run(SimProcess sim, List<String> command, Path log, Path gcLog) throws Exception {
            long simCpu = sim.cpuMillis();
            ChildJvm.Usage usage = ChildJvm.measure(command, log);
            return new Step(usage, sim.cpuMillis() - simCpu, gcLog);
        }

        long millis() {
            return usage.millis();
        }

        /**
         * The CPU seconds the step cost, its process's and the simulator's, and its collections' pauses: on
         * a machine whose cores paging alone keeps busy, what the store adds to the CPU is what it adds to
         * the wall time.
         */
        String cpu() throws IOException {
            return String.format(" (CPU: %.1f s ocidiff, %.1f s simulator; ocidiff in GC pauses %.1f s)",
                    usage.cpuMillis() / 1000.0, simCpuMillis / 1000.0, ChildJvm.gcPauseMillis(gcLog) / 1000.0);
        }
    }

    private static void growth(Path jar, Path dir, int resources, int nights) throws Exception {
        try (SimProcess sim = SimProcess.start(jar, dir, "--resources", String.valueOf(resources),
                "--days", String.valueOf(nights + 1), "--churn", "0.01")) {
            Path config = sim.benchConfig();
            Path store = dir.resolve("store");
            List<LocalDate> days = sim.days();
            long first = 0;
            for (int i = 0; i <= nights; i++) {
                sim.snapshot(config, days.get(i));
                if (i == 0) {
                    first = sizeOf(store);
                }
            }
            long last = sizeOf(store);
            System.out.printf("[3] store of %,d resources (database and saved latest state): %,d bytes after the first"
                    + " snapshot, %,d after %d more nights at 1%% churn%n    ratio = %.2f (target <= 1.5)%n",
                    resources, first, last, nights, (double) last / first);
        }
    }

    /** The store's files: the database and the latest state saved beside it (a cache, but disk all the same). */
    private static long sizeOf(Path storeDir) throws IOException {
        return Files.size(storeDir.resolve("ocidiff.mv.db")) + Files.size(storeDir.resolve("ocidiff.open-intervals"));
    }

    /**
     * Child mode: pages every scope of the plan through the SDK's stock client (its models bound, as any
     * SDK user gets them), as many at once as a snapshot does, and throws the results away; with {@code
     * canonical}, through the crawler, which reads the pages raw and puts each resource in its canonical
     * form.
     */
    private static void page(Path configFile, boolean canonical) {
        Config config = SimProcess.config(configFile);
        try (OciClients clients = SimProcess.clients(config)) {
            Crawler crawler = new Crawler(clients, List.of());
            CrawlPlan plan = crawler.plan(Narrowing.NONE, List.of(), List.of(), List.of(), List.of());
            AtomicLong count = new AtomicLong();
            if (canonical) {
                crawler.collect(plan, new CountingWriter(count), CrawlProgress.NONE);
            } else {
                // The SDK's own client as it comes (ocidiff's search clients read pages raw), one per region,
                // and as many requests at once in a region as ocidiff makes to Search (oci.concurrencyPerRegion).
                Map<String, ResourceSearchClient> stock = new HashMap<>();
                Map<String, Semaphore> gates = new HashMap<>();
                for (String region : plan.regions()) {
                    stock.put(region, ResourceSearchClient.builder()
                            .endpoint(config.oci().endpoint().replace("{region}", region))
                            .build(clients.credentials().provider()));
                    gates.put(region, new Semaphore(clients.concurrency(Service.SEARCH), true));
                }
                Parallel.map(plan.scopes(), crawler.threads(plan), "ocidiff-crawl", "paging", scope -> {
                    ResourceSearchClient search = stock.get(scope.region());
                    Semaphore gate = gates.get(scope.region());
                    Pager.forEachPage(page -> {
                                gate.acquireUninterruptibly();
                                try {
                                    return search.searchResources(SearchResourcesRequest.builder()
                                            .searchDetails(StructuredSearchDetails.builder()
                                                    .query(Crawler.query(scope)).build())
                                            .limit(1000).page(page).build());
                                } finally {
                                    gate.release();
                                }
                            },
                            SearchResourcesResponse::getOpcNextPage,
                            response -> count.addAndGet(response.getResourceSummaryCollection().getItems().size()));
                    return null;
                });
                stock.values().forEach(ResourceSearchClient::close);
            }
            System.out.println("paged " + count.get() + " resources");
        }
    }

    /** A snapshot writer that only counts. */
    private record CountingWriter(AtomicLong count) implements SnapshotWriter {
        @Override
        public long snapshotId() {
            return 0;
        }

        @Override
        public void declareScopes(List<Scope> scopes) {
        }

        @Override
        public void write(Scope scope, List<CanonicalResource> resources) {
            count.addAndGet(resources.size());
        }

        @Override
        public void scopeDone(ScopeCoverage coverage) {
        }

        @Override
        public SnapshotSummary commit() {
            return new SnapshotSummary(0, Instant.now(), SnapshotStatus.COMPLETE, count.get(), List.of());
        }

        @Override
        public void close() {
        }
    }
}
