package io.github.ocidiff.job;

import io.github.ocidiff.audit.Actor;
import io.github.ocidiff.audit.AuditEventJson;
import io.github.ocidiff.audit.AuditWindow;
import io.github.ocidiff.config.IgnoreRule;
import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.crawl.ScopeCoverage;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.diff.Change;
import io.github.ocidiff.diff.ChangeClassifier;
import io.github.ocidiff.diff.Coverage;
import io.github.ocidiff.diff.IgnoreRules;
import io.github.ocidiff.diff.JsonDiff;
import io.github.ocidiff.diff.NoChangeReason;
import io.github.ocidiff.diff.Outcome;
import io.github.ocidiff.diff.PropertyChange;
import io.github.ocidiff.diff.SetArrays;
import io.github.ocidiff.diff.TextDiff;
import io.github.ocidiff.report.History;
import io.github.ocidiff.report.HistoryStep;
import io.github.ocidiff.report.NotCollected;
import io.github.ocidiff.report.SnapshotRef;
import io.github.ocidiff.report.StepKind;
import io.github.ocidiff.report.Vanished;
import io.github.ocidiff.store.PairedAuditEvent;
import io.github.ocidiff.store.ResourceVersion;
import io.github.ocidiff.store.SnapshotInfo;
import io.github.ocidiff.store.StoredAuditEvent;
import io.github.ocidiff.store.StoredResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * Turns a resource's stored versions into the steps of its history. Each step is judged by the same
 * {@link ChangeClassifier} a diff of the snapshot before it and its first snapshot runs, with both
 * snapshots' coverage and the configured ignore rules, so that history and diff agree; its actors are
 * the Audit events diffs kept for that night.
 */
final class HistorySteps {

    /** How one version compares with the one before it. */
    private record Verdict(StepKind kind, List<PropertyChange> properties, List<TextDiff> texts,
                           List<IgnoreRule> ignoredBy, String caveat) {

        static Verdict of(StepKind kind) {
            return new Verdict(kind, List.of(), List.of(), List.of(), null);
        }
    }

    private final List<SnapshotInfo> snapshots;
    private final Map<Long, SnapshotInfo> byId = new HashMap<>();
    private final LongFunction<List<ScopeCoverage>> coverage;
    private final LongFunction<Map<String, String>> compartmentPaths;
    private final IgnoreRules ignore;
    private final JsonDiff jsonDiff = new JsonDiff(SetArrays.DEFAULT);
    private final Map<Long, List<ScopeCoverage>> coverageRead = new HashMap<>();
    private final Map<Long, Map<String, String>> pathsRead = new HashMap<>();

    /**
     * @param snapshots        the committed snapshots, oldest first
     * @param coverage         a snapshot's declared scopes by id (read only for the snapshots a step needs)
     * @param compartmentPaths a snapshot's compartment OCID → path, empty when it recorded no tree
     */
    HistorySteps(List<SnapshotInfo> snapshots, LongFunction<List<ScopeCoverage>> coverage,
                 LongFunction<Map<String, String>> compartmentPaths, IgnoreRules ignore) {
        this.snapshots = List.copyOf(snapshots);
        this.snapshots.forEach(s -> byId.put(s.id(), s));
        this.coverage = coverage;
        this.compartmentPaths = compartmentPaths;
        this.ignore = ignore;
    }

    /**
     * @param versions every version of one resource, oldest first (at least one)
     * @param events   the Audit events kept for it, with their snapshot pairs, oldest first
     */
    History of(List<ResourceVersion> versions, List<PairedAuditEvent> events) {
        List<HistoryStep> steps = new ArrayList<>(versions.size());
        for (int i = 0; i < versions.size(); i++) {
            steps.add(step(i == 0 ? null : versions.get(i - 1), versions.get(i),
                    i + 1 < versions.size() ? versions.get(i + 1) : null, events));
        }
        StoredResource latest = versions.get(versions.size() - 1).resource();
        return new History(latest.ocid(), latest.resourceType(), latest.displayName(), latest.region(), steps);
    }

