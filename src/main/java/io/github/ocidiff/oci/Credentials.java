package io.github.ocidiff.oci;

import com.oracle.bmc.auth.BasicAuthenticationDetailsProvider;

/**
 * An authenticated identity: the SDK provider that signs requests, the tenancy it belongs to, the
 * region it names (its home region for Identity calls; null if unknown) and a description for messages
 * that never includes a secret.
 */
public record Credentials(BasicAuthenticationDetailsProvider provider, String tenancyId, String region,
                          String description) {
}
