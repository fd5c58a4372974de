package io.github.ocidiff.cli;

import io.github.ocidiff.sim.SimCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the ocidiff config.yaml that points at a running simulator, next to its OCI config file. */
final class SimConfigFiles {
    private SimConfigFiles() {
    }

    static Path write(SimCredentials credentials, String endpointTemplate) throws IOException {
        return write(credentials, endpointTemplate, "");
    }

    /** @param extraYaml more top-level sections, e.g. publish settings */
    static Path write(SimCredentials credentials, String endpointTemplate, String extraYaml) throws IOException {
        Path dir = credentials.configFile().getParent();
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, "# Written by ocidiff for its OCI simulator.\n"
                + "auth:\n"
                + "  mode: config_file\n"
                + "  configFile: " + credentials.configFile().toAbsolutePath() + "\n"
                + "  profile: DEFAULT\n"
                + "store:\n"
                + "  path: " + dir.resolve("store").resolve("ocidiff").toAbsolutePath() + "\n"
                + "reports:\n"
                + "  dir: " + dir.resolve("reports").toAbsolutePath() + "\n"
                + "oci:\n"
                + "  endpoint: " + endpointTemplate + "\n"
                + extraYaml);
        return config;
    }
}
