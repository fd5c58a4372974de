package io.github.ocidiff.job;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.audit.AttributedChange;
import io.github.ocidiff.audit.AttributedTransient;
import io.github.ocidiff.audit.TagAttribution;
import io.github.ocidiff.config.RulesConfig;
import io.github.ocidiff.diff.Diff;
import io.github.ocidiff.diff.DiffEngine;
import io.github.ocidiff.diff.IgnoreRules;
import io.github.ocidiff.diff.SnapshotSelector;
import io.github.ocidiff.report.Report;
import io.github.ocidiff.report.SnapshotRef;
import io.github.ocidiff.store.SnapshotInfo;
import io.github.ocidiff.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report of what changed between two snapshots: resolves the ends, runs the diff over only the
 * intervals that start or end between them, and attributes each change (today from CreatedBy tags;
 * Audit attribution comes with the audit layer).
 */
public final class DiffJob {

    /** The report and the warnings to show the user (e.g. a PARTIAL end). */
    public record Result(Report report, List<String> warnings) {
    }

    private final Store store;
    private final RulesConfig rules;

    public DiffJob(Store store, RulesConfig rules) {
        this.store = store;
        this.rules = rules;
    }

    public Result run(String fromValue, String toValue, Instant now) {
        SnapshotSelector selector = new SnapshotSelector(store.snapshots());
        SnapshotSelector.Selection from = selector.select("--from", fromValue, now);
        SnapshotSelector.Selection to = selector.select("--to", toValue, now);
        if (from.snapshot().id() >= to.snapshot().id()) {
            throw OcidiffException.usage("--from " + fromValue + " (snapshot " + from.snapshot().id()
                    + ") must be older than --to " + toValue + " (snapshot " + to.snapshot().id() + ")");
        }
        List<String> warnings = new ArrayList<>();
        for (SnapshotSelector.Selection end : List.of(from, to)) {
            if (end.warning() != null) {
                warnings.add(end.warning());
            }
        }
        DiffEngine engine = new DiffEngine(IgnoreRules.withDefaults(rules), store.coverage(from.snapshot().id()),
                store.coverage(to.snapshot().id()));
        store.forEachChangeBetween(from.snapshot().id(), to.snapshot().id(), engine);
        Diff diff = engine.result();
        TagAttribution tags = new TagAttribution(store::versionJson);
        List<AttributedChange> changes = diff.changes().stream().map(tags::attribute).toList();
        List<AttributedTransient> transients = diff.transients().stream()
                .map(t -> new AttributedTransient(t, List.of())).toList();
        Report report = new Report(to.snapshot().tenancyId(), null, ref(from.snapshot()), ref(to.snapshot()), now,
                changes, transients, diff.gaps(), diff.complete(), diff.ignored(), Map.of(), List.of(), warnings);
        return new Result(report, warnings);
    }

    private static SnapshotRef ref(SnapshotInfo s) {
        return new SnapshotRef(s.id(), s.takenAt(), s.status());
    }
}
