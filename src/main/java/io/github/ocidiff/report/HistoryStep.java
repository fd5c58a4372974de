package io.github.ocidiff.report;

import io.github.ocidiff.audit.Actor;
import io.github.ocidiff.config.IgnoreRule;
import io.github.ocidiff.diff.PropertyChange;
import io.github.ocidiff.diff.TextDiff;
import io.github.ocidiff.store.StoredResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One stored version of a resource, the snapshots that had it, and how it came about.
 *
 * @param version         the version as stored (display name, lifecycle state, compartment, content address)
 * @param compartmentPath its compartment's path as the {@code since} snapshot's tree recorded it; null when
 *                        that snapshot recorded no tree (imports) or not this compartment
 * @param since           the first snapshot with this version
 * @param lastSeen        the last snapshot that collected its scope and saw it: {@code since} or later
 * @param until           the first snapshot without it (the next version's first, or where the resource
 *                        vanished); null while it is the current version
 * @param comparedWith    the snapshot {@code kind} was decided against, as a diff's 'from': the last usable
 *                        snapshot before {@code since} or, for {@link StepKind#REAPPEARED}, the last one with
 *                        the version before the absence; null for {@link StepKind#FIRST_SEEN}
 * @param properties      what differs from the version before, ignore rules applied; empty for first
 *                        appearances and deletions, as in a report
 * @param texts           line diffs for multi-line texts and statement lists among {@code properties}
 * @param ignoredBy       one entry per property change an ignore rule removed
 * @param caveat          as a report change's: why the kind may be imprecise (a scope one of the two
 *                        snapshots did not collect); null otherwise
 * @param actors          Audit write events on the resource in the night before {@code since}, oldest first,
 *                        from the evidence kept by diffs of snapshot pairs spanning that night
 * @param notCollected    snapshots after {@code since} (and before {@code until}) that did not collect its
 *                        scope, so carried this version forward unseen
 * @param vanished        how the resource disappeared at {@code until} when no version followed there; else null
 */
public record HistoryStep(StepKind kind, StoredResource version, String compartmentPath, SnapshotRef since,
                          SnapshotRef lastSeen, SnapshotRef until, SnapshotRef comparedWith,
                          List<PropertyChange> properties, List<TextDiff> texts, List<IgnoreRule> ignoredBy,
                          String caveat, List<Actor> actors, List<NotCollected> notCollected, Vanished vanished) {

    public HistoryStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(lastSeen, "lastSeen");
        properties = List.copyOf(properties);
        texts = List.copyOf(texts);
        ignoredBy = List.copyOf(ignoredBy);
        actors = List.copyOf(actors);
        notCollected = List.copyOf(notCollected);
    }

    /** The property changes each ignore rule removed, in the order the rules first matched. */
    public Map<IgnoreRule, Long> ignored() {
        return ignoredBy.stream().collect(Collectors.groupingBy(rule -> rule, LinkedHashMap::new, Collectors.counting()));
    }

    /** True while this is the resource's latest version. */
    public boolean current() {
        return until == null;
    }
}
