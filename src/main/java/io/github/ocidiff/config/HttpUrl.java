package io.github.ocidiff.config;

import java.net.URI;
import java.net.URISyntaxException;

/** Checks of the URLs config.yaml may name: endpoints of OCI services and of the instance metadata service. */
final class HttpUrl {
    /** Written in an endpoint where the region name goes. */
    static final String REGION_PLACEHOLDER = "{region}";

    private HttpUrl() {
    }

    /** Whether {@code text} is an http(s) URL with a host, once any {region} in it is filled in. */
    static boolean isValid(String text) {
        try {
            // Braces are not legal in a URI, so check the URL with a region name in their place.
            URI uri = new URI(text.replace(REGION_PLACEHOLDER, "us-ashburn-1"));
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
