package io.github.ocidiff.bench;

import io.github.ocidiff.cli.Main;
import io.github.ocidiff.config.Config;
import io.github.ocidiff.config.ConfigLoader;
import io.github.ocidiff.crawl.CanonicalResource;
import io.github.ocidiff.crawl.CrawlPlan;
import io.github.ocidiff.crawl.CrawlProgress;
import io.github.ocidiff.crawl.Crawler;
import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.crawl.ScopeCoverage;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.crawl.SnapshotSummary;
import io.github.ocidiff.crawl.SnapshotWriter;
import io.github.ocidiff.oci.Authenticator;
import io.github.ocidiff.oci.OciClients;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Snapshot benchmarks against the simulator's generator (bench/snapshot.sh runs them), each a ratio
 * measured in one run:
 * <ol>
 *   <li>snapshot wall time of N resources / wall time of paging the same scopes through the SDK
 *       without storing (target ≤ 1.3 at N = 1,000,000), both in fresh JVMs with -Xmx512m, for the first
 *       night (an empty store) and the second (1% churn: what runs every night);</li>
 *   <li>peak live heap of each snapshot process (after-GC occupancy from the GC log; -Xmx512m must hold);</li>
 *   <li>store size after 30 nightly snapshots at 1% churn / store size after the first (target ≤ 1.5).</li>
 * </ol>
 * The simulator runs in its own JVM so that its heap is not counted. Arguments: {@code [N] [GROWTH_N]
 * [NIGHTS]}, 0 skipping a part; the system property {@code ocidiff.buildDir} names the folder of the
 * built jar (default {@code target}).
 */
