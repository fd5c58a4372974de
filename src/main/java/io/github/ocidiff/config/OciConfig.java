package io.github.ocidiff.config;

import java.time.Duration;
import java.util.Objects;

/** The {@code oci} section: endpoints, timeouts, concurrency and retries of the OCI clients. */
public record OciConfig(
        String endpoint,            // URL template with {region}; null = the real OCI endpoints
        int concurrencyPerRegion,
        ServiceConcurrency concurrency, // per service, concurrencyPerRegion unless set
        Duration connectTimeout,
        Duration readTimeout,
        RetryConfig retries) {

    public OciConfig {
        Objects.requireNonNull(concurrency, "concurrency");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(retries, "retries");
    }

    static OciConfig read(Section s) {
        String endpoint = s.optionalString("endpoint");
        if (endpoint != null && !(endpoint.contains(HttpUrl.REGION_PLACEHOLDER) && HttpUrl.isValid(endpoint))) {
            throw s.invalid("endpoint", "an http(s) URL containing " + HttpUrl.REGION_PLACEHOLDER
                    + ", like http://127.0.0.1:8080/" + HttpUrl.REGION_PLACEHOLDER + " (or null for the real OCI endpoints)", endpoint);
        }
        int perRegion = s.integer("concurrencyPerRegion", 4, 1, 64);
        return new OciConfig(
                endpoint,
                perRegion,
                s.section("concurrency", concurrency -> ServiceConcurrency.read(concurrency, perRegion)),
                s.duration("connectTimeout", "10s"),
                s.duration("readTimeout", "60s"),
                s.section("retries", RetryConfig::read));
    }
}
