package io.github.ocidiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HeapWatchTest {

    static final String LINE = "ocidiff: out of memory (a test)";

    /**
     * A child JVM whose heap is full but for a sliver goes on allocating, as a night too large for its heap
     * does: each allocation a full collection that frees the young generation, and no OutOfMemoryError for
     * a long while. The watch stops it with the line and exit code.
     */
    @Test
    void aRunThatStallsCollectingGarbageStopsWithOneLine() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-XX:+UseParallelGC", "-XX:NewRatio=1", "-cp", System.getProperty("java.class.path"),
                Stalling.class.getName())
                .redirectErrorStream(true)
                .start();
        try {
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("stopped by the watch").isTrue();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.exitValue()).as(output).isEqualTo(1);
            assertThat(output).contains("heap full\n").endsWith(LINE + System.lineSeparator());
        } finally {
            child.destroyForcibly();
        }
    }

    /**
     * Fills its heap, then, with the watch on (a 3 s window), replaces what it keeps one array at a time: live
     * data near the limit that keeps changing, as a report being built does. Each young collection finds new
     * arrays to promote and an old generation without room but for the ones replaced: a full collection.
     */
    static final class Stalling {
        public static void main(String[] args) {
            List<long[]> kept = new ArrayList<>();
            try {
                while (true) {
                    kept.add(new long[1024]);
                }
            } catch (OutOfMemoryError e) {
                kept.subList(kept.size() - kept.size() / 50, kept.size()).clear();
            }
            System.out.println("heap full");
            HeapWatch.start(Duration.ofSeconds(3), 0.9, LINE, 1);
            for (int i = 0; ; i = (i + 1) % kept.size()) {
                kept.set(i, new long[1024]);
            }
        }
    }
}
