package io.github.ocidiff.cli;

import io.github.ocidiff.config.Config;
import io.github.ocidiff.config.ConfigLoader;
import io.github.ocidiff.sim.FaultPlan;
import io.github.ocidiff.sim.SimCredentials;
import io.github.ocidiff.sim.SimServer;
import io.github.ocidiff.sim.TenancySource;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The embedded simulator with a throwaway API key and the config.yaml that points ocidiff at it, all
 * in one folder: what {@code demo} and {@code replay} run against.
 */
record SimSession(SimServer server, Path configFile, Config config) implements AutoCloseable {

    /** @param extraYaml more configuration sections, e.g. publish settings */
    static SimSession start(TenancySource source, Path dir, String extraYaml) throws IOException {
        String tenancyId = source.tenancy().path("id").asText();
        String home = source.regions().get(0).path("regionName").asText();
        SimCredentials credentials = SimCredentials.create(dir, tenancyId, home);
        SimServer server = new SimServer(source, SimCredentials.readPublicKey(credentials.publicKey()), FaultPlan.none(), 0);
        Path file = SimConfigFiles.write(credentials, server.endpointTemplate(), extraYaml);
        // file already lies under dir: relative, it is relative to the process's folder, as --config is
        return new SimSession(server, file, ConfigLoader.resolve(file, Path.of("").toAbsolutePath(), dir));
    }

    @Override
    public void close() {
        server.close();
    }
}
