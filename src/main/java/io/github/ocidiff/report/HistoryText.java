package io.github.ocidiff.report;

import io.github.ocidiff.audit.Actor;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.diff.PropertyChange;
import io.github.ocidiff.diff.TextDiff;
import io.github.ocidiff.store.StoredResource;
import java.util.List;
import java.util.Set;

/**
 * A resource's history for a terminal: who it is, then one block per version, oldest first, headed by
 * its kind and the snapshots that had it. Values from the tenancy are kept to one line without control
 * characters, so a display name cannot move the cursor.
 */
public final class HistoryText {

    /** The kinds a report lists, or would if it could: each names an actor when Audit evidence was kept. */
    private static final Set<StepKind> CHANGES = Set.of(StepKind.CREATED, StepKind.TRANSIENT, StepKind.REAPPEARED,
            StepKind.MODIFIED, StepKind.MOVED, StepKind.DELETED);

    private final StringBuilder out = new StringBuilder(2_048);

    private HistoryText() {
    }

    public static String render(History history) {
        return new HistoryText().document(history);
    }

    private String document(History history) {
        line(text(known(history.resourceType())) + " " + text(ReportText.name(history.displayName())) + " ("
                + text(history.ocid()) + ", " + text(known(history.region())) + ")");
        line(ReportText.count(history.steps().size(), "version") + ", first seen "
                + history.steps().get(0).since().day());
        HistoryStep previous = null;
        for (HistoryStep step : history.steps()) {
            out.append('\n');
            step(step, previous);
            previous = step;
        }
        return out.toString();
    }

    private void step(HistoryStep step, HistoryStep previous) {
        StoredResource version = step.version();
        line(step.kind().name().replace('_', ' ') + "  " + snapshot(step.since()) + " → "
                + (step.current() ? "current" : snapshot(step.lastSeen())));
        line("  " + text(ReportText.name(version.displayName()))
                + (version.lifecycleState() == null ? "" : ", " + text(version.lifecycleState()))
                + ", in " + compartment(step));
        String note = note(step, previous);
        if (note != null) {
            line("  " + note);
        }
        for (PropertyChange p : ReportText.unexplained(step.properties(), step.texts())) {
            line("  " + text(p.path()) + ": " + text(ReportText.json(p.before(), ReportText.ABSENT)) + " → "
                    + text(ReportText.json(p.after(), ReportText.ABSENT)));
        }
        for (TextDiff diff : step.texts()) {
            line("  " + text(diff.path()) + ":");
            ReportText.hunks(diff.lines()).forEach(l -> line("    " + text(l)));
        }
        step.ignored().forEach((rule, n) -> line("  ignored by the rule for " + text(rule.resourceType()) + " "
                + text(rule.path()) + ": " + ReportText.count(n, "property change")));
        if (step.caveat() != null) {
            line("  caveat: " + text(step.caveat()));
        }
        actors(step.actors(), CHANGES.contains(step.kind()), "  ");
        for (NotCollected n : step.notCollected()) {
            line("  not collected by " + snapshot(n.snapshot()) + ": " + text(n.reason()));
        }
        if (step.current() && !step.notCollected().isEmpty()) {
            line("  last seen " + snapshot(step.lastSeen()));
        }
        Vanished vanished = step.vanished();
        if (vanished != null) {
            line("  gone at " + snapshot(vanished.at()) + ": " + switch (vanished.fate()) {
                case DELETED -> "deleted" + (vanished.caveat() == null ? "" : " (" + text(vanished.caveat()) + ")");
                case DROPPED -> "no longer listed by Resource Search, after its deletion";
                case UNKNOWN -> "unknown, scope not collected (" + text(vanished.caveat()) + ")";
                case LEFT_THE_PLAN -> "out of the plan: it, or its compartment, had moved where the configuration does not look";
            });
            actors(vanished.actors(), vanished.fate() == Vanished.Fate.DELETED, "    ");
        }
    }

    /** What the kind alone does not say; null when it says it all. */
    private static String note(HistoryStep step, HistoryStep previous) {
        return switch (step.kind()) {
            case FIRST_SEEN -> "already there in the store's first snapshot";
            case TRANSIENT -> "first seen already being deleted: created and deleted between two snapshots";
            case REAPPEARED -> "back after an absence; compared with " + snapshot(step.comparedWith())
                    + ", the last snapshot before it";
            case ENTERED_THE_PLAN -> "first listed when its compartment or region entered the plan, made before then:"
                    + " listed as created by that night's report, with a caveat, but no creation";
            case MOVED -> "moved from " + compartment(previous);
            case IGNORED -> "only properties the ignore rules leave out changed: not in reports";
            case REORDERED -> "only the order of a set-like list changed: not in reports";
            case ALREADY_GONE -> "still being deleted: not in reports, its deletion was reported when it began";
            case DETAILS_UNCOMPARED -> "only its details differ, which one of the two snapshots did not fetch (an import,"
                    + " or a change of snapshot.enrich): not compared, not in reports";
            case CREATED, MODIFIED, DELETED -> null;
        };
    }

    private void actors(List<Actor> actors, boolean expected, String indent) {
        if (actors.isEmpty() && expected) {
            line(indent + "no actor known: no Audit event of it kept for the night before it (none read, or none naming it)");
        }
        actors.forEach(a -> line(indent + "by " + text(ReportText.event(a))));
    }

    private static String compartment(HistoryStep step) {
        return text(step.compartmentPath() != null ? step.compartmentPath()
                : step.version().compartmentId() != null ? step.version().compartmentId() : "(no compartment)");
    }

    /** "2026-11-03 (snapshot 3)", with its status unless COMPLETE. */
    private static String snapshot(SnapshotRef ref) {
        return ref.day() + " (snapshot " + ref.snapshotId()
                + (ref.status() == SnapshotStatus.COMPLETE ? "" : ", " + ref.status()) + ")";
    }

    private static String known(String value) {
        return value == null ? "(unknown)" : value;
    }

    private static String text(String value) {
        return ReportText.oneLine(value);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
