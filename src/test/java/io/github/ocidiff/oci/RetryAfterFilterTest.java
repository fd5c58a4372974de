package io.github.ocidiff.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryAfterFilterTest {

    /** OCI answers over HTTP/2, whose status lines carry no reason phrase: the gap still says what 429 means. */
    @Test
    void aStatusWithoutItsReasonPhraseIsGivenTheStandardOne() {
        assertThat(RetryAfterFilter.status(429, "")).isEqualTo("HTTP 429 Too Many Requests");
        assertThat(RetryAfterFilter.status(503, null)).isEqualTo("HTTP 503 Service Unavailable");
        assertThat(RetryAfterFilter.status(500, "Oops")).isEqualTo("HTTP 500 Oops");
        assertThat(RetryAfterFilter.status(599, "")).isEqualTo("HTTP 599");
    }

    @Test
    void retryAfterIsReadInSecondsAndCapped() {
        assertThat(RetryAfterFilter.retryAfterMillis("2", Duration.ofSeconds(30))).isEqualTo(2000);
        assertThat(RetryAfterFilter.retryAfterMillis("0.5", Duration.ofSeconds(30))).isEqualTo(500);
        assertThat(RetryAfterFilter.retryAfterMillis("120", Duration.ofSeconds(30))).isEqualTo(30_000);
        assertThat(RetryAfterFilter.retryAfterMillis("Wed, 21 Oct 2026 07:28:00 GMT", Duration.ofSeconds(30))).isZero();
        assertThat(RetryAfterFilter.retryAfterMillis(null, Duration.ofSeconds(30))).isZero();
    }
}
