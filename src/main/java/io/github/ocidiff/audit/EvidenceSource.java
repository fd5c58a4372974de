package io.github.ocidiff.audit;

import io.github.ocidiff.store.StoredAuditEvent;
import java.util.function.Consumer;

/** Where the Audit events kept for a snapshot pair are read from, one at a time (the store's). */
@FunctionalInterface
public interface EvidenceSource {

    /** No pair has kept events. */
    EvidenceSource NONE = (fromId, toId, consumer) -> {
    };

    void forEach(long fromId, long toId, Consumer<StoredAuditEvent> consumer);
}
