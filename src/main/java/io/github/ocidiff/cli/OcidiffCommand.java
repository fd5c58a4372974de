package io.github.ocidiff.cli;

import io.github.ocidiff.config.Config;
import io.github.ocidiff.config.ConfigLoader;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command: global options shared by every verb, and the verbs. */
@Command(name = "ocidiff",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "What changed in an OCI tenancy, where, and who did it.",
        subcommands = {DailyCommand.class, SnapshotCommand.class, SnapshotsCommand.class, DiffCommand.class,
                HistoryCommand.class, BaselineCommand.class, DriftCommand.class, EvidenceCommand.class, PruneCommand.class,
                ImportCommand.class, CheckCommand.class, SimCommand.class,
                ReplayCommand.class, DemoCommand.class})
public final class OcidiffCommand implements Runnable {

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log details and print stack traces of errors.")
    boolean verbose;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Configuration file (default: ./config.yaml, then ~/.ocidiff/config.yaml, else built-in defaults).")
    Path configFile;

    @Option(names = "--store", scope = ScopeType.INHERIT, paramLabel = "PATH",
            description = "Store location, overriding store.path of the configuration.")
    Path store;

    private Config config;

    /** The effective configuration, loaded once, with command-line overrides applied. */
    Config config() {
        if (config == null) {
            Config loaded = ConfigLoader.resolve(configFile, Path.of("").toAbsolutePath(),
                    Path.of(System.getProperty("user.home")));
            config = store == null ? loaded : loaded.withStorePath(store);
        }
        return config;
    }

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw missingCommand(spec);
    }

    /** A command of commands run alone: a usage error (exit 2), as a script that forgot the command expects. */
    static CommandLine.ParameterException missingCommand(CommandSpec spec) {
        return new CommandLine.ParameterException(spec.commandLine(), "name a command: "
                + String.join(", ", spec.subcommands().keySet().stream().filter(name -> !name.equals("help")).toList()));
    }
}
