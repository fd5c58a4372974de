package io.github.ocidiff.cli;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.config.Config;
import io.github.ocidiff.crawl.ScopeCoverage;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.crawl.VanishedResource;
import io.github.ocidiff.job.SnapshotJob;
import io.github.ocidiff.store.Store;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ocidiff snapshot}: today's inventory of every covered region and compartment into the store. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        header = "Take today's inventory of the tenancy into the store.",
        description = {"Take today's snapshot: every covered compartment of every covered region into the store.",
                "A COMPLETE snapshot of today is kept unless --force; a PARTIAL or FAILED one is replaced.",
                "--region/--compartment narrow it: what they leave out is carried forward as not collected;"
                        + " a narrowed snapshot does not stand in for the nightly one, one that would drop some of"
                        + " what today's collected is refused unless --force, and one asking for no more than today's"
                        + " COMPLETE one collected keeps it. On a day whose snapshot is PARTIAL they fill its"
                        + " gaps instead: what they name is taken again, the rest kept as collected; --fill names"
                        + " its gaps for you.",
                "Exit 0 COMPLETE, 4 PARTIAL (some scopes not collected), 1 FAILED, 2 usage."})
public final class SnapshotCommand extends BaseCommand implements Callable<Integer> {

    /** Exit code of a snapshot that completed only partially. */
    static final int PARTIAL = 4;

    @Option(names = "--force", description = "Replace today's snapshot, even COMPLETE or wider than this run.")
    boolean force;

    @Option(names = "--region", paramLabel = "REGION", description = "Cover only this region (repeatable; overrides regions.include).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--compartment", paramLabel = "C", description = "Cover only this compartment subtree: OCID, name or path like prod/app (repeatable).")
    List<String> compartments = new ArrayList<>();

    @Option(names = "--fill", description = "Take again only what today's PARTIAL snapshot could not collect,"
            + " keeping the rest as collected (as --region/--compartment naming its gaps would).")
    boolean fill;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        Instant now = options.now();
        Config config = config();
        PrintWriter out = out();
        SnapshotJob.Request request = new SnapshotJob.Request(force, regions, compartments);
        if (fill) {
            if (force || !regions.isEmpty() || !compartments.isEmpty()) {
                throw OcidiffException.usage("--fill takes again what today's snapshot could not collect: it goes"
                        + " without --force, --region and --compartment");
            }
            LocalDate day = now.atZone(ZoneOffset.UTC).toLocalDate();
            Optional<SnapshotJob.Request> gaps;
            try (Store store = Session.openStore(config, err())) {
                gaps = SnapshotJob.fillRequest(store, day);
            }
            if (gaps.isEmpty()) {
                out.println("today's snapshot (" + day + ") is COMPLETE: nothing to fill");
                return 0;
            }
            request = gaps.get();
        }
        SnapshotJob.Request asked = request;
        return Session.snapshotRun(config, asked, out, err(), (clients, planning, store) -> {
            SnapshotJob.Outcome outcome = Progresses.with(options.quiet, out, progress ->
                    new SnapshotJob(store, clients, config).run(asked, planning, now, progress));
            return report(outcome, out);
        });
    }

    private static int report(SnapshotJob.Outcome outcome, PrintWriter out) {
        var s = outcome.summary();
        if (outcome.kept()) {
            // Kept by a --force retake that had gaps (see SnapshotJob.Outcome#standing), or without taking it again.
            boolean retakeRefused = outcome.standing().isPresent();
            out.printf("today's snapshot %d (taken %s) is COMPLETE with %s; kept%s%n", s.id(),
                    s.takenAt().truncatedTo(ChronoUnit.SECONDS), count(s.resources(), "resource"),
                    retakeRefused ? "" : " (use --force to take it again)");
            if (retakeRefused) {
                out.flush();
                throw new OcidiffException(PARTIAL, "the retake could not collect " + gapSummary(s.failedScopes())
                        + "; today's snapshot " + s.id() + " (COMPLETE) stays the day's rather than be replaced by"
                        + " less: take it again once they answer");
            }
            return 0;
        }
        out.println(summaryLine(outcome));
        out.flush();
        if (s.status() == SnapshotStatus.COMPLETE) {
            return 0;
        }
        String gaps = gapSummary(s.failedScopes());
        if (s.status() == SnapshotStatus.FAILED) {
            String standing = outcome.standing().map(t -> "; today's snapshot " + t.id() + " (" + t.statusAndNarrowing()
                    + ") stays the day's").orElse("");
            throw new OcidiffException(OcidiffException.RUNTIME, "snapshot " + s.id() + " FAILED: nothing usable was collected; "
                    + gaps + standing);
        }
        throw new OcidiffException(PARTIAL, "snapshot " + s.id() + " is PARTIAL: " + gaps
                + "; resources of those scopes are carried forward as unknown");
    }

    /** What a new snapshot holds, and which of today's snapshots it replaced or filled. */
    static String summaryLine(SnapshotJob.Outcome outcome) {
        var s = outcome.summary();
        // A FAILED snapshot holds what was there before, carried forward: none of it was collected.
        String line = String.format("snapshot %d %s: %s, %s, %s, %.1f s", s.id(), s.status(),
                s.status() == SnapshotStatus.FAILED ? "nothing collected" : count(s.resources(), "resource"),
                count(outcome.regions(), "region"), count(outcome.scopes(), "scope"),
                outcome.duration().toMillis() / 1000.0);
        String replaced = outcome.replaced().map(r -> line + "; replaced today's snapshot " + r.id() + " ("
                + r.statusAndNarrowing() + ")").orElse(line);
        // Gaps the narrowing left out stay gaps: "filled" only when none is left.
        String filled = outcome.filled().map(f -> replaced + (s.status() == SnapshotStatus.COMPLETE
                ? "; filled the gaps of today's snapshot " : "; took again part of today's snapshot ") + f.id()
                + " (" + f.status() + ", " + count(f.failedScopes(), "scope") + " not collected): "
                + count(outcome.scopes(), "scope") + " taken again, the others kept as it collected them")
                .orElse(replaced);
        String beside = outcome.beside().map(b -> filled + "; taken beside today's snapshot " + b.id() + " ("
                + b.statusAndNarrowing() + "), which a baseline pins").orElse(filled);
        return outcome.vanished().isEmpty() ? beside : beside + "; " + vanished(outcome.vanished());
    }

    /** "2 resources listed by Search left out, deleted before ...: Bucket logs (us-ashburn-1), ..." (three named at most). */
    private static String vanished(List<VanishedResource> vanished) {
        int named = Math.min(3, vanished.size());
        String names = vanished.stream().limit(named).map(VanishedResource::describe).collect(Collectors.joining(", "));
        return count(vanished.size(), "resource") + " listed by Search left out, deleted before their details were read: "
                + names + (vanished.size() > named ? " and " + (vanished.size() - named) + " more" : "");
    }

    /** "1 region", "1,200 scopes". */
    static String count(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** One line for many failed scopes: per region, how many scopes and the first reason. */
    static String gapSummary(List<ScopeCoverage> failed) {
        Map<String, List<ScopeCoverage>> byRegion = new LinkedHashMap<>();
        failed.forEach(c -> byRegion.computeIfAbsent(c.scope().region(), r -> new ArrayList<>()).add(c));
        List<String> parts = new ArrayList<>();
        byRegion.forEach((region, scopes) -> parts.add(region + " (" + count(scopes.size(), "scope") + ": "
                + scopes.get(0).error() + ")"));
        return String.join("; ", parts);
    }
}
