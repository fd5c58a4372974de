package io.github.ocidiff.sim;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The instance metadata service (v2) of the compute instance ocidiff runs on, as the SDK's instance
 * principal provider reads it: the region under {@code /opc/v2/instance/}, and the instance
 * certificate, its private key and the intermediate certificate under {@code /opc/v2/identity/}.
 * Unsigned, but like OCI's it answers only requests with {@code Authorization: Bearer Oracle}.
 */
final class InstanceMetadataApi {
    static final String AUTHORIZATION = "Bearer Oracle";

    private final Supplier<InstanceIdentity> instance;

    InstanceMetadataApi(Supplier<InstanceIdentity> instance) {
        this.instance = instance;
    }

    /** Whether a request path (all its segments) is the metadata service's. */
    static boolean owns(List<String> segments) {
        return segments.size() > 2 && segments.get(0).equals("opc") && segments.get(1).equals("v2");
    }

    SimResponse handle(String method, List<String> segments, Map<String, String> headers) {
        if (!AUTHORIZATION.equals(headers.get("authorization"))) {
            throw new SimError(401, "NotAuthenticated",
                    "The instance metadata service v2 requires the header Authorization: " + AUTHORIZATION + ".", null);
        }
        String path = String.join("/", segments.subList(2, segments.size()));
        if (!method.equals("GET")) {
            throw SimError.notFound("No such instance metadata operation: " + method + " " + path);
        }
        String text = switch (path) {
            case "instance/region", "instance/canonicalRegionName" -> instance.get().region;
            case "identity/cert.pem" -> instance.get().leafPem();
            case "identity/key.pem" -> instance.get().keyPem();
            case "identity/intermediate.pem" -> instance.get().intermediatePem();
            default -> throw SimError.notFound("No such instance metadata: " + path);
        };
        return SimResponse.bytes(200, Map.of("Content-Type", "text/plain"), text.getBytes(StandardCharsets.UTF_8));
    }
}
