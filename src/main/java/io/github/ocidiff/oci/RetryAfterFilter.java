package io.github.ocidiff.oci;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import java.time.Duration;

/**
 * Honours {@code Retry-After} on 429 and 503 answers. The SDK's retrier decides whether to retry and
 * adds its jittered backoff, but its delay strategy never sees response headers; waiting here, before
 * the answer reaches the retrier, makes the next attempt come no sooner than the server asked.
 */
final class RetryAfterFilter implements ClientResponseFilter {
    private final Duration max;

    RetryAfterFilter(Duration max) {
        this.max = max;
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (response.getStatus() != 429 && response.getStatus() != 503) {
            return;
        }
        long millis = retryAfterMillis(response.getHeaderString("Retry-After"), max);
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Retry-After in delta-seconds (OCI's form), capped; 0 when absent or not a number. */
    static long retryAfterMillis(String header, Duration max) {
        if (header == null) {
            return 0;
        }
        try {
            double seconds = Double.parseDouble(header.trim());
            return Math.max(0, Math.min(max.toMillis(), Math.round(seconds * 1000)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
