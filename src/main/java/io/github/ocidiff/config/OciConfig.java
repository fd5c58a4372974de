package io.github.ocidiff.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;

/** The {@code oci} section: endpoints, timeouts, concurrency and retries of the OCI clients. */
public record OciConfig(
        String endpoint,            // URL template with {region}; null = the real OCI endpoints
        int concurrencyPerRegion,
        Duration connectTimeout,
        Duration readTimeout,
        RetryConfig retries) {

    /** Written in an endpoint template where the region name goes. */
    public static final String REGION_PLACEHOLDER = "{region}";

    public OciConfig {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(retries, "retries");
    }

    static OciConfig read(Section s) {
        String endpoint = s.optionalString("endpoint");
        if (endpoint != null && !isEndpointTemplate(endpoint)) {
            throw s.invalid("endpoint", "an http(s) URL containing " + REGION_PLACEHOLDER
                    + ", like http://127.0.0.1:8080/" + REGION_PLACEHOLDER + " (or null for the real OCI endpoints)", endpoint);
        }
        return new OciConfig(
                endpoint,
                s.integer("concurrencyPerRegion", 4, 1, 64),
                s.duration("connectTimeout", "10s"),
                s.duration("readTimeout", "60s"),
                s.section("retries", RetryConfig::read));
    }

    private static boolean isEndpointTemplate(String endpoint) {
        if (!endpoint.contains(REGION_PLACEHOLDER)) {
            return false;
        }
        try {
            // Braces are not legal in a URI, so check the URL with a region name in their place.
            URI uri = new URI(endpoint.replace(REGION_PLACEHOLDER, "us-ashburn-1"));
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
