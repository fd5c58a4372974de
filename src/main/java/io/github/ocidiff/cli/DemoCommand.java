package io.github.ocidiff.cli;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.config.Config;
import io.github.ocidiff.job.DailyJob;
import io.github.ocidiff.job.DiffJob;
import io.github.ocidiff.job.ReportFiles;
import io.github.ocidiff.report.ReportFormat;
import io.github.ocidiff.sim.GeneratedTenancy;
import io.github.ocidiff.sim.GeneratorSpec;
import io.github.ocidiff.sim.SimServer;
import io.github.ocidiff.store.Baseline;
import io.github.ocidiff.store.SnapshotInfo;
import io.github.ocidiff.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ocidiff demo}: no account needed. Starts the simulator with a generated tenancy, writes a
 * throwaway API key and configuration, and replays a week of nights through the nightly job, all
 * through the real OCI SDK.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        header = "Try ocidiff without an OCI account: a simulated week.",
        description = {"Try ocidiff without an OCI account: an embedded simulator serves a generated tenancy",
                "(3 regions, nested compartments, a week of churn by several actors, one night with a region",
                "down); the nightly job runs for each night: snapshot, diff, Audit attribution, reports",
                "(json, html, md, csv) published to the simulator's Object Storage."})
public final class DemoCommand implements Callable<Integer> {

    /** The demo's bad night: the second region is down, so that night's report shows coverage gaps. */
    static final int OUTAGE_NIGHT = 4;
    static final String BUCKET = "ocidiff-reports";

    @Option(names = "--workdir", paramLabel = "DIR", description = "Where to keep the demo's key, config, store and reports (default: a new temporary folder).")
    Path workdir;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated tenancy (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--resources", defaultValue = "3000", description = "Resources in the generated tenancy (default ${DEFAULT-VALUE}).")
    int resources;

    @Option(names = "--days", defaultValue = "7", description = "Nights to replay, 2 to 30 (default ${DEFAULT-VALUE}).")
    int days;

    @Spec
    CommandSpec spec;

    /** The first night is the demo's approved state. */
    static final String BASELINE = "demo-approved";

    /**
     * A suppress rule for the generator's autoscaler (an instance principal) and a waiver for the network
     * security groups that expires mid-week, so the reports show suppressed, waived and expired-waiver drift.
     */
    private static String rules(List<LocalDate> nights) {
        return """
                rules:
                  suppress:
                    - name: autoscaler
                      actor: "ocid1.instance.*"
                      reason: the autoscaler's instance principal resizes pools; its changes are expected
                  waivers:
                    - name: CHG-1042
                      resourceType: NetworkSecurityGroup
                      reason: security rules reworked for the network migration
                      approver: alice@example.com
                      approved: %s
                      expires: %s
                """.formatted(nights.get(0), nights.get(Math.min(3, nights.size() - 1)));
    }

    /** Pins the first night as the baseline and writes the drift of the last night from it; returns the verdict. */
    private static String drift(Config config, LocalDate firstNight, Path driftDir, PrintWriter err) {
        try (Store store = Session.openStore(config, err); LazyClients clients = new LazyClients(config)) {
            List<SnapshotInfo> snapshots = store.snapshots();
            SnapshotInfo first = snapshots.stream().filter(s -> s.day().equals(firstNight)).findFirst().orElseThrow();
            store.addBaseline(new Baseline(BASELINE, first.id(), "the demo's first night", List.of(), List.of(),
                    Instant.now()));
            DiffJob.Result drift = new DiffJob(store, config.rules(), Session.audit(config, clients::get, false))
                    .drift(store.baseline(BASELINE).orElseThrow(), snapshots.get(snapshots.size() - 1), List.of(),
                            Instant.now());
            ReportFiles.write(drift.report(), List.of(ReportFormat.values()), driftDir);
            return DriftCommand.verdict(drift.report());
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (days < 2 || days > 30) {
            throw OcidiffException.usage("--days " + days + ": the demo replays 2 to 30 nights");
        }
        GeneratorSpec generatorSpec;
        try {
            generatorSpec = GeneratorSpec.defaults().withSeed(seed).withResourceCount(resources).withDays(days);
        } catch (IllegalArgumentException e) {
            throw GeneratorOptions.OPTIONS.usage(e);
        }
        GeneratedTenancy tenancy = new GeneratedTenancy(generatorSpec);
        List<LocalDate> nights = tenancy.days();
        String downRegion = tenancy.regions().get(1).path("regionName").asText();
        if (nights.size() > OUTAGE_NIGHT) {
            tenancy.scheduleOutage(nights.get(OUTAGE_NIGHT), downRegion);
        }
        if (workdir != null && Files.exists(workdir.resolve("store/ocidiff.mv.db"))) {
            // Its week would follow the earlier demo's, whose baseline and snapshots are there already.
            throw OcidiffException.usage("--workdir " + workdir + " holds an earlier demo's store: the demo replays its"
                    + " week into a new one; name a new folder, or delete that one");
        }
        try {
            Path dir = workdir != null ? Files.createDirectories(workdir) : Files.createTempDirectory("ocidiff-demo");
            String home = tenancy.regions().get(0).path("regionName").asText();
            try (SimSession sim = SimSession.start(tenancy, dir, "publish:\n  objectStorage:\n    bucket: " + BUCKET + "\n"
                    + rules(nights))) {
                SimServer server = sim.server();
                server.createBucket(home, BUCKET);
                Path configFile = sim.configFile();
                out.println("Simulator: " + server.baseUrl() + " (generated tenancy, seed " + seed + ", "
                        + resources + " resources, " + nights.size() + " nights"
                        + (nights.size() > OUTAGE_NIGHT ? ", " + downRegion + " down on " + nights.get(OUTAGE_NIGHT) : "")
                        + ")");
                out.println("Config:    " + configFile);
                out.println();
                Config config = sim.config();
                int code = CheckCommand.run(config, out);
                out.println();
                DailyJob.Outcome last = NightlyReplay.run(tenancy, nights, config, out, err).last();
                out.println();
                Path driftDir = dir.resolve("drift");
                out.println(drift(config, nights.get(0), driftDir, err));
                out.println();
                out.println("HTML report of the last night: " + last.reportDir().resolve(ReportFormat.HTML.fileName()));
                out.println("Drift from the first night's baseline: " + driftDir.resolve(ReportFormat.HTML.fileName()));
                out.println("All reports:   " + last.reportDir().getParent() + " (also in the simulator's bucket "
                        + BUCKET + ": " + server.objects(home, BUCKET).size() + " objects)");
                out.println("Explore:       ./ocidiff --config " + configFile + " diff --from " + nights.get(0)
                        + " --format md");
                out.println("Requests answered by the simulator: " + server.requestCount());
                return code;
            }
        } catch (IOException e) {
            throw OcidiffException.runtime("demo could not set up its working folder: " + e.getMessage(), e);
        }
    }
}