public final class SnapshotBench {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("page")) {
            page(Path.of(args[1]));
            return;
        }
        int resources = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int growthResources = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int nights = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path jar = Path.of(System.getProperty("ocidiff.buildDir", "target"), "ocidiff.jar").toAbsolutePath();
        Path work = Files.createTempDirectory("ocidiff-bench");
        System.out.printf("ocidiff snapshot benchmark (work dir %s)%n", work);
        // A count of 0 skips its part, for quicker loops on one of them.
        if (resources > 0) {
            speedAndHeap(jar, work.resolve("speed"), resources);
        }
        if (growthResources > 0 && nights > 0) {
            growth(jar, work.resolve("growth"), growthResources, nights);
        }
    }

    private static void speedAndHeap(Path jar, Path dir, int resources) throws Exception {
        try (Sim sim = Sim.start(jar, dir, "--resources", String.valueOf(resources), "--days", "2")) {
            Path config = sim.benchConfig();
            List<LocalDate> days = sim.days();
            long pageMillis = timeChild(List.of(java(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    SnapshotBench.class.getName(), "page", config.toString()), dir.resolve("page.log"));
            System.out.printf("%n[1] %,d resources; paging only (SDK, no store): %,d ms%n", resources, pageMillis);
            for (int night = 0; night < 2; night++) {
                sim.selectDay(days.get(night));
                Path gcLog = dir.resolve("gc" + night + ".log");
                Path log = dir.resolve("snapshot" + night + ".log");
                List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-Xlog:gc:file=" + gcLog));
                // E.g. BENCH_SNAPSHOT_JVM_ARGS=-XX:StartFlightRecording=filename=night{night}.jfr profiles them.
                String extra = System.getenv().getOrDefault("BENCH_SNAPSHOT_JVM_ARGS", "").strip();
                if (!extra.isEmpty()) {
                    command.addAll(List.of(extra.replace("{night}", String.valueOf(night)).split("\\s+")));
                }
                command.addAll(List.of("-jar", jar.toString(), "--config", config.toString(), "snapshot", "--quiet",
                        "--at", days.get(night) + "T23:59:59Z"));
                long snapMillis = timeChild(command, log);
                String summary = Files.readAllLines(log).stream().filter(l -> l.startsWith("snapshot ")).reduce((a, b) -> b)
                        .orElse("?");
                System.out.printf("    %s night (%s): %,d ms -> ratio snapshot / paging = %.2f (target <= 1.3);"
                                + " peak live heap %d MB with -Xmx512m%n", night == 0 ? "first, empty store" : "second, 1% churn",
                        summary, snapMillis, (double) snapMillis / pageMillis, peakAfterGcMb(gcLog));
            }
        }
    }

    private static void growth(Path jar, Path dir, int resources, int nights) throws Exception {
        try (Sim sim = Sim.start(jar, dir, "--resources", String.valueOf(resources), "--days", String.valueOf(nights + 1),
                "--churn", "0.01")) {
            Path config = sim.benchConfig();
            Path db = dir.resolve("store/ocidiff.mv.db");
            List<LocalDate> days = sim.days();
            long first = 0;
            for (int i = 0; i <= nights; i++) {
                sim.selectDay(days.get(i));
                int code = Main.run(new String[] {"--config", config.toString(), "snapshot", "--quiet",
                        "--at", days.get(i) + "T23:59:59Z"}, new PrintWriter(PrintWriter.nullWriter()),
                        new PrintWriter(System.err, true));
                if (code != 0) {
                    throw new IllegalStateException("snapshot of " + days.get(i) + " exited " + code);
                }
                if (i == 0) {
                    first = Files.size(db);
                }
            }
            long last = Files.size(db);
            System.out.printf("[3] store of %,d resources: %,d bytes after the first snapshot, %,d after %d more nights"
                    + " at 1%% churn%n    ratio = %.2f (target <= 1.5)%n", resources, first, last, nights, (double) last / first);
        }
    }

    /** Child mode: pages every scope of the plan through the SDK and throws the results away. */
    private static void page(Path configFile) {
        Config config = ConfigLoader.resolve(configFile, configFile.getParent(), configFile.getParent());
        var credentials = new Authenticator(Path.of(System.getProperty("user.home"))).authenticate(config.auth());
        try (OciClients clients = new OciClients(credentials, config.oci())) {
            Crawler crawler = new Crawler(clients, config.oci().concurrencyPerRegion(), List.of());
            CrawlPlan plan = crawler.plan(List.of(), List.of(), List.of(), List.of());
            AtomicLong count = new AtomicLong();
            crawler.collect(plan, new SnapshotWriter() {
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
            }, CrawlProgress.NONE);
            System.out.println("paged " + count.get() + " resources");
        }
    }

    private static long timeChild(List<String> command, Path log) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int code = process.waitFor();
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + code + ": " + Files.readString(log));
        }
        return millis;
    }

    /** The largest heap occupancy right after a collection: what the process really kept alive. */
    private static long peakAfterGcMb(Path gcLog) throws IOException {
        Matcher m = Pattern.compile("->(\\d+)M\\(").matcher(Files.readString(gcLog));
        long peak = 0;
        while (m.find()) {
            peak = Math.max(peak, Long.parseLong(m.group(1)));
        }
        return peak;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The simulator in its own JVM, with the config it wrote. */
    private record Sim(Process process, Path dir, String baseUrl) implements AutoCloseable {
        static Sim start(Path jar, Path dir, String... generator) throws IOException {
            Files.createDirectories(dir);
            List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-jar", jar.toString(), "sim",
                    "--workdir", dir.toString()));
            command.addAll(List.of(generator));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String baseUrl = null;
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("OCI simulator listening on ")) {
                    baseUrl = line.substring("OCI simulator listening on ".length()).trim();
                }
                if (line.startsWith("Press Ctrl-C")) {
                    break;
                }
            }
            if (baseUrl == null) {
                process.destroyForcibly();
                throw new IllegalStateException("the simulator did not start: " + String.join(" ", command));
            }
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
            drain.setDaemon(true);
            drain.start();
            return new Sim(process, dir, baseUrl);
        }

        /** The simulator's config with enrichment off: the ratio measures storing, not extra GETs. */
        Path benchConfig() throws IOException {
            Path config = dir.resolve("config.yaml");
            Files.writeString(config, Files.readString(config).replace("oci:\n", "snapshot:\n  enrich: []\noci:\n"));
            return config;
        }

        List<LocalDate> days() throws Exception {
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/_sim/day")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            List<LocalDate> days = new ArrayList<>();
            Matcher m = Pattern.compile("\"(\\d{4}-\\d{2}-\\d{2})\"").matcher(body.substring(body.indexOf("\"days\"")));
            while (m.find()) {
                days.add(LocalDate.parse(m.group(1)));
            }
            return days;
        }

        void selectDay(LocalDate day) throws Exception {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/_sim/day?date=" + day))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
