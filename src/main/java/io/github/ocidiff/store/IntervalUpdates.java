package io.github.ocidiff.store;

import static io.github.ocidiff.store.jooq.Tables.RESOURCE_INTERVAL;
import static io.github.ocidiff.store.jooq.Tables.SNAPSHOT_STAGING;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import io.github.ocidiff.store.jooq.tables.ResourceInterval;
import io.github.ocidiff.store.jooq.tables.SnapshotStaging;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.function.IntToLongFunction;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.UpdateConditionStep;

/**
 * Changes to resource_interval: ending intervals while a snapshot is written and as it commits, undoing the
 * latest snapshot, and folding one into the next.
 */
final class IntervalUpdates {

    /** Row ids per statement batch: bounds the bind values jOOQ holds at once. */
    private static final int BATCH = 10_000;

    private IntervalUpdates() {
    }

    /** What applying a snapshot did to the intervals. */
    record Applied(long opened, long closed, long modified) {
        /** How many resources were created, deleted or modified. */
        long changes() {
            return opened + closed - modified;
        }
    }

    /**
     * Ends, for snapshot {@code s}, those of the open intervals that may end ({@code endCandidates}, slots of the
     * open-interval index; the others are unchanged) whose resource was staged with other content, or was not
     * staged and its scope is not a declared one that failed (a failed scope's resources are carried forward,
     * unknown rather than gone). Staging narrowed to one row per resource of a fully collected scope (see
     * Staging#narrow), and the coverage recorded; in autocommitted batches, as {@link #end}.
     *
     * @param rowIds the row id of the interval in a slot
     * @param closed receives the slots of the intervals that end
     */
    static void endReplaced(DSLContext dsl, long s, PrimitiveIterator.OfInt endCandidates, IntToLongFunction rowIds,
                            BitSet closed) {
        ResourceInterval i = RESOURCE_INTERVAL;
        SnapshotStaging w = SNAPSHOT_STAGING;
        // Batched by row id, the only bind value (twice): constants are inlined so that every statement is alike.
        UpdateConditionStep<?> end = dsl.update(i)
                .set(i.VALID_TO, inline(s))
                .where(IntervalQueries.hasRowId(i, val((Long) null)))
                .andNotExists(selectOne().from(w).where(w.OCID.eq(i.OCID), w.SHA256.eq(i.SHA256)))
                .and(exists(selectOne().from(w).where(w.OCID.eq(i.OCID)))
                        .or(SnapshotRows.failedScope(s, i.REGION, i.COMPARTMENT_ID).not()));
        batched(dsl, end, endCandidates, rowIds, closed);
    }

    /**
     * How many resources snapshot {@code s} modified: those that closed an interval and opened one, counted from
     * the closed side, which is the night's churn, not the whole state as the opened side is on a first night.
     */
    static int modified(DSLContext dsl, long s) {
        ResourceInterval ended = RESOURCE_INTERVAL.as("ended");
        ResourceInterval started = RESOURCE_INTERVAL.as("started");
        return dsl.fetchCount(selectOne().from(ended)
                .where(ended.VALID_TO.eq(s))
                .andExists(selectOne().from(started).where(started.OCID_KEY.eq(ended.OCID_KEY),
                        started.OCID.eq(ended.OCID), started.VALID_FROM.eq(s))));
    }

    /**
     * Ends the open intervals of some slots ({@code rowIds} gives their row ids) at snapshot {@code s}, in
     * autocommitted batches; see LatestState#endChangedIn.
     *
     * @param ended receives the slots of the intervals that ended
     */
    static void end(DSLContext dsl, long s, PrimitiveIterator.OfInt slots, IntToLongFunction rowIds, BitSet ended) {
        ResourceInterval i = RESOURCE_INTERVAL;
        UpdateConditionStep<?> end = dsl.update(i)
                .set(i.VALID_TO, inline(s))
                .where(IntervalQueries.hasRowId(i, val((Long) null)))
                .and(i.VALID_TO.isNull());
        batched(dsl, end, slots, rowIds, ended);
    }

    /** Opens again intervals {@link #end} ended at snapshot {@code s}, in one batch. */
    static void reopen(DSLContext dsl, long s, int[] slots, IntToLongFunction rowIds) {
        ResourceInterval i = RESOURCE_INTERVAL;
        UpdateConditionStep<?> reopen = dsl.update(i)
                .set(i.VALID_TO, inline((Long) null))
                .where(IntervalQueries.hasRowId(i, val((Long) null)))
                .and(i.VALID_TO.eq(inline(s)));
        batched(dsl, reopen, Arrays.stream(slots).iterator(), rowIds, new BitSet());
    }

