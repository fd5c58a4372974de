package io.github.ocidiff.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/** The {@code oci.retries} section: exponential backoff with jitter for throttled (429) and failed calls. */
public record RetryConfig(
        int maxAttempts,         // 1 = no retry
        Duration baseDelay,      // first backoff step; doubles per attempt
        Duration maxDelay,       // cap of one backoff step
        Duration maxRetryAfter) { // longest Retry-After header honoured

    public RetryConfig {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    }

    static RetryConfig read(Section s) {
        RetryConfig config = new RetryConfig(
                s.integer("maxAttempts", 6, 1, 20),
                s.duration("baseDelay", "1s"),
                s.duration("maxDelay", "30s"),
                s.duration("maxRetryAfter", "60s"));
        // The cap would cut every step to itself: the backoff the configuration asks for would not happen.
        if (config.baseDelay.compareTo(config.maxDelay) > 0) {
            throw s.invalid("maxDelay", "at least baseDelay (" + written(config.baseDelay) + ")",
                    written(config.maxDelay));
        }
        return config;
    }

    /** As a configuration writes it: PT1M30S as 1m30s. */
    private static String written(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
