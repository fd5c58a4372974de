package io.github.ocidiff.cli;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.job.EvidenceJob;
import io.github.ocidiff.job.EvidencePack;
import io.github.ocidiff.job.EvidenceZip;
import io.github.ocidiff.job.Manifest;
import io.github.ocidiff.store.Store;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ocidiff evidence}: a verifiable zip of a report and everything behind it, and its check. */
@Command(name = "evidence", mixinStandardHelpOptions = true,
        header = "Write an evidence pack for auditors: a report and all behind it.",
        description = {"Write an evidence pack: a zip of the report between two snapshots in every",
                "format, the Audit events it was attributed from, both snapshots' metadata and",
                "coverage, the effective rules, the tool's version and a MANIFEST.sha256 over",
                "every file. FROM/TO as for diff. `ocidiff evidence verify PACK` checks a pack."},
        subcommands = EvidenceCommand.Verify.class)
public final class EvidenceCommand extends BaseCommand implements Callable<Integer> {

    @Option(names = "--from", paramLabel = "FROM", description = "Older end (default: the snapshot before --to).")
    String from;

    @Option(names = "--to", paramLabel = "TO", description = "Newer end (default latest).")
    String to;

    @Option(names = "--baseline", paramLabel = "NAME",
            description = "Start from the snapshot an approved baseline pins, instead of --from.")
    String baseline;

    @Mixin
    AuditOption audit;

    @Option(names = "--out", paramLabel = "FILE", description = "The pack to write, e.g. evidence-2026-11.zip (replaced if it exists).")
    Path out;

    @Override
    public Integer call() {
        if (out == null) {
            throw OcidiffException.usage("evidence: --out FILE is required, e.g. --out evidence.zip; "
                    + "`ocidiff evidence verify PACK` checks a pack");
        }
        if (Files.isDirectory(out)) {
            throw OcidiffException.usage("--out " + out + ": a folder; name the pack's file, e.g. "
                    + out.resolve("evidence.zip"));
        }
        if (baseline != null && from != null) {
            throw OcidiffException.usage("--baseline and --from both name the older end; give one of them");
        }
        String toValue = to == null ? "latest" : to;
        EvidencePack.Tool tool = new EvidencePack.Tool(Version.current(),
                root.spec.commandLine().getParseResult().originalArgs());
        EvidenceJob.Result result;
        int files;
        try (Store store = Session.openForReport(config(), err());
             LazyClients clients = new LazyClients(config())) {
            EvidenceJob job = new EvidenceJob(store, config().rules(), audit.access(config(), clients::get));
            result = baseline != null ? job.sinceBaseline(baseline, toValue, tool, Instant.now())
                    : job.between(from, toValue, tool, Instant.now());
            result.warnings().forEach(w -> err().println("ocidiff: warning: " + w));
            // Within the store's session: the Audit events are read from it as the pack is written.
            files = EvidenceZip.write(out, result.files());
        }
        EvidencePack.Ends ends = result.ends();
        out().printf("evidence pack written to %s: %d files, snapshots %d (%s) to %d (%s)%s, %d Audit events%n", out,
                files, ends.from().id(), ends.from().day(), ends.to().id(), ends.to().day(),
                ends.baseline().map(b -> " from baseline " + b.name()).orElse(""), result.auditEvents());
        return 0;
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            header = "Check an evidence pack against its manifest.",
            description = {"Check an evidence pack: recompute every file's SHA-256, compare with",
                    "MANIFEST.sha256, print each altered, missing or extra file (and unsafe or",
                    "duplicate names), then the verdict. Exit 0 when intact, 1 otherwise."})
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        EvidenceCommand parent;

        @Parameters(paramLabel = "PACK", description = "The pack's zip file.")
        Path pack;

        @Override
        public Integer call() {
            EvidenceZip.Read read = EvidenceZip.read(pack);
            Manifest.Check check = Manifest.check(read.entries(), read.manifest());
            PrintWriter out = parent.out();
            check.problems().forEach(out::println);
            if (check.intact()) {
                out.printf("%s: intact, %d files match %s%n", pack, check.files(), Manifest.FILE_NAME);
                return 0;
            }
            int n = check.problems().size();
            out.printf("%s: NOT intact, %d problem%s%n", pack, n, n == 1 ? "" : "s");
            return OcidiffException.RUNTIME;
        }
    }
}
