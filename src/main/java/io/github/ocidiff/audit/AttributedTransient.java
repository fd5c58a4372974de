package io.github.ocidiff.audit;

import io.github.ocidiff.diff.TransientResource;
import java.util.List;

/** A resource created and deleted between two snapshots, with the Audit events that show who did it. */
public record AttributedTransient(TransientResource resource, List<Actor> actors) {
    public AttributedTransient {
        actors = List.copyOf(actors);
    }
}
