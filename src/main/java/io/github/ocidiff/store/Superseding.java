package io.github.ocidiff.store;

import static io.github.ocidiff.store.jooq.Tables.RESOURCE_INTERVAL;
import static io.github.ocidiff.store.jooq.Tables.RESOURCE_VERSION;
import static io.github.ocidiff.store.jooq.Tables.VERSION_BLOCK;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Removes a snapshot that the next one replaced (a same-day retake: {@code snapshot --force}, or the run that
 * replaces a PARTIAL or narrowed snapshot), in the transaction that commits the replacement. Until then the
 * replaced snapshot is the latest, and the retake is written on top of it, so a retake stopped midway leaves the
 * day's snapshot as it was; deleting it first, as retakes did, left the day without one.
 */
final class Superseding {

    private Superseding() {
    }

    /**
     * Deletes snapshot {@code replaced}, the one before {@code by}, leaving the state at every other snapshot and
     * every diff between them as they were.
     *
     * @return how many resources {@code by} changed from the snapshot it now follows (all of them when none)
     */
    static long replace(DSLContext tx, long replaced, long by, long resources) {
        if (SnapshotRows.firstCommittedId(tx) == replaced) {
            // Nothing before it: what it alone held goes as pruning drops history, and the intervals that live on
            // keep their start, which readers take as the first snapshot kept. Moving the starts instead would
            // rewrite every resource of a first night.
            Pruning.before(tx, by);
            return resources;
        }
        EvidenceRows.deleteFor(tx, replaced);
        CompartmentRows.deleteFor(tx, replaced);
        List<Long> freed = IntervalUpdates.fold(tx, replaced, by);
        // The blocks it wrote hold versions that now start at the replacement, or that no interval names any more.
        tx.deleteFrom(VERSION_BLOCK).where(VERSION_BLOCK.FIRST_SNAPSHOT.eq(replaced).or(VERSION_BLOCK.ID.in(freed)))
                .andNotExists(DSL.selectOne().from(RESOURCE_INTERVAL)
                        .where(RESOURCE_INTERVAL.BLOCK_ID.eq(VERSION_BLOCK.ID)))
                .execute();
        tx.update(VERSION_BLOCK).set(VERSION_BLOCK.FIRST_SNAPSHOT, by)
                .where(VERSION_BLOCK.FIRST_SNAPSHOT.eq(replaced)).execute();
        // Versions stored before blocks (V7): kept, for pruning to drop once unused.
        tx.update(RESOURCE_VERSION).set(RESOURCE_VERSION.FIRST_SNAPSHOT, by)
                .where(RESOURCE_VERSION.FIRST_SNAPSHOT.eq(replaced)).execute();
        SnapshotRows.delete(tx, replaced);
        return IntervalUpdates.changes(tx, by);
    }
}
