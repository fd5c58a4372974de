package io.github.ocidiff.cli;

import io.github.ocidiff.job.HistoryJob;
import io.github.ocidiff.report.History;
import io.github.ocidiff.report.HistoryJson;
import io.github.ocidiff.report.HistoryText;
import io.github.ocidiff.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ocidiff history OCID}: every stored version of one resource, and how each came about. */
@Command(name = "history", mixinStandardHelpOptions = true,
        header = "Show every stored version of one resource, oldest first.",
        description = {"Show every version of one resource across the snapshots in the store, oldest first:",
                "when it was created (or first seen), modified, moved, deleted or went missing, with the",
                "property changes and the actors of each step. Reads the store only: actors come from the",
                "Audit events that 'ocidiff diff' kept for each night, and the ignore rules of the config apply."})
public final class HistoryCommand extends BaseCommand implements Callable<Integer> {

    enum Format { text, json }

    @Parameters(paramLabel = "OCID", description = "The resource's OCID.")
    String ocid;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (a timeline) or json (default ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        History history;
        try (Store store = Session.openStoreToRead(config(), err())) {
            history = new HistoryJob(store, config().rules()).run(ocid.trim());
        }
        out().print(format == Format.json ? HistoryJson.render(history) : HistoryText.render(history));
        out().flush();
        return 0;
    }
}
