package io.github.ocidiff.oci;

import com.oracle.bmc.auth.BasicAuthenticationDetailsProvider;

/**
 * An authenticated identity: the SDK provider that signs requests, the tenancy it belongs to, the
 * region it names (its home region for Identity calls; null if unknown), a description for messages
 * that never includes a secret, and what to check when OCI answers 401 (NotAuthenticated) to it: each
 * way of signing in fails for its own reasons (an expired session token is not a wrong API key).
 */
public record Credentials(BasicAuthenticationDetailsProvider provider, String tenancyId, String region,
                          String description, String whenRefused) {
}
