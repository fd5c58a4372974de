package io.github.ocidiff.bench;

import io.github.ocidiff.audit.Attribution;
import io.github.ocidiff.audit.OciAuditFeed;
import io.github.ocidiff.config.Config;
import io.github.ocidiff.config.RulesConfig;
import io.github.ocidiff.diff.ChangeKind;
import io.github.ocidiff.job.AuditAccess;
import io.github.ocidiff.job.DiffJob;
import io.github.ocidiff.oci.OciClients;
import io.github.ocidiff.store.EvidenceWindow;
import io.github.ocidiff.store.SnapshotInfo;
import io.github.ocidiff.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Diff and attribution benchmarks (bench/diff.sh runs them), measured in one run:
 * <ol>
 *   <li>diff time between two snapshots of N resources with C changes / diff time between two snapshots
 *       of n resources with the same C changes (target ≤ 2 at N = 1,000,000, n = 10,000, C = 1,000: the
 *       cost follows the changes, not the tenancy). Timed as `ocidiff diff --no-audit` runs it
 *       ({@link DiffJob}: store read, diff engine, tag attribution), the median of several runs after
 *       warm-up, over snapshots written straight through the store API ({@link SyntheticNights});</li>
 *   <li>Audit events attributed per second over a one-day window of the simulator's generator (M
 *       resources at 10% daily churn, 99 read events per write: about 10 × M events, 1,000,000 at
 *       M = 100,000), streamed over HTTP through the OCI SDK into the attribution of that day's diff, in
 *       a JVM of its own with -Xmx512m, whose peak heap after GC is reported with it.</li>
 * </ol>
 * Arguments: {@code [N] [n] [C] [M]}, 0 skipping a part.
 */
public final class DiffBench {

