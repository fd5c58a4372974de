package io.github.ocidiff.config;

import java.nio.file.Path;
import java.util.Objects;

/** The {@code auth} section: how to obtain OCI credentials. */
public record AuthConfig(
        AuthMode mode,
        Path configFile,             // used by CONFIG_FILE and SESSION_TOKEN
        String profile,
        boolean allowInsecureKeyPermissions,
        String instanceMetadataUrl,  // INSTANCE_PRINCIPAL; null = OCI's, http://169.254.169.254/opc/v2/
        String federationEndpoint) { // INSTANCE_PRINCIPAL, may contain {region}; null = the Auth service of the region

    public AuthConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(profile, "profile");
    }

    static AuthConfig read(Section s) {
        AuthConfig auth = new AuthConfig(
                s.choice("mode", AuthMode.CONFIG_FILE),
                s.path("configFile", "~/.oci/config"),
                s.string("profile", "DEFAULT"),
                s.bool("allowInsecureKeyPermissions", false),
                s.optionalString("instanceMetadataUrl"),
                s.optionalString("federationEndpoint"));
        if (auth.profile.isBlank()) {
            throw s.error("profile", "must not be empty; name a profile of the OCI config file, e.g. DEFAULT");
        }
        if (auth.instanceMetadataUrl != null && (auth.instanceMetadataUrl.contains(HttpUrl.REGION_PLACEHOLDER)
                || !HttpUrl.isValid(auth.instanceMetadataUrl))) {
            throw s.invalid("instanceMetadataUrl", "an http(s) URL like http://169.254.169.254/opc/v2/"
                    + " (or null for the instance's own metadata service)", auth.instanceMetadataUrl);
        }
        if (auth.federationEndpoint != null && !HttpUrl.isValid(auth.federationEndpoint)) {
            throw s.invalid("federationEndpoint", "an http(s) URL, optionally with " + HttpUrl.REGION_PLACEHOLDER
                    + ", like https://auth." + HttpUrl.REGION_PLACEHOLDER + ".oraclecloud.com"
                    + " (or null for the Auth service of the instance's region)", auth.federationEndpoint);
        }
        return auth;
    }
}