    /** Runs {@code statement} once per slot with its row id bound twice, setting the slots of rows it changed. */
    private static void batched(DSLContext dsl, UpdateConditionStep<?> statement, PrimitiveIterator.OfInt slots,
                                IntToLongFunction rowIds, BitSet changed) {
        int[] batchSlots = new int[BATCH];
        while (slots.hasNext()) {
            BatchBindStep batch = dsl.batch(statement);
            int n = 0;
            while (n < BATCH && slots.hasNext()) {
                batchSlots[n] = slots.nextInt();
                long rowId = rowIds.applyAsLong(batchSlots[n++]);
                batch.bind(rowId, rowId);
            }
            int[] updated = batch.execute();
            for (int k = 0; k < n; k++) {
                if (updated[k] > 0) {
                    changed.set(batchSlots[k]);
                }
            }
        }
    }

    /**
     * Folds snapshot {@code n} into {@code m}, the next one, so that {@code n} can go with every other snapshot's
     * state as it was: what lived only at {@code n} goes, and what started or ended at {@code n} starts or ends at
     * {@code m}, the first snapshot after the one before {@code n} where that shows.
     *
     * @return blocks that may be named by no interval any more (see {@link #joinBack})
     */
    static List<Long> fold(DSLContext tx, long n, long m) {
        ResourceInterval i = RESOURCE_INTERVAL;
        tx.deleteFrom(i).where(i.VALID_FROM.eq(n), i.VALID_TO.eq(m)).execute();
        tx.update(i).set(i.VALID_FROM, m).where(i.VALID_FROM.eq(n)).execute();
        tx.update(i).set(i.VALID_TO, m).where(i.VALID_TO.eq(n)).execute();
        return joinBack(tx, m);
    }

    /**
     * Makes one interval of two that meet at {@code m} with the same content: a resource the folded snapshot saw
     * changed and the next as it was before, which would read as a step that changed nothing. The open one stays,
     * named by its row id in the latest state saved beside the store, and takes the other's start and version
     * (stored in an older block, which deleting snapshot {@code m} keeps).
     *
     * @return the blocks of the versions {@code m} stored for them, which no interval may name any more
     */
    private static List<Long> joinBack(DSLContext tx, long m) {
        ResourceInterval i = RESOURCE_INTERVAL;
        ResourceInterval ended = RESOURCE_INTERVAL.as("ended");
        Condition before = ended.OCID_KEY.eq(i.OCID_KEY).and(ended.OCID.eq(i.OCID)).and(ended.SHA256.eq(i.SHA256))
                .and(ended.VALID_TO.eq(m));
        List<Long> blocks = tx.selectDistinct(i.BLOCK_ID).from(i).join(ended).on(before)
                .where(i.VALID_FROM.eq(m), i.BLOCK_ID.isNotNull()).fetch(i.BLOCK_ID);
        tx.update(i)
                .set(i.VALID_FROM, select(ended.VALID_FROM).from(ended).where(before))
                .set(i.BLOCK_ID, select(ended.BLOCK_ID).from(ended).where(before))
                .set(i.BLOCK_LINE, select(ended.BLOCK_LINE).from(ended).where(before))
                .where(i.VALID_FROM.eq(m)).andExists(selectOne().from(ended).where(before)).execute();
        ResourceInterval joined = RESOURCE_INTERVAL.as("joined");
        tx.deleteFrom(i).where(i.VALID_TO.eq(m)).andExists(selectOne().from(joined).where(
                joined.OCID_KEY.eq(i.OCID_KEY), joined.OCID.eq(i.OCID), joined.SHA256.eq(i.SHA256),
                joined.VALID_FROM.eq(i.VALID_FROM), joined.VALID_TO.isNull())).execute();
        return blocks;
    }

    /**
     * How many resources differ between snapshot {@code s} and the one before it, from the intervals {@code s}
     * opened and ended: a resource counts once whether created, deleted or modified.
     */
    static long changes(DSLContext tx, long s) {
        ResourceInterval i = RESOURCE_INTERVAL;
        return tx.fetchCount(i, i.VALID_FROM.eq(s)) + tx.fetchCount(i, i.VALID_TO.eq(s)) - modified(tx, s);
    }

    /** Undoes the latest snapshot {@code s}: what it opened goes, what it closed is open again. */
    static void undo(DSLContext tx, long s) {
        ResourceInterval i = RESOURCE_INTERVAL;
        tx.deleteFrom(i).where(i.VALID_FROM.eq(s)).execute();
        tx.update(i).setNull(i.VALID_TO).where(i.VALID_TO.eq(s)).execute();
    }
}
