package io.github.ocidiff.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A benchmark step in a JVM of its own, so that its heap limit and the heap it used are its alone. */
final class ChildJvm {

    private ChildJvm() {
    }

    /** The built ocidiff jar, in the build folder that bench/run.sh names in {@code ocidiff.buildDir}. */
    static Path ocidiffJar() {
        return Path.of(System.getProperty("ocidiff.buildDir", "target"), "ocidiff.jar").toAbsolutePath();
    }

    /**
     * How ocidiff runs: the collector its launcher and deploy files choose, and the heap limit the
     * benchmark targets name.
     */
    static final List<String> OCIDIFF_JVM = List.of("-Xmx512m", "-XX:+UseParallelGC", "-XX:NewRatio=1", "-XX:SurvivorRatio=3");

    /**
     * The options by which the {@code ocidiff} launcher runs the jar, as a timed night must be run: the
     * build's class-data archive when it is there and not older than the jar (it halves the JVM's start),
     * none when the build skipped it ({@code -Docidiff.cds.skip=true}).
     */
    static List<String> launcherOptions(Path jar) throws IOException {
        Path archive = jar.resolveSibling("ocidiff.jsa");
        if (!Files.isRegularFile(archive)
                || Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(archive)) > 0) {
            return List.of();
        }
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The start of a command running java as ocidiff runs, logging its collections to {@code gcLog}. */
    static List<String> ocidiffCommand(Path gcLog) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xlog:gc:file=" + gcLog));
        command.addAll(OCIDIFF_JVM);
        return command;
    }

    /** What a child used: wall time, and CPU time as last seen before it exited (sampled every 50 ms). */
    record Usage(long millis, long cpuMillis) {
    }

    /** Runs the command, its output going to {@code log}; its wall time in milliseconds. Fails if the command did. */
    static long run(List<String> command, Path log) throws Exception {
        return measure(command, log).millis();
    }

    /** {@link #run}, with the child's CPU time. */
    static Usage measure(List<String> command, Path log) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long cpuMillis = 0;
        while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
            cpuMillis = cpuMillis(process.toHandle()).orElse(cpuMillis);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ": "
                    + Files.readString(log));
        }
        return new Usage(millis, cpuMillis);
    }

    /** The CPU time a live process has used so far, where the platform tells it. */
    static OptionalLong cpuMillis(ProcessHandle process) {
        return process.info().totalCpuDuration().map(d -> OptionalLong.of(d.toMillis())).orElse(OptionalLong.empty());
    }

    /** The time a process stood in collections (from an -Xlog:gc file), in milliseconds. */
    static long gcPauseMillis(Path gcLog) throws IOException {
        Matcher m = Pattern.compile(" (\\d+\\.\\d+)ms$", Pattern.MULTILINE).matcher(Files.readString(gcLog));
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return Math.round(total);
    }

    /**
     * The largest heap occupancy right after a collection (in an -Xlog:gc file): an upper bound of what the
     * process kept alive, since after a young collection the old generation still holds its garbage.
     */
    static long peakAfterGcMb(Path gcLog) throws IOException {
        return peakAfter(gcLog, "");
    }

    /** The largest heap occupancy right after a full collection (0 if none): what was alive then. */
    static long peakAfterFullGcMb(Path gcLog) throws IOException {
        return peakAfter(gcLog, "Pause Full.*");
    }

    private static long peakAfter(Path gcLog, String pause) throws IOException {
        Matcher m = Pattern.compile(pause + "->(\\d+)M\\(").matcher(Files.readString(gcLog));
        long peak = 0;
        while (m.find()) {
            peak = Math.max(peak, Long.parseLong(m.group(1)));
        }
        return peak;
    }
}
