package io.github.ocidiff.job;

import io.github.ocidiff.store.SnapshotInfo;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What retention removed (or, in a dry run, would remove).
 *
 * @param keepFrom   the first day kept
 * @param snapshots  snapshots older than the first one kept
 * @param reportDirs local report folders of days before {@code keepFrom}, gone with their reports
 * @param keptDirs   local report folders of days before {@code keepFrom} whose reports went, but which hold other
 *                   files (someone's notes beside a report): those stay, and so does the folder
 * @param objects    published report objects of days before {@code keepFrom}
 * @param problems   steps that could not be done (e.g. Object Storage unreachable), one line each
 */
public record RetentionPlan(LocalDate keepFrom, List<SnapshotInfo> snapshots, List<Path> reportDirs,
                            List<Path> keptDirs, List<String> objects, List<String> problems, boolean dryRun) {
    public RetentionPlan {
        snapshots = List.copyOf(snapshots);
        reportDirs = List.copyOf(reportDirs);
        keptDirs = List.copyOf(keptDirs);
        objects = List.copyOf(objects);
        problems = List.copyOf(problems);
    }

    /** One line for the summary, e.g. "pruned 3 snapshots, 3 report folders, 12 objects before 2026-11-19". */
    public String summary() {
        return (dryRun ? "would prune " : "pruned ") + snapshots.size() + " snapshots, "
                + (reportDirs.size() + keptDirs.size()) + " report folders, " + objects.size()
                + " published objects before " + keepFrom;
    }
}
