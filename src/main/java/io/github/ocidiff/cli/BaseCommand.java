package io.github.ocidiff.cli;

import io.github.ocidiff.config.Config;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every verb under the root shares: the global options' configuration and the output stream. */
abstract class BaseCommand {
    @ParentCommand
    OcidiffCommand root;

    @Spec
    CommandSpec spec;

    Config config() {
        return root.config();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
