package io.github.ocidiff.store;

import static io.github.ocidiff.store.jooq.Tables.AUDIT_WINDOW;
import static io.github.ocidiff.store.jooq.Tables.COMPARTMENT_TREE;
import static io.github.ocidiff.store.jooq.Tables.RESOURCE_INTERVAL;
import static io.github.ocidiff.store.jooq.Tables.RESOURCE_VERSION;
import static io.github.ocidiff.store.jooq.Tables.SCOPE_COVERAGE;
import static io.github.ocidiff.store.jooq.Tables.SNAPSHOT;
import static io.github.ocidiff.store.jooq.Tables.SNAPSHOT_COMPARTMENTS;
import static io.github.ocidiff.store.jooq.Tables.VERSION_BLOCK;

import io.github.ocidiff.store.jooq.tables.ResourceInterval;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Forgets the history before a snapshot without changing any state from it on: intervals that ended
 * by then go, and versions no interval uses any more go with the snapshots, their coverage, Audit
 * evidence and compartment trees. Intervals still valid at it keep the start they had, which names a
 * snapshot gone: readers take it as the first one kept ({@link IntervalQueries#versionsOf}). Moving
 * their starts instead rewrote every resource that had not changed since, a million rows each night
 * once retention began to prune (111 s, and 6 GB of disk, for a 650 MB store).
 */
final class Pruning {

    private static final ResourceInterval I = RESOURCE_INTERVAL;

    private Pruning() {
    }

    static void before(DSLContext tx, long firstKept) {
        EvidenceRows.deleteWindows(tx,
                AUDIT_WINDOW.FROM_SNAPSHOT.lt(firstKept).or(AUDIT_WINDOW.TO_SNAPSHOT.lt(firstKept)));
        tx.deleteFrom(SNAPSHOT_COMPARTMENTS).where(SNAPSHOT_COMPARTMENTS.SNAPSHOT_ID.lt(firstKept)).execute();
        tx.deleteFrom(COMPARTMENT_TREE).where(DSL.notExists(DSL.selectOne().from(SNAPSHOT_COMPARTMENTS)
                .where(SNAPSHOT_COMPARTMENTS.TREE_SHA256.eq(COMPARTMENT_TREE.SHA256)))).execute();

        // Bounded below: H2 puts the open intervals' NULLs first in the valid_to index, and "<= firstKept"
        // alone walked all of them (a million) to find a night's ended ones.
        Condition ended = I.VALID_TO.between(0L, firstKept);
        // The versions only the intervals that go use. A version is one resource's (its text holds the
        // OCID), so that resource's intervals that stay are the only others that could use it; looked up
        // by its OCID key, where a pass over every interval took 20 s at a million.
        ResourceInterval kept = I.as("kept");
        Table<Record1<byte[]>> unused = DSL.select(I.SHA256).from(I).where(ended).andNotExists(DSL.selectOne()
                .from(kept)
                .where(kept.OCID_KEY.eq(I.OCID_KEY))
                .and(kept.OCID.eq(I.OCID))
                .and(kept.SHA256.eq(I.SHA256))
                .and(kept.VALID_TO.isNull().or(kept.VALID_TO.gt(firstKept)))).asTable("unused");
        Field<byte[]> sha = unused.field(I.SHA256);
        tx.deleteFrom(RESOURCE_VERSION)
                .where(RESOURCE_VERSION.FIRST_SNAPSHOT.lt(firstKept))
                .and(RESOURCE_VERSION.SHA_KEY.in(DSL.select(ShortKeys.shaKey(sha)).from(unused)))
                .and(RESOURCE_VERSION.SHA256.in(DSL.select(sha).from(unused)))
                .execute();
        // The blocks only the intervals that go name (a block holds versions of many resources).
        ResourceInterval naming = I.as("naming");
        tx.deleteFrom(VERSION_BLOCK)
                .where(VERSION_BLOCK.FIRST_SNAPSHOT.lt(firstKept))
                .and(VERSION_BLOCK.ID.in(DSL.select(I.BLOCK_ID).from(I).where(ended)))
                .andNotExists(DSL.selectOne().from(naming).where(naming.BLOCK_ID.eq(VERSION_BLOCK.ID))
                        .and(naming.VALID_TO.isNull().or(naming.VALID_TO.gt(firstKept))))
                .execute();
        tx.deleteFrom(I).where(ended).execute();

        tx.deleteFrom(SCOPE_COVERAGE).where(SCOPE_COVERAGE.SNAPSHOT_ID.lt(firstKept)).execute();
        tx.deleteFrom(SNAPSHOT).where(SNAPSHOT.ID.lt(firstKept)).execute();
    }
}
