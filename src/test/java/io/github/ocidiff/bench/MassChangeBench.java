package io.github.ocidiff.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a night of mass change (a tag rolled out over everything, say) asks of the heap (bench/masschange.sh): the
 * simulator's generator with CHURN of its resources changed from one day to the next, the first day snapshotted, then
 * the second day's {@code daily} (snapshot, diff, Audit read, evidence kept, the four reports written) and the
 * {@code evidence} pack of the pair, each in a JVM of its own under -Xmx{HEAP_MB}m as the launcher runs it. Prints
 * the changes, each run's time and the largest heap after a full collection (what it kept alive), per change, and the
 * reports' sizes. Arguments: {@code [RESOURCES=230000] [CHURN=0.5] [HEAP_MB=512]}.
 */
public final class MassChangeBench {

    private static final Pattern TALLY = Pattern.compile(
            "(\\d+) created, (\\d+) deleted, (\\d+) modified, (\\d+) moved");

    public static void main(String[] args) throws Exception {
        int resources = args.length > 0 ? Integer.parseInt(args[0]) : 230_000;
        String churn = args.length > 1 ? args[1] : "0.5";
        int heapMb = args.length > 2 ? Integer.parseInt(args[2]) : 512;
        Path jar = ChildJvm.ocidiffJar();
        Path dir = Files.createTempDirectory("ocidiff-bench-masschange");
        System.out.printf("ocidiff mass change benchmark (work dir %s)%n", dir);
        try (SimProcess sim = SimProcess.start(jar, dir, "--resources", String.valueOf(resources), "--days", "2",
                "--churn", churn)) {
            Path config = sim.benchConfig();
            List<LocalDate> days = sim.days();
            sim.snapshot(config, days.get(0));
            sim.selectDay(days.get(1));
            String at = days.get(1) + "T23:59:59Z";
            System.out.printf("%n[1] %,d resources, %s of them changed the next day, each run under -Xmx%dm:%n",
                    resources, churn, heapMb);
            Path storeFile = dir.resolve("store").resolve("ocidiff.mv.db");
            long before = Files.size(storeFile);
            Run daily;
            long largest;
            try (FileSizeWatch watch = FileSizeWatch.start(storeFile)) {
                daily = Run.of(jar, dir, "daily", heapMb, List.of("--config", config.toString(), "daily", "--quiet",
                        "--at", at));
                largest = watch.largest();
            }
            Matcher tally = TALLY.matcher(daily.output());
            long changes = 0;
            if (tally.find()) {
                for (int group = 1; group <= 4; group++) {
                    changes += Long.parseLong(tally.group(group));
                }
            }
            daily.print(String.format("daily of %,d changes (snapshot, diff, Audit, evidence kept, reports written)",
                    changes), changes);
            // Disk, not heap: H2 writes the night's pages anew until the store is rewritten compactly as it closes.
            System.out.printf("    store file: %.0f MB before the night, at most %.0f MB during it, %.0f MB after%n",
                    before / 1e6, largest / 1e6, Files.size(storeFile) / 1e6);
            Run evidence = Run.of(jar, dir, "evidence", heapMb, List.of("--config", config.toString(), "evidence",
                    "--from", days.get(0).toString(), "--to", days.get(1).toString(), "--out",
                    dir.resolve("pack.zip").toString()));
            evidence.print("evidence pack of the pair", changes);
            Path reports = dir.resolve("reports").resolve(days.get(1).toString());
            if (Files.isDirectory(reports)) {
                try (Stream<Path> files = Files.list(reports)) {
                    System.out.printf("    reports: %s%n", String.join(", ", files.sorted().map(MassChangeBench::size)
                            .toList()));
                }
            }
        }
    }

    private static String size(Path file) {
        try {
            return String.format("%s %.1f MB", file.getFileName(), Files.size(file) / 1e6);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The largest size a file reached while watched, sampled every 50 ms. */
    private static final class FileSizeWatch implements AutoCloseable {
        private final Path file;
        private final Thread thread;
        private volatile boolean stop;
        private volatile long largest;

        private FileSizeWatch(Path file) {
            this.file = file;
            this.thread = new Thread(this::sample, "bench-file-size");
        }

        static FileSizeWatch start(Path file) {
            FileSizeWatch watch = new FileSizeWatch(file);
            watch.thread.setDaemon(true);
            watch.thread.start();
            return watch;
        }

        private void sample() {
            while (!stop) {
                try {
                    largest = Math.max(largest, Files.size(file));
                    Thread.sleep(50);
                } catch (IOException e) {
                    // Between a rewrite's rename and the next sample: the next one finds it.
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long largest() {
            return largest;
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            thread.join();
        }
    }

    /** One ocidiff command in a child JVM: its time, output, and the largest heap after a full collection. */
    private record Run(boolean ok, long millis, String output, long peakMb) {

        static Run of(Path jar, Path dir, String name, int heapMb, List<String> arguments) throws Exception {
            Path gcLog = dir.resolve("gc-" + name + ".log");
            Path log = dir.resolve(name + ".log");
            List<String> command = ChildJvm.ocidiffCommand(gcLog);
            command.add("-Xmx" + heapMb + "m"); // the last -Xmx given wins
            command.addAll(ChildJvm.launcherOptions(jar));
            command.add("-jar");
            command.add(jar.toString());
            command.addAll(arguments);
            boolean ok = true;
            long millis;
            long start = System.nanoTime();
            try {
                millis = ChildJvm.measure(command, log).millis();
            } catch (IllegalStateException e) {
                // The run did not fit its heap (or failed otherwise): its output says which.
                ok = false;
                millis = (System.nanoTime() - start) / 1_000_000;
            }
            return new Run(ok, millis, Files.readString(log), ChildJvm.peakAfterFullGcMb(gcLog));
        }

        void print(String what, long changes) {
            if (!ok) {
                List<String> lines = output.lines().toList();
                System.out.printf("    %s: FAILED after %,d ms: %s%n", what, millis,
                        lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1));
                return;
            }
            System.out.printf("    %s: %,d ms; heap after full collections at most %d MB%s%n", what, millis, peakMb,
                    changes == 0 ? "" : String.format(" (%.2f KB a change, the JVM's own included)",
                            peakMb * 1024.0 / changes));
        }
    }
}