    private HistoryStep step(ResourceVersion previous, ResourceVersion version, ResourceVersion next,
                             List<PairedAuditEvent> events) {
        SnapshotInfo since = snapshot(version.validFrom());
        StoredResource where = (previous == null ? version : previous).resource();
        Scope scopeBefore = new Scope(where.region(), where.compartmentId());
        SnapshotInfo snapshotBefore = collectedBefore(since.id(), scopeBefore);
        boolean afterAbsence = previous != null && previous.validTo() != version.validFrom();
        // Across an absence, the diff that compares the two versions is the one that spans it.
        SnapshotInfo comparedWith = afterAbsence ? collectedBefore(previous.validTo(), scopeBefore) : snapshotBefore;
        Verdict verdict = comparedWith == null ? Verdict.of(StepKind.FIRST_SEEN)
                : verdict(previous == null ? null : previous.resource(), version.resource(), comparedWith, since);
        StepKind kind = afterAbsence ? StepKind.REAPPEARED : verdict.kind();

        StoredResource r = version.resource();
        Scope scope = new Scope(r.region(), r.compartmentId());
        // Moved into a scope a night did not collect, it was carried forward where it was: the move may have been
        // made before the night it is compared with, back to when that scope was last collected.
        SnapshotInfo actorsSince = snapshotBefore;
        if (snapshotBefore != null && !scope.equals(scopeBefore)) {
            SnapshotInfo movedInto = collectedBefore(since.id(), scope);
            actorsSince = movedInto != null && movedInto.id() < snapshotBefore.id() ? movedInto : snapshotBefore;
        }
        List<NotCollected> notCollected = new ArrayList<>();
        SnapshotInfo lastSeen = since;
        // A first step may start at a snapshot that did not collect it: the first kept after pruning, carrying it.
        long from = comparedWith == null ? since.id() : since.id() + 1;
        for (SnapshotInfo s : snapshots) {
            if (s.id() >= from && (version.validTo() == null || s.id() < version.validTo())) {
                Optional<String> missed = missed(s, scope);
                if (missed.isPresent()) {
                    notCollected.add(new NotCollected(SnapshotRef.of(s), missed.get()));
                } else {
                    lastSeen = s;
                }
            }
        }
        boolean vanished = version.validTo() != null && (next == null || next.validFrom() != version.validTo());
        // Named as when last seen there: a compartment renamed or moved while the version lived in it is told as it
        // became, as the reports of those nights name it.
        String path = paths(lastSeen.id()).getOrDefault(r.compartmentId(), paths(since.id()).get(r.compartmentId()));
        return new HistoryStep(kind, r, path, SnapshotRef.of(since),
                SnapshotRef.of(lastSeen), version.validTo() == null ? null : SnapshotRef.of(snapshot(version.validTo())),
                comparedWith == null ? null : SnapshotRef.of(comparedWith), verdict.properties(), verdict.texts(),
                verdict.ignoredBy(), verdict.caveat(), actors(actorsSince, since, events), notCollected,
                vanished ? vanished(r, snapshot(version.validTo()), events) : null);
    }

    private Verdict verdict(StoredResource before, StoredResource after, SnapshotInfo from, SnapshotInfo to) {
        Outcome outcome = new ChangeClassifier(jsonDiff, ignore, coverage(from, to)).classify(before, after);
        if (outcome instanceof Outcome.Changed c) {
            Change change = c.change();
            StepKind kind = switch (change.kind()) {
                case CREATED -> StepKind.CREATED;
                case DELETED -> StepKind.DELETED;
                case MODIFIED -> StepKind.MODIFIED;
                case MOVED -> StepKind.MOVED;
            };
            return new Verdict(kind, change.properties(), change.texts(), c.ignoredBy(), change.caveat());
        }
        if (outcome instanceof Outcome.Entered e) {
            return new Verdict(StepKind.ENTERED_THE_PLAN, List.of(), List.of(), List.of(), e.change().caveat());
        }
        if (outcome instanceof Outcome.Ignored i) {
            return new Verdict(StepKind.IGNORED, List.of(), List.of(), i.ignoredBy(), null);
        }
        if (outcome instanceof Outcome.Transient) {
            return Verdict.of(StepKind.TRANSIENT);
        }
        if (outcome instanceof Outcome.Unchanged u) {
            return Verdict.of(switch (u.reason()) {
                case ALREADY_GONE -> StepKind.ALREADY_GONE;
                case REORDERED -> StepKind.REORDERED;
                case DETAILS_UNCOMPARED -> StepKind.DETAILS_UNCOMPARED;
                case LEFT_THE_PLAN -> throw new IllegalStateException("a version present at snapshot " + to.id()
                        + " cannot have left the plan");
            });
        }
        throw new IllegalStateException("a version present at snapshot " + to.id() + " cannot be " + outcome);
    }

