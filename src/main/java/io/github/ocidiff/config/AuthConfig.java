package io.github.ocidiff.config;

import java.nio.file.Path;
import java.util.Objects;

/** The {@code auth} section: how to obtain OCI credentials. */
public record AuthConfig(
        AuthMode mode,
        Path configFile,       // used by CONFIG_FILE and SESSION_TOKEN
        String profile,
        boolean allowInsecureKeyPermissions) {

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
                s.bool("allowInsecureKeyPermissions", false));
        if (auth.profile.isBlank()) {
            throw s.error("profile", "must not be empty; name a profile of the OCI config file, e.g. DEFAULT");
        }
        return auth;
    }
}
