package io.github.ocidiff.report;

import io.github.ocidiff.audit.AttributedChange;
import io.github.ocidiff.audit.AttributedTransient;
import io.github.ocidiff.audit.Attribution;
import io.github.ocidiff.diff.Change;
import io.github.ocidiff.diff.ChangeKind;
import io.github.ocidiff.diff.CoverageGap;
import io.github.ocidiff.diff.RuleResults;
import io.github.ocidiff.diff.TransientResource;
import io.github.ocidiff.diff.WaiverVerdict;
import io.github.ocidiff.store.Baseline;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a report shows, in the order every format shows it: changes sorted by kind, resource
 * type, compartment path, display name and OCID (shared/contracts/report.schema.json).
 *
 * @param rules            what the ignore and suppress rules left out, and the waiver of each waived change
 * @param baseline         for a drift report: the approved state {@code from} is, whose scope the changes
 *                         were narrowed to
 * @param compartmentPaths compartment OCID → names from the root ("acme/prod/app"); compartments the
 *                         store does not know are absent, and the formats then show the OCID
 * @param trend            changes per night over the last snapshots up to {@code to}, oldest first
 * @param warnings         what the reader must know to trust the numbers (a PARTIAL end, attribution
 *                         skipped, an inventory instead of a diff), in plain sentences
 * @param formerPaths      compartment OCID → its path at {@code from}, for those renamed or moved since: where a
 *                         moved resource was is told by the name it had then
 */
public record Report(String tenancyId, String tenancyName, SnapshotRef from, SnapshotRef to, Instant generatedAt,
                     List<AttributedChange> changes, List<AttributedTransient> transients, List<CoverageGap> gaps,
                     boolean complete, RuleResults rules, Optional<Baseline> baseline,
                     Map<String, String> compartmentPaths, List<TrendPoint> trend, List<String> warnings,
                     Map<String, String> formerPaths) {

    /** A report whose compartments kept their paths between its ends (or that does not know them apart). */
    public Report(String tenancyId, String tenancyName, SnapshotRef from, SnapshotRef to, Instant generatedAt,
                  List<AttributedChange> changes, List<AttributedTransient> transients, List<CoverageGap> gaps,
                  boolean complete, RuleResults rules, Optional<Baseline> baseline,
                  Map<String, String> compartmentPaths, List<TrendPoint> trend, List<String> warnings) {
        this(tenancyId, tenancyName, from, to, generatedAt, changes, transients, gaps, complete, rules, baseline,
                compartmentPaths, trend, warnings, Map.of());
    }

    public Report {
        compartmentPaths = Map.copyOf(compartmentPaths);
        formerPaths = Map.copyOf(formerPaths);
        Map<String, String> paths = compartmentPaths;
        Comparator<String> byPath = Comparator.nullsFirst(Comparator.comparing(id -> paths.getOrDefault(id, id)));
        Comparator<Change> order = Comparator.comparing(Change::kind)
                .thenComparing(Change::resourceType, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Change::compartmentId, byPath)
                .thenComparing(Change::displayName, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Change::ocid);
        changes = changes.stream().sorted(Comparator.comparing(AttributedChange::change, order)).toList();
        Comparator<TransientResource> transientOrder = Comparator
                .comparing(TransientResource::resourceType, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(TransientResource::compartmentId, byPath)
                .thenComparing(TransientResource::displayName, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(TransientResource::ocid);
        transients = transients.stream()
                .sorted(Comparator.comparing(AttributedTransient::resource, transientOrder)).toList();
        gaps = List.copyOf(gaps);
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(baseline, "baseline");
        trend = List.copyOf(trend);
        warnings = List.copyOf(warnings);
    }

    public long count(ChangeKind kind) {
        return changes.stream().filter(c -> c.change().kind() == kind).count();
    }

    public long unattributed() {
        return changes.stream().filter(c -> c.attribution() == Attribution.NONE).count();
    }

    /** The waiver covering this change, or null. */
    public WaiverVerdict waiverOf(Change change) {
        return rules.verdict(change.ocid());
    }

    /** Changes a waiver in force covers. */
    public long waived() {
        return changes.stream().filter(c -> isWaived(c.change())).count();
    }

    /** Changes no waiver in force covers: for a drift report, the drift. */
    public long unwaived() {
        return changes.size() - waived();
    }

    /** Whether a waiver in force covers the change (an expired one does not). */
    public boolean isWaived(Change change) {
        WaiverVerdict verdict = waiverOf(change);
        return verdict != null && !verdict.expired();
    }

    /** The compartment's path from the root when known, else null. */
    public String compartmentPath(String compartmentId) {
        return compartmentId == null ? null : compartmentPaths.get(compartmentId);
    }
}