    /** The diff's judgement of the resource's absence at {@code at}, where no version of it starts. */
    private Vanished vanished(StoredResource last, SnapshotInfo at, List<PairedAuditEvent> events) {
        SnapshotInfo from = collectedBefore(at.id(), new Scope(last.region(), last.compartmentId()));
        Coverage both = coverage(from, at);
        Outcome outcome = new ChangeClassifier(jsonDiff, ignore, both).classify(last, null);
        Vanished.Fate fate;
        String caveat = null;
        if (outcome instanceof Outcome.Changed c) {
            fate = Vanished.Fate.DELETED;
            caveat = c.change().caveat();
        } else if (outcome instanceof Outcome.Unknown u) {
            fate = Vanished.Fate.UNKNOWN;
            caveat = both.caveat(u.scope(), u.scope());
        } else if (outcome instanceof Outcome.Unchanged u && u.reason() == NoChangeReason.LEFT_THE_PLAN) {
            fate = Vanished.Fate.LEFT_THE_PLAN;
        } else {
            fate = Vanished.Fate.DROPPED;
        }
        return new Vanished(fate, SnapshotRef.of(at), SnapshotRef.of(from), caveat, actors(from, at, events));
    }

    /**
     * Why snapshot {@code s} did not see a version it carries, or empty when it collected the version's
     * scope. A snapshot that collected every scope it declared saw it: the store closes the versions of
     * scopes a snapshot left out.
     */
    private Optional<String> missed(SnapshotInfo s, Scope scope) {
        // A narrowed snapshot counts no failed scope, yet leaves the others out.
        if (s.status() != SnapshotStatus.FAILED && s.failedScopes() == 0 && s.narrowing().isNone()) {
            return Optional.empty();
        }
        Optional<ScopeCoverage> declared = coverage(s.id()).stream().filter(c -> c.scope().equals(scope)).findFirst();
        if (declared.isEmpty()) {
            return Optional.of("not in this snapshot's plan");
        }
        ScopeCoverage c = declared.get();
        return c.ok() ? Optional.empty() : Optional.of(c.error() == null ? "not fully collected" : c.error());
    }

    /**
     * The write events of the night between two snapshots, each once, from every kept pair spanning
     * {@code to}: a pair wider than the night also holds the events of its other nights, which belong to
     * other steps. A pair starting at {@code from} may also hold events from before its window, read for this
     * resource alone (a scope {@code from} did not collect, a creation Search listed late): they are this step's.
     */
    private static List<Actor> actors(SnapshotInfo from, SnapshotInfo to, List<PairedAuditEvent> events) {
        if (from == null) {
            return List.of();
        }
        AuditWindow night = AuditWindow.between(from.collectedSince(), to.takenAt());
        Map<String, StoredAuditEvent> once = new LinkedHashMap<>();
        for (PairedAuditEvent paired : events) {
            Instant time = paired.event().eventTime();
            boolean readBefore = paired.fromSnapshot() == from.id() && time.isBefore(night.start());
            if (paired.fromSnapshot() < to.id() && to.id() <= paired.toSnapshot()
                    && (readBefore || !time.isBefore(night.start()) && time.isBefore(night.end()))) {
                once.putIfAbsent(paired.event().eventId(), paired.event());
            }
        }
        return once.values().stream().map(e -> AuditEventJson.read(e.json()).actor()).toList();
    }

    private Coverage coverage(SnapshotInfo from, SnapshotInfo to) {
        return new Coverage(coverage(from.id()), coverage(to.id()), paths(from.id()).keySet(), paths(to.id()).keySet(),
                from.collectedSince());
    }

    private List<ScopeCoverage> coverage(long id) {
        return coverageRead.computeIfAbsent(id, coverage::apply);
    }

    private Map<String, String> paths(long id) {
        return pathsRead.computeIfAbsent(id, compartmentPaths::apply);
    }

    /**
     * The snapshot a report of a step at {@code id} compares with: the latest before it that collected
     * {@code scope}, as the nightly report compares with the last COMPLETE one. A night that left the scope
     * uncollected (a region down) only carried the resource forward unseen: judged against that night, a
     * deletion or a move made during the outage would read as unknown, its actors out of the window. Else
     * (the scope never collected before) the latest a diff can start from; null when none.
     */
    private SnapshotInfo collectedBefore(long id, Scope scope) {
        // Nor does it compare with a narrowed one: part of a night, never a night's base.
        SnapshotInfo collected = latestBefore(id, s -> s.narrowing().isNone() && missed(s, scope).isEmpty());
        return collected != null ? collected : latestBefore(id, s -> true);
    }

    /** The latest snapshot before {@code id} a diff can start from (FAILED ones never are) that {@code also} takes. */
    private SnapshotInfo latestBefore(long id, Predicate<SnapshotInfo> also) {
        SnapshotInfo found = null;
        for (SnapshotInfo s : snapshots) {
            if (s.id() < id && s.status() != SnapshotStatus.FAILED && also.test(s)) {
                found = s;
            }
        }
        return found;
    }

    private SnapshotInfo snapshot(long id) {
        SnapshotInfo s = byId.get(id);
        if (s == null) {
            throw new IllegalStateException("a version refers to snapshot " + id + ", which is not committed");
        }
        return s;
    }
}
