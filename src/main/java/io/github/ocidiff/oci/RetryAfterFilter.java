package io.github.ocidiff.oci;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;

/**
 * Sees every answer before the SDK does: remembers the last error status of its region (the SDK's
 * circuit breaker later refuses calls without saying why) and honours {@code Retry-After} on 429 and
 * 503 answers. The SDK's retrier decides whether to retry and
 * adds its jittered backoff, but its delay strategy never sees response headers; waiting here, before
 * the answer reaches the retrier, makes the next attempt come no sooner than the server asked.
 */
final class RetryAfterFilter implements ClientResponseFilter {
    private final Duration max;
    private final String region;
    private final Map<String, String> lastErrors;

    RetryAfterFilter(Duration max, String region, Map<String, String> lastErrors) {
        this.max = max;
        this.region = region;
        this.lastErrors = lastErrors;
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (response.getStatus() >= 400) {
            lastErrors.put(region, status(response.getStatus(), response.getStatusInfo().getReasonPhrase()));
        }
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

    /** "HTTP 429 Too Many Requests": HTTP/2 answers, as OCI's are, carry no reason phrase of their own. */
    static String status(int code, String phrase) {
        if (phrase == null || phrase.isBlank()) {
            Response.Status known = Response.Status.fromStatusCode(code);
            phrase = known == null ? "" : known.getReasonPhrase();
        }
        return ("HTTP " + code + " " + phrase).strip();
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
