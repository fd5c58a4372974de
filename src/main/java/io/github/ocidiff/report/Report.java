package io.github.ocidiff.report;

import io.github.ocidiff.audit.AttributedChange;
import io.github.ocidiff.audit.AttributedTransient;
import io.github.ocidiff.audit.Attribution;
import io.github.ocidiff.diff.Change;
import io.github.ocidiff.diff.ChangeKind;
import io.github.ocidiff.diff.CoverageGap;
import io.github.ocidiff.diff.IgnoreCount;
import io.github.ocidiff.diff.TransientResource;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Everything a report shows, in the order every format shows it: changes sorted by kind, resource
 * type, compartment path, display name and OCID (shared/contracts/report.schema.json).
 *
 * @param compartmentPaths compartment OCID → names from the root ("acme/prod/app"); compartments the
 *                         store does not know are absent, and the formats then show the OCID
 * @param trend            changes per night over the last snapshots up to {@code to}, oldest first
 * @param warnings         what the reader must know to trust the numbers (a PARTIAL end, attribution
 *                         skipped, an inventory instead of a diff), in plain sentences
 */
public record Report(String tenancyId, String tenancyName, SnapshotRef from, SnapshotRef to, Instant generatedAt,
                     List<AttributedChange> changes, List<AttributedTransient> transients, List<CoverageGap> gaps,
                     boolean complete, List<IgnoreCount> ignored, Map<String, String> compartmentPaths,
                     List<TrendPoint> trend, List<String> warnings) {

    public Report {
        compartmentPaths = Map.copyOf(compartmentPaths);
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
        ignored = List.copyOf(ignored);
        trend = List.copyOf(trend);
        warnings = List.copyOf(warnings);
    }

    public long count(ChangeKind kind) {
        return changes.stream().filter(c -> c.change().kind() == kind).count();
    }

    public long unattributed() {
        return changes.stream().filter(c -> c.attribution() == Attribution.NONE).count();
    }

    /** The compartment's path from the root when known, else null. */
    public String compartmentPath(String compartmentId) {
        return compartmentId == null ? null : compartmentPaths.get(compartmentId);
    }
}
