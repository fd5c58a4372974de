package io.github.ocidiff.oci;

import io.github.ocidiff.OcidiffException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks the instance metadata service for the instance's region before the SDK reads its certificates
 * there: off an OCI instance the SDK retries for minutes and then fails with a nest of exceptions,
 * while the user needs one line at once. The region is also where ocidiff asks Identity.
 */
final class InstanceMetadata {
    /** OCI's metadata service, version 2 (which requires the Authorization header below). */
    static final String DEFAULT_URL = "http://169.254.169.254/opc/v2/";
    /** The service is link-local: on an instance it answers at once, so waiting longer only delays the error. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private InstanceMetadata() {
    }

    /** The instance's region, e.g. us-ashburn-1, from the service at {@code baseUrl} (ending with /). */
    static String region(String baseUrl) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).proxy(HttpClient.Builder.NO_PROXY).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "instance/canonicalRegionName"))
                .timeout(TIMEOUT).header("Authorization", "Bearer Oracle").GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || response.body().isBlank()) {
                throw failed("the instance metadata service at " + baseUrl + " answered HTTP " + response.statusCode()
                        + " to instance/canonicalRegionName", null);
            }
            return response.body().trim();
        } catch (IOException e) {
            throw failed("cannot reach the instance metadata service at " + baseUrl + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("interrupted while asking the instance metadata service at " + baseUrl, e);
        }
    }

    private static OcidiffException failed(String problem, Exception cause) {
        return OcidiffException.runtime("instance principal authentication failed: " + problem
                + "; run on an OCI instance or use auth.mode config_file", cause);
    }
}
