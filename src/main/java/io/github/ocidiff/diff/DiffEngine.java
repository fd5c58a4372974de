package io.github.ocidiff.diff;

import io.github.ocidiff.config.IgnoreRule;
import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.crawl.ScopeCoverage;
import io.github.ocidiff.store.IntervalEdge;
import io.github.ocidiff.store.StoredResource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Diffs two snapshots from the store's stream of differing resources, one edge at a time:
 * <pre>
 * DiffEngine engine = new DiffEngine(IgnoreRules.withDefaults(config.rules()), store.coverage(a), store.coverage(b));
 * store.forEachChangeBetween(a, b, engine);
 * Diff diff = engine.result();
 * </pre>
 * It keeps the changes and per-scope counters only, never the unchanged tenancy, so its memory grows
 * with the number of changes. Not thread-safe: feed it from one thread.
 */
public final class DiffEngine implements Consumer<IntervalEdge> {

    /** How a snapshot between the two, where a version ended, covered a scope. */
    @FunctionalInterface
    public interface GoneAt {
        /** Leaves every vanished resource to the later snapshot's coverage. */
        GoneAt TO = (snapshotId, scope) -> null;

        /** @return null to judge by the later snapshot's coverage */
        Coverage.Status status(long snapshotId, Scope scope);
    }

    private final ChangeClassifier classifier;
    private final Coverage coverage;
    private final GoneAt goneAt;
    private final List<Change> changes = new ArrayList<>();
    private final List<TransientResource> transients = new ArrayList<>();
    private final Map<Scope, Long> unknown = new HashMap<>();
    /** Scopes holding a creation with a caveat that 'from' may have missed it, for {@link Coverage#gaps}. */
    private final Set<Scope> undated = new HashSet<>();
    private final Set<String> notCreated = new HashSet<>();
    private final Map<Scope, Long> leftThePlan = new HashMap<>();
    private final Map<IgnoreRule, long[]> ignored = new LinkedHashMap<>(); // rule → {properties, resources}
    private final Map<NoChangeReason, Long> noChange = new EnumMap<>(NoChangeReason.class);
    private long changesIgnored;
    private long detailsUncompared;

    /** With the default set arrays ({@link SetArrays#DEFAULT}). */
    public DiffEngine(IgnoreRules ignore, List<ScopeCoverage> fromCoverage, List<ScopeCoverage> toCoverage) {
        this(SetArrays.DEFAULT, ignore, fromCoverage, toCoverage);
    }

    public DiffEngine(SetArrays setArrays, IgnoreRules ignore, List<ScopeCoverage> fromCoverage,
                      List<ScopeCoverage> toCoverage) {
        this(setArrays, ignore, fromCoverage, toCoverage, GoneAt.TO);
    }

    /** @param goneAt how the snapshots between covered the scopes of what ended there (see {@link IntervalEdge}) */
    public DiffEngine(SetArrays setArrays, IgnoreRules ignore, List<ScopeCoverage> fromCoverage,
                      List<ScopeCoverage> toCoverage, GoneAt goneAt) {
        this(setArrays, ignore, new Coverage(fromCoverage, toCoverage), goneAt);
    }

    /** @param coverage what the two snapshots saw, and the compartments 'from' knew of */
    public DiffEngine(SetArrays setArrays, IgnoreRules ignore, Coverage coverage, GoneAt goneAt) {
        this.goneAt = goneAt;
        this.coverage = coverage;
        this.classifier = new ChangeClassifier(new JsonDiff(setArrays), ignore, coverage);
        ignore.rules().forEach(r -> ignored.putIfAbsent(r, new long[2]));
    }

    /** Diffs a whole stream at once. */
    public static Diff diff(Iterable<IntervalEdge> edges, IgnoreRules ignore, List<ScopeCoverage> fromCoverage,
                            List<ScopeCoverage> toCoverage) {
        DiffEngine engine = new DiffEngine(ignore, fromCoverage, toCoverage);
        edges.forEach(engine);
        return engine.result();
    }

