package io.github.ocidiff.config;

import java.time.Duration;
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
        return new RetryConfig(
                s.integer("maxAttempts", 6, 1, 20),
                s.duration("baseDelay", "1s"),
                s.duration("maxDelay", "30s"),
                s.duration("maxRetryAfter", "60s"));
    }
}
