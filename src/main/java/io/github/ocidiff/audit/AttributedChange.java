package io.github.ocidiff.audit;

import io.github.ocidiff.diff.Change;
import java.util.List;

/** A change with the actors found for it, in time order. */
public record AttributedChange(Change change, List<Actor> actors, Attribution attribution) {
    public AttributedChange {
        actors = List.copyOf(actors);
    }
}
