package io.github.ocidiff.job;

import io.github.ocidiff.store.AuditEvidence;
import io.github.ocidiff.store.EvidenceWindow;
import io.github.ocidiff.store.Store;
import io.github.ocidiff.store.StoredAuditEvent;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Audit evidence of a report's snapshot pair, as its evidence pack holds it: kept in the store, or read for
 * the report and not kept, where the store is read-only to the user (an auditor reading the service's store).
 */
sealed interface PairEvidence {

    /** What was read and matched, empty where nothing was. */
    Optional<EvidenceWindow> window();

    /** The matched events one at a time, by resource, then time. */
    void forEachEvent(Consumer<StoredAuditEvent> consumer);

    /** The evidence the store keeps for the pair; none if it keeps none. */
    record Kept(Store store, long fromId, long toId) implements PairEvidence {
        @Override
        public Optional<EvidenceWindow> window() {
            return store.auditWindow(fromId, toId);
        }

        @Override
        public void forEachEvent(Consumer<StoredAuditEvent> consumer) {
            store.forEachAuditEvent(fromId, toId, consumer);
        }
    }

    /** Evidence the report was attributed from that the store could not keep. */
    record Unkept(AuditEvidence evidence) implements PairEvidence {
        @Override
        public Optional<EvidenceWindow> window() {
            return Optional.of(new EvidenceWindow(evidence.start(), evidence.end(), evidence.fetchedAt(),
                    evidence.eventsRead(), evidence.writeEvents(), evidence.failures(), evidence.events().size()));
        }

        @Override
        public void forEachEvent(Consumer<StoredAuditEvent> consumer) {
            evidence.events().forEach(consumer);
        }
    }
}
