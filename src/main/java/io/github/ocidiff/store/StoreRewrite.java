package io.github.ocidiff.store;

import java.time.Duration;

/**
 * What closing the store did to its file when it rewrote it compactly (see {@link Store#close}): the
 * sizes before and after, how much of it was dead, and how long the copy took. Nightly logs show it,
 * since the rewrite is a few seconds of disk writes after the run's summary line.
 */
public record StoreRewrite(long bytesBefore, long bytesAfter, int deadPercent, Duration took) {

    /** E.g. "store rewritten compactly: 739.0 MB -> 650.8 MB (13% of it was dead) in 2.7 s". */
    public String describe() {
        return String.format("store rewritten compactly: %s -> %s (%d%% of it was dead) in %.1f s",
                megabytes(bytesBefore), megabytes(bytesAfter), deadPercent, took.toMillis() / 1000.0);
    }

    private static String megabytes(long bytes) {
        return String.format("%,.1f MB", bytes / 1_000_000.0);
    }
}
