package io.github.ocidiff.cli;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.sim.FaultPlan;
import io.github.ocidiff.sim.FixtureTenancy;
import io.github.ocidiff.sim.GeneratedTenancy;
import io.github.ocidiff.sim.SimCredentials;
import io.github.ocidiff.sim.SimServer;
import io.github.ocidiff.sim.TenancySource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ocidiff sim}: serves the OCI simulator on loopback until interrupted. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        header = "Serve the OCI simulator on loopback.",
        description = {"Serve the OCI simulator (Identity, Resource Search, Audit, Object Storage) on loopback.",
                "Without --public-key it creates a key pair and writes an OCI config file and an ocidiff",
                "config.yaml into --workdir, so that another terminal can run `ocidiff --config DIR/config.yaml check`."})
public final class SimCommand implements Runnable {

    static final class Source {
        @Option(names = "--fixtures", paramLabel = "DIR", description = "Replay a fixture folder.")
        Path fixtures;

        @Option(names = "--generate", description = "Serve a generated tenancy (the default).")
        boolean generate;
    }

    @ArgGroup(exclusive = true)
    Source source = new Source();

    @Option(names = "--port", defaultValue = "0", description = "Port on 127.0.0.1 (0 = any free port; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--public-key", paramLabel = "FILE", description = "PEM public key of the API key whose signatures to accept.")
    Path publicKey;

    @Option(names = "--workdir", paramLabel = "DIR", description = "Where to write the generated key pair and configs (default: a new temporary folder).")
    Path workdir;

    @Option(names = "--insecure-no-auth", description = "Accept unsigned requests (for curl). Never use beyond loopback poking.")
    boolean insecureNoAuth;

    @Option(names = "--day", paramLabel = "YYYY-MM-DD", description = "Day to serve first (default: the first day).")
    LocalDate day;

    @Mixin
    GeneratorOptions generator;

    @Option(names = "--bucket", paramLabel = "NAME", description = "Make an empty bucket of that name in the home region"
            + " (repeatable), for publish.objectStorage.bucket: a bucket exists once made or once something is put in it.")
    List<String> buckets = new ArrayList<>();

    @Mixin
    FaultOptions faults;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        // Checked first: a bad option writes no keys into the workdir.
        if (port < 0 || port > 65535) {
            throw OcidiffException.usage("--port " + port + ": a port from 1 to 65535, or 0 for any free one");
        }
        if (publicKey != null && !Files.isRegularFile(publicKey)) {
            throw OcidiffException.usage("--public-key " + publicKey + ": no such file; give the PEM public key of"
                    + " the key ocidiff signs with, or leave it out to have one made");
        }
        if (workdir != null && Files.exists(workdir) && !Files.isDirectory(workdir)) {
            throw OcidiffException.usage("--workdir " + workdir + " is a file, not a folder");
        }
        FaultPlan plan = faults.plan();
        TenancySource tenancy = openSource();
        faults.requireKnown(tenancy);
        if (day != null) {
            try {
                tenancy.selectDay(day);
            } catch (IllegalArgumentException e) {
                throw OcidiffException.usage("--day: " + e.getMessage());
            }
        }
        try {
            String tenancyId = tenancy.tenancy().path("id").asText();
            String homeRegion = tenancy.regions().get(0).path("regionName").asText();
            PublicKey key = null;
            SimCredentials created = null;
            if (publicKey != null) {
                key = insecureNoAuth ? null : SimCredentials.readPublicKey(publicKey);
            } else {
                // Made without auth too: ocidiff signs whatever the simulator checks, and a config.yaml an earlier
                // simulator left in --workdir would otherwise name its port, long closed.
                Path dir = workdir != null ? workdir : Files.createTempDirectory("ocidiff-sim");
                created = SimCredentials.create(dir, tenancyId, homeRegion);
                key = insecureNoAuth ? null : SimCredentials.readPublicKey(created.publicKey());
            }
            try (SimServer server = new SimServer(tenancy, key, plan, port)) {
                Main.serving = true;
                buckets.forEach(bucket -> server.createBucket(homeRegion, bucket));
                out.println("OCI simulator listening on " + server.baseUrl());
                out.println("  tenancy   " + tenancyId + " (" + tenancy.tenancy().path("name").asText() + ")");
                out.println("  regions   " + String.join(", ", tenancy.regions().stream()
                        .map(r -> r.path("regionName").asText()).toList()));
                out.println("  day       " + tenancy.currentDay() + " of " + tenancy.days().size()
                        + " (switch: curl -X POST '" + server.baseUrl() + "/_sim/day?date=YYYY-MM-DD')");
                out.println("  endpoint  " + server.endpointTemplate());
                if (!buckets.isEmpty()) {
                    out.println("  buckets   " + String.join(", ", buckets) + " in " + homeRegion + " (namespace "
                            + server.namespace() + ")");
                }
                out.println("  instance  " + server.instanceMetadataUrl() + " (for auth.mode instance_principal:"
                        + " auth.instanceMetadataUrl, with auth.federationEndpoint the endpoint above)");
                if (created != null) {
                    Path config = SimConfigFiles.write(created, server.endpointTemplate());
                    out.println("  try       ocidiff --config " + config + " check");
                }
                out.println("Press Ctrl-C to stop.");
                out.flush();
                new CountDownLatch(1).await();
            }
        } catch (IOException e) {
            throw OcidiffException.runtime("cannot start the simulator: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private TenancySource openSource() {
        if (source.fixtures != null) {
            try {
                return FixtureTenancy.open(source.fixtures);
            } catch (IllegalArgumentException e) {
                throw OcidiffException.usage("--fixtures: " + e.getMessage());
            }
        }
        return new GeneratedTenancy(generator.spec());
    }
}
