package io.github.ocidiff.cli;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.config.Config;
import io.github.ocidiff.config.ConfigLoader;
import io.github.ocidiff.sim.FixtureTenancy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ocidiff replay}: a fixture folder's days through the nightly job, in order. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        header = "Run the nightly job over a fixture folder, day by day.",
        description = {"Start the simulator on a fixture folder (recorded or handmade days of a tenancy) and run the",
                "nightly job for each day in order with the clock of that day: loads a recorded history into a",
                "store, or reproduces a bug report. Reports go to WORKDIR/reports/YYYY-MM-DD/.",
                "With --config, that file's sections but auth, oci, store and reports apply (rules, the plan, publishing).",
                "Exit 0 when every night was, 4 when some snapshot was PARTIAL, 1 when some night failed (e.g. publishing),",
                "as `daily` exits for one night; the last line names those nights."})
public final class ReplayCommand extends BaseCommand implements Callable<Integer> {

    @Option(names = "--fixtures", required = true, paramLabel = "DIR", description = "The fixture folder (shared/contracts/fixture-format.md).")
    Path fixtures;

    /** The sections of the replay's own config: a --config given keeps the rest of its own. */
    private static final Set<String> SIMULATOR_SECTIONS = Set.of("auth", "oci", "store", "reports");

    @Option(names = "--workdir", paramLabel = "DIR",
            description = "Where the simulator's key, the config, the store (unless --store) and the reports go (default: a new temporary folder).")
    Path workdir;

    @Override
    public Integer call() {
        PrintWriter out = out();
        FixtureTenancy tenancy;
        try {
            tenancy = FixtureTenancy.open(fixtures);
        } catch (IllegalArgumentException e) {
            throw OcidiffException.usage("--fixtures: " + e.getMessage());
        }
        try {
            Path dir = workdir != null ? Files.createDirectories(workdir) : Files.createTempDirectory("ocidiff-replay");
            // The user's rules, plan and publishing apply; how to reach OCI, the store and the reports are the replay's.
            String userSections = root.configFile == null ? "" : ConfigLoader.sectionsBut(root.configFile,
                    Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")), SIMULATOR_SECTIONS);
            try (SimSession sim = SimSession.start(tenancy, dir, userSections)) {
                Config config = root.store == null ? sim.config() : sim.config().withStorePath(root.store);
                out.println("replaying " + tenancy.days().size() + " days of " + fixtures + " into " + config.store().path());
                NightlyReplay.Replayed replayed = NightlyReplay.run(tenancy, tenancy.days(), config, out, err());
                if (replayed.last() != null) {
                    out.println("reports in " + replayed.last().reportDir().getParent());
                }
                String problems = replayed.problems(tenancy.days().size());
                if (!problems.isEmpty()) {
                    err().println("ocidiff: " + problems);
                }
                return replayed.exitCode();
            }
        } catch (IOException e) {
            throw OcidiffException.runtime("replay could not set up its working folder: " + e.getMessage(), e);
        }
    }
}
