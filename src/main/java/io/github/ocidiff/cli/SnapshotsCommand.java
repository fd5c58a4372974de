package io.github.ocidiff.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.job.SnapshotJson;
import io.github.ocidiff.store.SnapshotInfo;
import io.github.ocidiff.store.Store;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ocidiff snapshots}: the committed snapshots of the store. */
@Command(name = "snapshots", mixinStandardHelpOptions = true,
        header = "List the snapshots in the store.",
        description = "List the snapshots in the store: id, when, status, resources, resources changed since the"
                + " previous one (as stored: before ignore rules, reordered lists included, and counting those that"
                + " left Search after showing TERMINATED), how long it took, coverage.")
public final class SnapshotsCommand extends BaseCommand implements Callable<Integer> {

    enum Format { table, json }

    @Option(names = "--format", defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
    Format format;



    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        List<SnapshotInfo> snapshots;
        try (Store store = Session.openStoreToRead(config(), err())) {
            snapshots = store.snapshots();
        }
        if (format == Format.json) {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode array = json.createArrayNode();
            for (SnapshotInfo s : snapshots) {
                ObjectNode snapshot = array.addObject().put("snapshotId", s.id()).put("takenAt", s.takenAt().toString())
                        .put("day", s.day().toString()).put("status", s.status().name()).put("source", s.source())
                        .put("resources", s.resourceCount()).put("changes", s.changesFromPrevious())
                        .put("failedScopes", s.failedScopes()).put("startedAt", s.startedAt().toString())
                        .put("finishedAt", s.finishedAt().toString()).put("seconds", took(s).toMillis() / 1000.0);
                SnapshotJson.provenance(snapshot, s);
            }
            out.println(json.writeValueAsString(array));
            return 0;
        }
        if (snapshots.isEmpty()) {
            out.println("no snapshots yet in " + config().store().path() + "; take one with `ocidiff snapshot`");
            return 0;
        }
        out.printf("%6s  %-20s  %-8s  %-6s  %10s  %8s  %8s  %s%n", "ID", "TAKEN AT (UTC)", "STATUS", "SOURCE",
                "RESOURCES", "CHANGED", "TOOK", "COVERAGE");
        for (SnapshotInfo s : snapshots) {
            out.printf("%6d  %-20s  %-8s  %-6s  %,10d  %,8d  %8s  %s%n", s.id(),
                    s.takenAt().toString().replace("T", " ").replaceAll("\\.\\d+Z$|Z$", ""), s.status(), s.source(),
                    s.resourceCount(), s.changesFromPrevious(), duration(took(s)), coverage(s));
        }
        return 0;
    }

    /** From the run's start to its commit: a night's collection growing slower shows here first. */
    private static Duration took(SnapshotInfo s) {
        return Duration.between(s.startedAt(), s.finishedAt());
    }

    /** "14.6 s", "2m 05s", "1h 02m". */
    static String duration(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 100) {
            return String.format("%.1f s", d.toMillis() / 1000.0);
        }
        return seconds < 3600 ? String.format("%dm %02ds", seconds / 60, seconds % 60)
                : String.format("%dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }

    private static String coverage(SnapshotInfo s) {
        String collected = s.failedScopes() == 0 ? "complete" : String.format("%,d scope%s not collected",
                s.failedScopes(), s.failedScopes() == 1 ? "" : "s");
        if (s.fill().isPresent() && s.status() == SnapshotStatus.FAILED) {
            return collected + " (to fill snapshot " + s.fill().get().filledId() + ": "
                    + s.fill().get().retaken().describe() + " taken again, nothing collected)";
        }
        if (s.fill().isPresent()) {
            return collected + " (" + s.fill().get().describe() + ")";
        }
        return s.narrowing().isNone() ? collected : collected + " (narrowed: " + s.narrowing().describe() + ")";
    }
}
