package io.github.ocidiff.cli;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.config.Config;
import io.github.ocidiff.config.ConfigLoader;
import io.github.ocidiff.crawl.CrawlProgress;
import io.github.ocidiff.diff.ChangeKind;
import io.github.ocidiff.audit.OciAuditFeed;
import io.github.ocidiff.job.AuditAccess;
import io.github.ocidiff.job.DiffJob;
import io.github.ocidiff.job.SnapshotJob;
import io.github.ocidiff.oci.OciClients;
import io.github.ocidiff.report.JsonReport;
import io.github.ocidiff.report.Report;
import io.github.ocidiff.store.Store;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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
                "(3 regions, nested compartments, daily churn by several actors); ocidiff checks access, takes a",
                "snapshot each night and reports the last night's changes, all through the real OCI SDK."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--workdir", paramLabel = "DIR", description = "Where to keep the demo's key, config and store (default: a new temporary folder).")
    Path workdir;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated tenancy (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--resources", defaultValue = "3000", description = "Resources in the generated tenancy (default ${DEFAULT-VALUE}).")
    int resources;

    @Option(names = "--days", defaultValue = "3", description = "Nights to replay from the generated history (default ${DEFAULT-VALUE}).")
    int days;

    @Spec
    CommandSpec spec;

    /** Takes a snapshot at the end of each of the first nights, then reports the last night's changes. */
    private Path replay(GeneratedTenancy tenancy, Config config, Path dir, PrintWriter out) throws IOException {
        List<LocalDate> nights = tenancy.days().subList(0, Math.min(days, tenancy.days().size()));
        try (Store store = Session.openStore(config); OciClients clients = Session.connect(config)) {
            for (LocalDate night : nights) {
                tenancy.selectDay(night);
                var outcome = new SnapshotJob(store, clients, config).run(new SnapshotJob.Request(false, List.of(), List.of()),
                        night.atTime(23, 59, 59).toInstant(ZoneOffset.UTC), CrawlProgress.NONE);
                var s = outcome.summary();
                out.printf("snapshot %d of %s: %s, %,d resources%n", s.id(), night, s.status(), s.resources());
            }
            if (nights.size() < 2) {
                throw OcidiffException.usage("--days: a diff needs at least 2 nights, got " + nights.size());
            }
            var result = new DiffJob(store, config.rules(),
                    new AuditAccess.Read(() -> new OciAuditFeed(clients), config.oci().concurrencyPerRegion())).run("previous", "latest", Instant.now());
            Report report = result.report();
            out.printf("%nchanges from %s to %s: %d created, %d deleted, %d modified, %d moved, %d unattributed%n",
                    nights.get(nights.size() - 2), nights.get(nights.size() - 1), report.count(ChangeKind.CREATED),
                    report.count(ChangeKind.DELETED), report.count(ChangeKind.MODIFIED), report.count(ChangeKind.MOVED),
                    report.unattributed());
            Path file = dir.resolve("reports").resolve(nights.get(nights.size() - 1) + ".json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, JsonReport.render(report));
            return file;
        }
    }

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
                Config demoConfig = ConfigLoader.resolve(config, dir, dir);
                int code = CheckCommand.run(demoConfig, out);
                out.println();
                Path report = replay(tenancy, demoConfig, dir, out);
                out.println();
                out.println("Report:    " + report);
                out.println("Requests answered by the simulator: " + server.requestCount());
                return code;
            }
        } catch (IOException e) {
            throw OcidiffException.runtime("demo could not set up its working folder: " + e.getMessage(), e);
        }
    }
}
