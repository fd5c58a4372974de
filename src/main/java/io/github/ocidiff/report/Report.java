package io.github.ocidiff.report;

import io.github.ocidiff.audit.AttributedChange;
import io.github.ocidiff.audit.Attribution;
import io.github.ocidiff.diff.Change;
import io.github.ocidiff.diff.ChangeKind;
import io.github.ocidiff.diff.CoverageGap;
import io.github.ocidiff.diff.IgnoreCount;
import io.github.ocidiff.diff.TransientResource;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Everything a report shows, in the order every format shows it: changes sorted by kind, resource
 * type, compartment, display name and OCID (shared/contracts/report.schema.json).
 */
public record Report(String tenancyId, String tenancyName, SnapshotRef from, SnapshotRef to, Instant generatedAt,
                     List<AttributedChange> changes, List<TransientResource> transients, List<CoverageGap> gaps,
                     boolean complete, List<IgnoreCount> ignored) {

    /** Until changes carry compartment paths, the diff's own order: kind, type, compartment, name, OCID. */
    static final Comparator<AttributedChange> ORDER = Comparator.comparing(AttributedChange::change, Change.ORDER);

    public Report {
        changes = changes.stream().sorted(ORDER).toList();
        transients = List.copyOf(transients);
        gaps = List.copyOf(gaps);
        ignored = List.copyOf(ignored);
    }

    public long count(ChangeKind kind) {
        return changes.stream().filter(c -> c.change().kind() == kind).count();
    }

    public long unattributed() {
        return changes.stream().filter(c -> c.attribution() == Attribution.NONE).count();
    }
}
