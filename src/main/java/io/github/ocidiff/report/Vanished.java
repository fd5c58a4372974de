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
 * @param caveat       for {@link Fate#UNKNOWN}: which scope was not collected, and by which end; else null
 * @param actors       Audit write events on the resource in the night before {@code at}, oldest first
 */
public record Vanished(Fate fate, SnapshotRef at, SnapshotRef comparedWith, String caveat, List<Actor> actors) {

    /** What an absence means. */
    public enum Fate {
        /** Gone from a scope both snapshots fully collected, while live: a deletion. */
        DELETED,
        /** Gone after its deletion was already seen: Resource Search stopped listing the terminated resource. */
        DROPPED,
        /** A snapshot did not collect its scope: maybe deleted, maybe not. */
        UNKNOWN
    }

    public Vanished {
        Objects.requireNonNull(fate, "fate");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(comparedWith, "comparedWith");
        actors = List.copyOf(actors);
    }
}
