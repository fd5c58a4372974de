package io.github.ocidiff.cli;

import io.github.ocidiff.crawl.ImportReader;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.job.ImportJob;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ocidiff import}: saved Resource Search results as the snapshot of their date. */
@Command(name = "import", mixinStandardHelpOptions = true,
        header = "Load saved Resource Search results as a day's snapshot.",
        description = {"Load Resource Search results saved earlier (REST JSON, or the OCI CLI's",
                "`oci search resource structured-search` output; plain or gzip-compressed) as the snapshot of --date. Each file is one",
                "region's complete inventory; regions not imported are carried forward as not collected.",
                "Import dates in order; several calls for one date make up one snapshot."})
public final class ImportCommand extends BaseCommand implements Callable<Integer> {

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The day the files describe (UTC).")
    LocalDate date;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Region of every file (default: from file names like us-ashburn-1.json or us-ashburn-1.json.gz).")
    String region;

    @Option(names = "--tenancy", paramLabel = "OCID", description = "Tenancy OCID (default: the root compartment seen in the files, or the store's).")
    String tenancy;

    @Option(names = "--allow-empty", description = "Import a region with no resources where the snapshot before held"
            + " some (else refused as an export cut short).")
    boolean allowEmpty;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Saved results, one region per file.")
    List<Path> files = new ArrayList<>();



    @Override
    public Integer call() {
        Instant now = Instant.now();
        // A day not begun yet has no results to import (dated at its end, it would refuse every snapshot until then).
        RunOptions.requireNotAhead("--date " + date, date.atStartOfDay(ZoneOffset.UTC).toInstant(), now, Duration.ZERO);
        PrintWriter out = out();
        List<ImportJob.Input> inputs = new ArrayList<>();
        for (Path file : files) {
            // Before its region is told from its name: a missing file is not one whose name is wrong.
            ImportReader.requireFile(file);
            inputs.add(new ImportJob.Input(file, ImportJob.regionOf(file, region)));
        }
        ImportJob.Scan scan = ImportJob.scan(inputs);
        // Before the store opens: refused, the import leaves no empty store behind.
        scan.requireTenancy(tenancy);
        return Session.withStore(config(), out, err(), store -> {
            ImportJob.Imported imported = new ImportJob(store).run(date, tenancy, scan, now, allowEmpty);
            var summary = imported.summary();
            if (imported.repeated() > 0) {
                err().println("ocidiff: warning: " + SnapshotCommand.count(imported.repeated(), "resource")
                        + " listed more than once (overlapping pages?); the first listing of each was kept");
            }
            // The others are those of regions not in these files: imported earlier for the date, or carried forward.
            String fromFiles = SnapshotCommand.count(files.size(), "file");
            String resources = summary.resources() == imported.fromFiles()
                    ? SnapshotCommand.count(summary.resources(), "resource") + " from " + fromFiles
                    : String.format("%s: %,d from %s, %,d kept of other regions", SnapshotCommand.count(summary.resources(),
                    "resource"), imported.fromFiles(), fromFiles, summary.resources() - imported.fromFiles());
            out.printf("snapshot %d of %s (%s): %s%s%n", summary.id(), date, summary.status(), resources,
                    summary.status() == SnapshotStatus.COMPLETE ? "" : "; not collected: " + SnapshotCommand.gapSummary(summary.failedScopes()));
            return 0;
        });
    }
}
