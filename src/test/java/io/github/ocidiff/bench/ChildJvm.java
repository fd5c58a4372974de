package io.github.ocidiff.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    static final List<String> OCIDIFF_JVM = List.of("-Xmx512m", "-XX:+UseParallelGC");

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs the command, its output going to {@code log}; its wall time in milliseconds. Fails if the command did. */
    static long run(List<String> command, Path log) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int code = process.waitFor();
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + code + ": "
                    + Files.readString(log));
        }
        return millis;
    }

    /** The largest heap occupancy right after a collection (in an -Xlog:gc file): what the process kept alive. */
    static long peakAfterGcMb(Path gcLog) throws IOException {
        Matcher m = Pattern.compile("->(\\d+)M\\(").matcher(Files.readString(gcLog));
        long peak = 0;
        while (m.find()) {
            peak = Math.max(peak, Long.parseLong(m.group(1)));
        }
        return peak;
    }
}
