package io.github.ocidiff.diff;

import io.github.ocidiff.crawl.Scope;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The difference between two snapshots, before attribution.
 *
 * @param changes        in {@link Change#ORDER}
 * @param transients     first seen already terminated, in {@link TransientResource#ORDER}
 * @param gaps           the report's {@code coverage.gaps}, by region then compartment
 * @param complete       the report's {@code coverage.complete}: no gap, i.e. every scope of both
 *                       snapshots fully collected and no resource of unknown fate
 * @param ignored        one entry per ignore rule, in rule order, zero counts included
 * @param changesIgnored resources that differed only in ignored properties, so are not in {@code changes}
 * @param noChange       resources the store saw differ that are no change, by reason
 * @param detailsUncompared resources whose details one end did not fetch, so were not compared, whatever else
 *                       of them changed ({@link NoChangeReason#DETAILS_UNCOMPARED} counts those with nothing else)
 * @param notCreated     the OCIDs of CREATED changes known not to be creations, their caveats saying why (entered
 *                       the plan with their scope, back after an absence): no CreatedBy tag is their actor
 * @param leftThePlan    per scope they went from, the resources that left the plan ({@link NoChangeReason#LEFT_THE_PLAN})
 */
public record Diff(List<Change> changes, List<TransientResource> transients, List<CoverageGap> gaps,
                   boolean complete, List<IgnoreCount> ignored, long changesIgnored,
                   Map<NoChangeReason, Long> noChange, long detailsUncompared, Set<String> notCreated,
                   Map<Scope, Long> leftThePlan) {

    public Diff {
        changes = List.copyOf(changes);
        transients = List.copyOf(transients);
        gaps = List.copyOf(gaps);
        ignored = List.copyOf(ignored);
        noChange = Map.copyOf(noChange);
        notCreated = Set.copyOf(notCreated);
        leftThePlan = Map.copyOf(leftThePlan);
    }

    /** With every CREATED change a creation. */
    public Diff(List<Change> changes, List<TransientResource> transients, List<CoverageGap> gaps, boolean complete,
                List<IgnoreCount> ignored, long changesIgnored, Map<NoChangeReason, Long> noChange,
                long detailsUncompared) {
        this(changes, transients, gaps, complete, ignored, changesIgnored, noChange, detailsUncompared, Set.of(), Map.of());
    }

    /** How many changes are of {@code kind}. */
    public long count(ChangeKind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }
}
