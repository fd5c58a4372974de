package io.github.ocidiff.store;

import static io.github.ocidiff.store.jooq.Tables.AUDIT_EVENT;
import static io.github.ocidiff.store.jooq.Tables.AUDIT_MATCH;
import static io.github.ocidiff.store.jooq.Tables.AUDIT_WINDOW;
import static io.github.ocidiff.store.jooq.Tables.COMPARTMENT_TREE;
import static io.github.ocidiff.store.jooq.Tables.DAILY_REPORT;
import static io.github.ocidiff.store.jooq.Tables.RESOURCE_INTERVAL;
import static io.github.ocidiff.store.jooq.Tables.RESOURCE_VERSION;
import static io.github.ocidiff.store.jooq.Tables.SCOPE_COVERAGE;
import static io.github.ocidiff.store.jooq.Tables.SNAPSHOT;
import static io.github.ocidiff.store.jooq.Tables.SNAPSHOT_COMPARTMENTS;

import java.time.LocalDate;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Forgets the history before a snapshot without changing any state from it on: intervals that ended
 * by then go, intervals still valid at it now start at it, and versions no interval uses any more go
 * with the snapshots, their coverage, Audit evidence and compartment trees.
 */
final class Pruning {

    private Pruning() {
    }

    static void before(DSLContext tx, long firstKept, LocalDate dailyReportsBefore) {
        tx.deleteFrom(AUDIT_WINDOW)
                .where(AUDIT_WINDOW.FROM_SNAPSHOT.lt(firstKept).or(AUDIT_WINDOW.TO_SNAPSHOT.lt(firstKept))).execute();
        tx.deleteFrom(AUDIT_EVENT).where(DSL.notExists(DSL.selectOne().from(AUDIT_MATCH)
                .where(AUDIT_MATCH.EVENT_ID.eq(AUDIT_EVENT.EVENT_ID)))).execute();
        tx.deleteFrom(SNAPSHOT_COMPARTMENTS).where(SNAPSHOT_COMPARTMENTS.SNAPSHOT_ID.lt(firstKept)).execute();
        tx.deleteFrom(COMPARTMENT_TREE).where(DSL.notExists(DSL.selectOne().from(SNAPSHOT_COMPARTMENTS)
                .where(SNAPSHOT_COMPARTMENTS.TREE_SHA256.eq(COMPARTMENT_TREE.SHA256)))).execute();

        tx.deleteFrom(RESOURCE_INTERVAL).where(RESOURCE_INTERVAL.VALID_TO.le(firstKept)).execute();
        // At most one interval of a resource spans firstKept, so the new (ocid, valid_from) keys stay unique.
        tx.update(RESOURCE_INTERVAL).set(RESOURCE_INTERVAL.VALID_FROM, firstKept)
                .where(RESOURCE_INTERVAL.VALID_FROM.lt(firstKept)).execute();
        // One pass over the intervals into a set H2 probes by hash, not a lookup per version.
        tx.deleteFrom(RESOURCE_VERSION)
                .where(RESOURCE_VERSION.SHA256.notIn(DSL.select(RESOURCE_INTERVAL.SHA256).from(RESOURCE_INTERVAL)))
                .execute();

        tx.deleteFrom(SCOPE_COVERAGE).where(SCOPE_COVERAGE.SNAPSHOT_ID.lt(firstKept)).execute();
        tx.deleteFrom(SNAPSHOT).where(SNAPSHOT.ID.lt(firstKept)).execute();
        tx.deleteFrom(DAILY_REPORT).where(DAILY_REPORT.UTC_DAY.lt(dailyReportsBefore)).execute();
    }
}
