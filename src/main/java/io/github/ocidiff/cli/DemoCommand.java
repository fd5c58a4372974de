package io.github.ocidiff.cli;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.config.ConfigLoader;
import io.github.ocidiff.sim.FaultPlan;
import io.github.ocidiff.sim.GeneratedTenancy;
import io.github.ocidiff.sim.GeneratorSpec;
import io.github.ocidiff.sim.SimCredentials;
import io.github.ocidiff.sim.SimServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ocidiff demo}: no account needed. Starts the simulator with a generated tenancy, writes a
 * throwaway API key and configuration, and runs ocidiff against it through the real OCI SDK.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Try ocidiff without an OCI account: an embedded simulator serves a generated tenancy",
                "(3 regions, nested compartments) and ocidiff runs against it through the real OCI SDK."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--workdir", paramLabel = "DIR", description = "Where to keep the demo's key, config and store (default: a new temporary folder).")
    Path workdir;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated tenancy (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--resources", defaultValue = "3000", description = "Resources in the generated tenancy (default ${DEFAULT-VALUE}).")
    int resources;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        GeneratorSpec generatorSpec;
        try {
            generatorSpec = GeneratorSpec.defaults().withSeed(seed).withResourceCount(resources);
        } catch (IllegalArgumentException e) {
            throw OcidiffException.usage(e.getMessage());
        }
        GeneratedTenancy tenancy = new GeneratedTenancy(generatorSpec);
        try {
            Path dir = workdir != null ? workdir : Files.createTempDirectory("ocidiff-demo");
            String tenancyId = tenancy.tenancy().path("id").asText();
            String home = tenancy.regions().get(0).path("regionName").asText();
            SimCredentials credentials = SimCredentials.create(dir, tenancyId, home);
            try (SimServer server = new SimServer(tenancy, SimCredentials.readPublicKey(credentials.publicKey()),
                    FaultPlan.none(), 0)) {
                Path config = SimConfigFiles.write(credentials, server.endpointTemplate());
                out.println("Simulator: " + server.baseUrl() + " (generated tenancy, seed " + seed + ", "
                        + resources + " resources, day " + tenancy.currentDay() + ")");
                out.println("Config:    " + config);
                out.println();
                int code = CheckCommand.run(ConfigLoader.resolve(config, dir, dir), out);
                out.println();
                out.println("Requests answered by the simulator: " + server.requestCount());
                return code;
            }
        } catch (IOException e) {
            throw OcidiffException.runtime("demo could not set up its working folder: " + e.getMessage(), e);
        }
    }
}