    @Override
    public void accept(IntervalEdge edge) {
        StoredResource before = edge.before();
        if (edge.livedOnlyBetween()) {
            StoredResource last = edge.after();
            record(classifier.livedBetween(last, edge.endedAt(), goneAt.status(edge.endedAt(),
                    new Scope(last.region(), last.compartmentId()))));
            return;
        }
        if (edge.last() != null) {
            StoredResource last = edge.last();
            Scope lastScope = new Scope(last.region(), last.compartmentId());
            record(classifier.wentAfterChanging(before, last, edge.endedAt(), goneAt.status(edge.endedAt(), lastScope)),
                    lastScope);
            return;
        }
        accept(before, edge.after(), edge.after() == null && edge.endedAt() != null
                ? goneAt.status(edge.endedAt(), new Scope(before.region(), before.compartmentId())) : null);
    }

    /** One resource's versions at 'from' and 'to', either null when absent. */
    public void accept(StoredResource before, StoredResource after) {
        accept(before, after, null);
    }

    private void accept(StoredResource before, StoredResource after, Coverage.Status gone) {
        record(classifier.classify(before, after, gone), before == null ? null : new Scope(before.region(),
                before.compartmentId()));
    }

    /** @param wentFrom the scope of the version that went, when the resource went */
    private void record(Outcome outcome, Scope wentFrom) {
        if (outcome instanceof Outcome.Unchanged u && u.reason() == NoChangeReason.LEFT_THE_PLAN && wentFrom != null) {
            leftThePlan.merge(wentFrom, 1L, Long::sum);
        }
        record(outcome);
    }

    private void record(Outcome outcome) {
        if (outcome instanceof Outcome.Changed c) {
            changes.add(c.change());
            count(c.ignoredBy());
            detailsUncompared += c.detailsUncompared() ? 1 : 0;
            if (c.change().kind() == ChangeKind.CREATED && c.change().caveat() != null) {
                undated.add(new Scope(c.change().region(), c.change().compartmentId()));
            }
        } else if (outcome instanceof Outcome.Entered e) {
            changes.add(e.change());
            notCreated.add(e.change().ocid());
        } else if (outcome instanceof Outcome.Ignored i) {
            changesIgnored++;
            count(i.ignoredBy());
            detailsUncompared += i.detailsUncompared() ? 1 : 0;
        } else if (outcome instanceof Outcome.Transient t) {
            transients.add(t.resource());
        } else if (outcome instanceof Outcome.Unknown u) {
            unknown.merge(u.scope(), 1L, Long::sum);
        } else if (outcome instanceof Outcome.Unchanged u) {
            noChange.merge(u.reason(), 1L, Long::sum);
            detailsUncompared += u.reason() == NoChangeReason.DETAILS_UNCOMPARED ? 1 : 0;
        }
    }

    private void count(List<IgnoreRule> ignoredBy) {
        Set<IgnoreRule> rulesHere = new LinkedHashSet<>(ignoredBy);
        ignoredBy.forEach(r -> ignored.get(r)[0]++);
        rulesHere.forEach(r -> ignored.get(r)[1]++);
    }

    /** The diff so far, sorted; the engine may go on accepting edges afterwards. */
    public Diff result() {
        List<Change> sortedChanges = new ArrayList<>(changes);
        sortedChanges.sort(Change.ORDER);
        List<TransientResource> sortedTransients = new ArrayList<>(transients);
        sortedTransients.sort(TransientResource.ORDER);
        List<CoverageGap> gaps = coverage.gaps(unknown, undated);
        List<IgnoreCount> counts = new ArrayList<>(ignored.size());
        ignored.forEach((rule, n) -> counts.add(new IgnoreCount(rule, n[0], n[1])));
        return new Diff(sortedChanges, sortedTransients, gaps, gaps.isEmpty(), counts, changesIgnored, noChange,
                detailsUncompared, notCreated, leftThePlan);
    }
}
