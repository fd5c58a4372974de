package io.github.ocidiff.cli;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Stops a run that has stalled collecting garbage (see {@link GcPressure}), with the line an
 * OutOfMemoryError gets, rather than let it grind for many minutes towards the same end. For the
 * {@code ocidiff} process only: it halts the JVM.
 */
final class HeapWatch {

    /** Nine tenths of the wall time in collections for half a minute: a run that does not fit its heap. */
    static final Duration WINDOW = Duration.ofSeconds(30);
    static final double LIMIT = 0.9;
    private static final long SAMPLE_MILLIS = 1_000;

    private HeapWatch() {
    }

    /**
     * Watches from a daemon thread; when the run has stalled, prints {@code line} on standard error and
     * halts the JVM with {@code exitCode}, as a kill would end it: the store is made for that.
     */
    static void start(Duration window, double limit, String line, int exitCode) {
        GcPressure pressure = new GcPressure(window, limit);
        GarbageCollectorMXBean[] collectors = ManagementFactory.getGarbageCollectorMXBeans()
                .toArray(GarbageCollectorMXBean[]::new);
        // Made now: when it is needed, the heap has no room to spare.
        byte[] message = (line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
        Thread watch = new Thread(() -> {
            long start = System.nanoTime();
            while (true) {
                try {
                    long gc = 0;
                    for (GarbageCollectorMXBean c : collectors) {
                        gc += Math.max(0, c.getCollectionTime());
                    }
                    if (pressure.stalled((System.nanoTime() - start) / 1_000_000, gc)) {
                        System.err.write(message, 0, message.length);
                        System.err.flush();
                        Runtime.getRuntime().halt(exitCode);
                    }
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                } catch (OutOfMemoryError e) {
                    // A sample may find no room either; the next one tries again.
                }
            }
        }, "ocidiff-heap-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