    private static final int WARM_UPS = 3;
    private static final int RUNS = 9;
    private static final RulesConfig NO_RULES = RulesConfig.none();
    private static final Instant NOW = Instant.parse("2026-11-03T06:00:00Z");
    /** The generator's daily churn and Audit read noise: 0.1 × (1 + 99) = 10 events a day per resource. */
    private static final String CHURN = "0.1";
    private static final String READS_PER_WRITE = "99";

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("attribute")) {
            attribute(Path.of(args[1]));
            return;
        }
        int big = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int small = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int changes = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int auditResources = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        Path jar = ChildJvm.ocidiffJar();
        Path work = Files.createTempDirectory("ocidiff-bench");
        System.out.printf("ocidiff diff benchmark (work dir %s)%n", work);
        if (big > 0 && small > 0 && changes > 0) {
            diffRatio(work.resolve("diff"), big, small, changes);
        }
        if (auditResources > 0) {
            attribution(jar, work.resolve("audit"), auditResources);
        }
    }

    private static void diffRatio(Path dir, int big, int small, int changes) throws IOException {
        Path bigPrefix = dir.resolve("big/ocidiff");
        Path smallPrefix = dir.resolve("small/ocidiff");
        try (Store bigStore = Store.open(bigPrefix); Store smallStore = Store.open(smallPrefix)) {
            long start = System.nanoTime();
            SyntheticNights.Pair bigPair = SyntheticNights.write(bigStore, big, changes);
            SyntheticNights.Pair smallPair = SyntheticNights.write(smallStore, small, changes);
            long writeSeconds = (System.nanoTime() - start) / 1_000_000_000;
            System.out.printf("%n[1] two nights of %,d and two of %,d resources, %,d changes each (%s),"
                    + " written through the store in %d s%n", big, small, changes, kinds(diff(smallStore, smallPair)),
                    writeSeconds);
            long[] bigNanos = new long[RUNS];
            long[] smallNanos = new long[RUNS];
            // Alternated, so that whatever else the machine does weighs on both sizes alike.
            for (int run = -WARM_UPS; run < RUNS; run++) {
                long b = timedDiff(bigStore, bigPair, changes);
                long s = timedDiff(smallStore, smallPair, changes);
                if (run >= 0) {
                    bigNanos[run] = b;
                    smallNanos[run] = s;
                }
            }
            double bigMs = median(bigNanos) / 1e6;
            double smallMs = median(smallNanos) / 1e6;
            System.out.printf("    diff %s: %.1f ms, diff %s: %.1f ms (medians of %d runs after %d warm-ups)%n",
                    label(big), bigMs, label(small), smallMs, RUNS, WARM_UPS);
            System.out.printf("    diff %s/%s ratio: %.2f (target <= 2)%n", label(big), label(small), bigMs / smallMs);
        }
        // A million resources' store is most of a gigabyte and has nothing more to tell.
        for (Path prefix : List.of(bigPrefix, smallPrefix)) {
            Files.delete(Path.of(prefix + ".mv.db"));
        }
    }

    /** The diff as `ocidiff diff --no-audit` makes it: store read, diff engine, attribution from tags. */
    private static DiffJob.Result diff(Store store, SyntheticNights.Pair pair) {
        return new DiffJob(store, NO_RULES, new AuditAccess.Skip()).run(pair.from(), pair.to(), List.of(), NOW);
    }

    private static long timedDiff(Store store, SyntheticNights.Pair pair, int changes) {
        long start = System.nanoTime();
        int found = diff(store, pair).report().changes().size();
        long nanos = System.nanoTime() - start;
        if (found != changes) {
            throw new IllegalStateException("the diff found " + found + " changes, not the " + changes + " written");
        }
        return nanos;
    }

    private static String kinds(DiffJob.Result result) {
        Map<ChangeKind, Integer> kinds = new TreeMap<>();
        result.report().changes().forEach(c -> kinds.merge(c.change().kind(), 1, Integer::sum));
        return kinds.toString();
    }

    private static void attribution(Path jar, Path dir, int resources) throws Exception {
        try (SimProcess sim = SimProcess.start(jar, dir, "--resources", String.valueOf(resources), "--days", "2",
                "--churn", CHURN, "--audit-reads", READS_PER_WRITE)) {
            Path config = sim.benchConfig();
            long start = System.nanoTime();
            for (LocalDate day : sim.days()) {
                sim.snapshot(config, day);
            }
            System.out.printf("%n[2] %,d generated resources, %s daily churn, %s Audit reads per write event;"
                    + " two nights snapshotted in %d s%n", resources, CHURN, READS_PER_WRITE,
                    (System.nanoTime() - start) / 1_000_000_000);
            Path gcLog = dir.resolve("gc.log");
            Path log = dir.resolve("attribute.log");
            List<String> command = ChildJvm.ocidiffCommand(gcLog);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), DiffBench.class.getName(), "attribute",
                    config.toString()));
            ChildJvm.run(command, log);
            String line = Files.readAllLines(log).stream().filter(l -> l.startsWith("attributed ")).reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException("no result in " + log));
            long[] n = Arrays.stream(line.substring("attributed ".length()).split(" ")).mapToLong(Long::parseLong)
                    .toArray();
            long events = n[0];
            long millis = n[5];
            long cpuMillis = n[6];
            System.out.printf("    %,d changes, %,d of them attributed from %,d write events; the diff alone"
                    + " (no Audit) takes %,d ms%n", n[2], n[3], n[1], n[4]);
            System.out.printf("    audit: %,d events in %.1f s = %,.0f events/s, peak heap %d MB (limit 512 MB)%n",
                    events, millis / 1e3, events * 1000.0 / millis, ChildJvm.peakAfterGcMb(gcLog));
            // The simulator shares the cores: the attributing JVM's own CPU time is ocidiff's part of the cost.
            System.out.printf("    the attributing JVM used %.1f s of CPU for it: %,.0f events per CPU second%n",
                    cpuMillis / 1e3, events * 1000.0 / cpuMillis);
        }
    }

    /**
     * Child mode: the diff of the store's first and last snapshots, timed without Audit and then with it;
     * prints {@code attributed EVENTS WRITES CHANGES AUDITED DIFF_MS ATTRIBUTED_MS ATTRIBUTED_CPU_MS}.
     */
    private static void attribute(Path configFile) {
        Config config = SimProcess.config(configFile);
        try (OciClients clients = SimProcess.clients(config); Store store = Store.open(config.store().path())) {
            List<SnapshotInfo> nights = store.snapshots();
            SnapshotInfo from = nights.get(0);
            SnapshotInfo to = nights.get(nights.size() - 1);
            long start = System.nanoTime();
            new DiffJob(store, config.rules(), new AuditAccess.Skip()).run(from, to, List.of(), NOW);
            long diffMillis = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            long cpuStart = cpuMillis();
            DiffJob.Result result = new DiffJob(store, config.rules(), new AuditAccess.Read(
                    () -> new OciAuditFeed(clients), config.oci().concurrency().audit())).run(from, to, List.of(), NOW);
            long millis = (System.nanoTime() - start) / 1_000_000;
            long cpu = cpuMillis() - cpuStart;
            if (!result.warnings().isEmpty()) {
                throw new IllegalStateException("attribution was incomplete: " + result.warnings());
            }
            EvidenceWindow evidence = store.auditWindow(from.id(), to.id()).orElseThrow();
            long audited = result.report().changes().stream().filter(c -> c.attribution() == Attribution.AUDIT).count();
            System.out.printf("attributed %d %d %d %d %d %d %d%n", evidence.eventsRead(), evidence.writeEvents(),
                    result.report().changes().size(), audited, diffMillis, millis, cpu);
        }
    }

    private static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toMillis();
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** 1000000 → "1M", 10000 → "10k". */
    private static String label(int n) {
        return n % 1_000_000 == 0 ? n / 1_000_000 + "M" : n % 1_000 == 0 ? n / 1_000 + "k" : String.format("%,d", n);
    }
}
