package io.github.ocidiff.job;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.config.Config;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.oci.OciClients;
import io.github.ocidiff.publish.ObjectStoragePublisher;
import io.github.ocidiff.report.ReportFormat;
import io.github.ocidiff.store.Baseline;
import io.github.ocidiff.store.DailyReport;
import io.github.ocidiff.store.SnapshotInfo;
import io.github.ocidiff.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keeps the last N days: snapshots, local report folders and published reports before them go. The
 * latest COMPLETE snapshot is always kept, whatever its age, because the next night's report compares
 * against it, and so is every snapshot from the oldest baseline on (from those a PARTIAL one carried its gaps
 * forward from), and from the one the oldest kept day's report compares with; the states and diffs of the
 * snapshots kept do not change.
 */
public final class Retention {
    private final Store store;
    private final Config config;
    private final Supplier<OciClients> clients;

    /** @param clients connected only when published reports are to be pruned too */
    public Retention(Store store, Config config, Supplier<OciClients> clients) {
        this.store = store;
        this.config = config;
        this.clients = clients;
    }

    /** @param keepDays days kept, today included (1 keeps only today) */
    public RetentionPlan apply(LocalDate today, int keepDays, boolean dryRun) {
        if (keepDays < 1) {
            throw OcidiffException.usage("--keep-days " + keepDays + ": keep at least 1 day");
        }
        LocalDate keepFrom = today.minusDays(keepDays - 1L);
        List<SnapshotInfo> snapshots = store.snapshots();
        List<SnapshotInfo> removed = List.of();
        if (!snapshots.isEmpty()) {
            long firstKept = snapshots.stream().filter(s -> !s.day().isBefore(keepFrom)).findFirst()
                    .orElse(snapshots.get(snapshots.size() - 1)).id();
            Optional<SnapshotInfo> latestComplete = snapshots.stream()
                    .filter(s -> s.status() == SnapshotStatus.COMPLETE).reduce((a, b) -> b);
            if (latestComplete.isPresent() && latestComplete.get().id() < firstKept) {
                firstKept = latestComplete.get().id();
            }
            // Baselines pin their snapshots, and the history from there on that drift reads.
            long oldestBaseline = store.baselines().stream().mapToLong(this::pinnedFrom).min().orElse(firstKept);
            // The reports of the days kept compare with snapshots that may be older than the window (the night
            // before its first day; the last COMPLETE one before PARTIAL nights): kept, so that a re-run or a
            // retried upload or mail makes the same report, not a first run's inventory.
            long oldestBase = store.dailyReports().stream().filter(r -> !r.day().isBefore(keepFrom))
                    .map(DailyReport::baseSnapshotId).filter(Objects::nonNull).mapToLong(Long::longValue).min()
                    .orElse(firstKept);
            long keep = Math.min(Math.min(firstKept, oldestBaseline), oldestBase);
            removed = snapshots.stream().filter(s -> s.id() < keep).toList();
            if (!dryRun && !removed.isEmpty()) {
                store.pruneBefore(keep, keepFrom);
            }
        }
        List<Path> dirs = new ArrayList<>();
        List<Path> keptDirs = new ArrayList<>();
        for (DayFolder day : reportFoldersBefore(keepFrom)) {
            (day.others() ? keptDirs : dirs).add(day.dir());
            if (!dryRun) {
                delete(day.dir(), day.ours(), !day.others());
            }
        }
        List<String> objects = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            ObjectStoragePublisher.open(clients, config).ifPresent(p -> objects.addAll(p.prune(keepFrom, dryRun).objectNames()));
        } catch (OcidiffException e) {
            problems.add("published reports not pruned: " + e.getMessage());
        }
        return new RetentionPlan(keepFrom, removed, dirs, keptDirs, objects, problems, dryRun);
    }

    /**
     * The oldest snapshot a baseline needs: its own, or for the scopes that one did not collect, those it carried
     * them forward from ({@link LastCollected}), back to which a drift reads Audit and history judges its steps.
     */
    private long pinnedFrom(Baseline baseline) {
        return store.snapshot(baseline.snapshotId()).map(pinned -> LastCollected.before(store, pinned).values().stream()
                .mapToLong(SnapshotInfo::id).min().orElse(pinned.id())).orElse(baseline.snapshotId());
    }

    /** A day's folder of reports: the files the job wrote there, and whether it holds anything else. */
    private record DayFolder(Path dir, List<Path> ours, boolean others) {
    }

    /**
     * The day folders of the reports folder before {@code keepFrom} holding files the job wrote there (its reports, and
     * the temporary files of a write a crash cut short), in day order.
     */
    private List<DayFolder> reportFoldersBefore(LocalDate keepFrom) {
        Path root = config.reports().dir();
        List<DayFolder> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (Stream<Path> children = Files.list(root)) {
            for (Path dir : children.filter(Files::isDirectory)
                    .filter(dir -> day(dir).filter(d -> d.isBefore(keepFrom)).isPresent()).sorted().toList()) {
                try (Stream<Path> entries = Files.list(dir)) {
                    Map<Boolean, List<Path>> byOwner = entries.sorted().collect(Collectors.partitioningBy(
                            f -> ours(f.getFileName().toString()) && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)));
                    if (!byOwner.get(true).isEmpty()) {
                        found.add(new DayFolder(dir, byOwner.get(true), !byOwner.get(false).isEmpty()));
                    }
                }
            }
        } catch (IOException e) {
            throw OcidiffException.runtime("cannot list the reports folder " + root + ": " + e.getMessage(), e);
        }
        return found;
    }

    /** A file the job writes in a day's folder: a report, or the temporary file of one a crash cut short. */
    private static boolean ours(String name) {
        String written = name.startsWith(".") && name.endsWith(".tmp")
                ? name.substring(1, name.length() - ".tmp".length()).replaceAll("\\d+$", "") : name;
        return ReportFormat.ofFileName(written).isPresent();
    }

    /** Only folders named like a day are the job's; anything else in the reports folder is left alone. */
    private static Optional<LocalDate> day(Path dir) {
        try {
            return Optional.of(LocalDate.parse(dir.getFileName().toString()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void delete(Path dir, List<Path> files, boolean folderToo) {
        try {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
            if (folderToo) {
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw OcidiffException.runtime("cannot delete the old reports in " + dir + ": " + e.getMessage(), e);
        }
    }
}
