package io.github.ocidiff.report;

import io.github.ocidiff.audit.Actor;
import java.util.List;
import java.util.Objects;

/**
 * How a version ended when no other version of the resource took over in the same snapshot: the
 * resource was no longer listed, and the diff around that snapshot says what that means.
 *
 * @param at           the first snapshot without the resource
 * @param comparedWith the snapshot before it, the diff's 'from'
 * @param caveat       which scope was not collected, and by which end: for {@link Fate#UNKNOWN}, and for
 *                     {@link Fate#DELETED} when only the snapshot it is gone at collected it; else null
 * @param actors       Audit write events on the resource in the night before {@code at}, oldest first
 */
public record Vanished(Fate fate, SnapshotRef at, SnapshotRef comparedWith, String caveat, List<Actor> actors) {

    /** What an absence means. */
    public enum Fate {
        /** Gone, while live, from a scope the snapshot it is gone at fully collected: a deletion. */
        DELETED,
        /** Gone after its deletion was already seen: Resource Search stopped listing the terminated resource. */
        DROPPED,
        /** The snapshot it is gone at did not collect its scope: maybe deleted, maybe not. */
        UNKNOWN,
        /** It, or its compartment, had moved where the plan does not look (the report of that night said so). */
        LEFT_THE_PLAN
    }

    public Vanished {
        Objects.requireNonNull(fate, "fate");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(comparedWith, "comparedWith");
        actors = List.copyOf(actors);
    }
}
