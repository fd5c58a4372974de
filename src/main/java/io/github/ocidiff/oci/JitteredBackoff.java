package io.github.ocidiff.oci;

import com.oracle.bmc.waiter.DelayStrategy;
import com.oracle.bmc.waiter.WaiterConfiguration;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter for the SDK's retrier: attempt n waits a random time up to
 * min(maxDelay, baseDelay * 2^(n-1)). The SDK's own jittered strategy has a fixed one-second base,
 * too slow for throttling storms to spread out and for tests.
 */
final class JitteredBackoff implements DelayStrategy {
    private final long baseMillis;
    private final long maxMillis;

    JitteredBackoff(Duration base, Duration max) {
        this.baseMillis = Math.max(1, base.toMillis());
        this.maxMillis = Math.max(baseMillis, max.toMillis());
    }

    @Override
    public long nextDelay(WaiterConfiguration.WaitContext context) {
        return delayMillis(context.getAttemptsMade());
    }

    /** The wait after {@code attemptsMade} attempts. */
    long delayMillis(int attemptsMade) {
        int exponent = Math.min(30, Math.max(0, attemptsMade - 1));
        long cap = Math.min(maxMillis, baseMillis << exponent);
        return baseMillis / 2 + ThreadLocalRandom.current().nextLong(Math.max(1, cap - baseMillis / 2 + 1));
    }
}
