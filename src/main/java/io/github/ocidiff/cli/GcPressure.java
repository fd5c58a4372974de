package io.github.ocidiff.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a run has stalled collecting garbage: the share of wall time spent in collections over a
 * window. A heap filled almost to its limit does not always end in an OutOfMemoryError soon: with the
 * young generation half the heap (the launcher's choice), each collection frees enough of it to go on,
 * and a night that needed 90 s took minutes of back-to-back full collections before it failed.
 */
final class GcPressure {

    private record Sample(long wallMillis, long gcMillis) {
    }

    private final long windowMillis;
    private final double limit;
    /** Oldest first; the first is the latest one at least a window old, once there is one. */
    private final List<Sample> samples = new ArrayList<>();

    /**
     * @param window how long the share must stay at or above {@code limit}
     * @param limit  the share of wall time, e.g. 0.9
     */
    GcPressure(Duration window, double limit) {
        this.windowMillis = window.toMillis();
        this.limit = limit;
    }

    /**
     * Records the process's wall clock and its collectors' total time so far, both in milliseconds, and
     * says whether the whole last window went to collections at the limit's share or more.
     */
    boolean stalled(long wallMillis, long gcMillis) {
        samples.add(new Sample(wallMillis, gcMillis));
        while (samples.size() > 2 && wallMillis - samples.get(1).wallMillis() >= windowMillis) {
            samples.remove(0);
        }
        Sample first = samples.get(0);
        long span = wallMillis - first.wallMillis();
        return span >= windowMillis && gcMillis - first.gcMillis() >= limit * span;
    }
}
