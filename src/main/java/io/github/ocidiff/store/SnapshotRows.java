package io.github.ocidiff.store;

import static io.github.ocidiff.store.jooq.Tables.RESOURCE_VERSION;
import static io.github.ocidiff.store.jooq.Tables.SCOPE_COVERAGE;
import static io.github.ocidiff.store.jooq.Tables.SNAPSHOT;
import static io.github.ocidiff.store.jooq.Tables.VERSION_BLOCK;

import io.github.ocidiff.crawl.Narrowing;
import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.crawl.ScopeCoverage;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.store.jooq.tables.records.ScopeCoverageRecord;
import io.github.ocidiff.store.jooq.tables.records.SnapshotRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** The snapshot and scope_coverage tables: a snapshot's life from RUNNING to committed or discarded. */
final class SnapshotRows {

    private static final String RUNNING = SnapshotStatus.RUNNING.name();

    private SnapshotRows() {
    }

    static long insertRunning(DSLContext dsl, Instant takenAt, String tenancyId, String source, Narrowing narrowing) {
        return insertRunning(dsl, takenAt, tenancyId, source, narrowing, null);
    }

    /** @param fills the snapshot whose gaps this one fills (narrowing then names what it takes again), or null */
    static long insertRunning(DSLContext dsl, Instant takenAt, String tenancyId, String source, Narrowing narrowing,
                              SnapshotInfo fills) {
        return dsl.insertInto(SNAPSHOT)
                .set(SNAPSHOT.TAKEN_AT, utc(takenAt))
                .set(SNAPSHOT.UTC_DAY, utc(takenAt).toLocalDate())
                .set(SNAPSHOT.TENANCY_ID, tenancyId)
                .set(SNAPSHOT.SOURCE, source)
                .set(SNAPSHOT.STATUS, RUNNING)
                .set(SNAPSHOT.STARTED_AT, utc(Instant.now()))
                .set(SNAPSHOT.NARROWED_REGIONS, array(narrowing.regions()))
                .set(SNAPSHOT.NARROWED_COMPARTMENTS, array(narrowing.compartments()))
                .set(SNAPSHOT.FILLS, fills == null ? null : fills.id())
                .set(SNAPSHOT.FILLS_SINCE, fills == null ? null : utc(fills.collectedSince()))
                .returning(SNAPSHOT.ID)
                .fetchSingle(SNAPSHOT.ID);
    }

    static void markCommitted(DSLContext tx, long id, SnapshotStatus status, Instant finishedAt, long resourceCount,
                              long changes, int failedScopes) {
        tx.update(SNAPSHOT)
                .set(SNAPSHOT.STATUS, status.name())
                .set(SNAPSHOT.FINISHED_AT, utc(finishedAt))
                .set(SNAPSHOT.RESOURCE_COUNT, resourceCount)
                .set(SNAPSHOT.CHANGES, changes)
                .set(SNAPSHOT.FAILED_SCOPES, failedScopes)
                .where(SNAPSHOT.ID.eq(id))
                .execute();
    }

    static List<Long> running(DSLContext dsl) {
        return dsl.select(SNAPSHOT.ID).from(SNAPSHOT).where(SNAPSHOT.STATUS.eq(RUNNING)).fetch(SNAPSHOT.ID);
    }

    /**
     * Removes a snapshot that never committed, or the latest one after its intervals were undone: then
     * the versions and blocks it stored first are used by no interval any more (see their first_snapshot).
     */
    static void delete(DSLContext tx, long id) {
        tx.deleteFrom(RESOURCE_VERSION).where(RESOURCE_VERSION.FIRST_SNAPSHOT.eq(id)).execute();
        tx.deleteFrom(VERSION_BLOCK).where(VERSION_BLOCK.FIRST_SNAPSHOT.eq(id)).execute();
        tx.deleteFrom(SCOPE_COVERAGE).where(SCOPE_COVERAGE.SNAPSHOT_ID.eq(id)).execute();
        tx.deleteFrom(SNAPSHOT).where(SNAPSHOT.ID.eq(id)).execute();
    }

    /** Makes a committed snapshot RUNNING again: invisible, and discarded by the next open if not before. */
    static void uncommit(DSLContext tx, long id) {
        tx.update(SNAPSHOT).set(SNAPSHOT.STATUS, RUNNING).where(SNAPSHOT.ID.eq(id)).execute();
    }

    /** The id of the oldest committed snapshot, 0 when none is. */
    static long firstCommittedId(DSLContext dsl) {
        Long first = dsl.select(DSL.min(SNAPSHOT.ID)).from(SNAPSHOT).where(SNAPSHOT.STATUS.ne(RUNNING))
                .fetchOne(0, Long.class);
        return first == null ? 0 : first;
    }

    static List<SnapshotInfo> committed(DSLContext dsl) {
        return dsl.selectFrom(SNAPSHOT).where(SNAPSHOT.STATUS.ne(RUNNING)).orderBy(SNAPSHOT.ID)
                .fetch(SnapshotRows::info);
    }

    static Optional<SnapshotInfo> committed(DSLContext dsl, long id) {
        return dsl.selectFrom(SNAPSHOT).where(SNAPSHOT.ID.eq(id), SNAPSHOT.STATUS.ne(RUNNING))
                .fetchOptional(SnapshotRows::info);
    }

    static Optional<SnapshotInfo> latestCommitted(DSLContext dsl) {
        return dsl.selectFrom(SNAPSHOT).where(SNAPSHOT.STATUS.ne(RUNNING)).orderBy(SNAPSHOT.ID.desc()).limit(1)
                .fetchOptional(SnapshotRows::info);
    }

    static void insertCoverage(DSLContext tx, long id, List<ScopeCoverage> coverage) {
        var batch = tx.batch(tx.insertInto(SCOPE_COVERAGE, SCOPE_COVERAGE.SNAPSHOT_ID, SCOPE_COVERAGE.REGION,
                        SCOPE_COVERAGE.COMPARTMENT_ID, SCOPE_COVERAGE.OK, SCOPE_COVERAGE.ERROR_MESSAGE, SCOPE_COVERAGE.PAGES,
                        SCOPE_COVERAGE.RESOURCES, SCOPE_COVERAGE.MILLIS)
                .values((Long) null, null, null, null, null, null, null, null));
        for (ScopeCoverage c : coverage) {
            batch.bind(id, c.scope().region(), c.scope().compartmentId(), c.ok(), c.error(), c.pages(), c.resources(),
                    c.millis());
        }
        if (!coverage.isEmpty()) {
            batch.execute();
        }
    }

    /**
     * Whether snapshot {@code s} recorded the scope of these columns as failed (not collected fully, or narrowed
     * out): its resources are carried forward, and what was written for it goes. The snapshot inlined, so that
     * batched statements stay alike.
     */
    static Condition failedScope(long s, Field<String> region, Field<String> compartmentId) {
        return DSL.exists(DSL.selectOne().from(SCOPE_COVERAGE).where(
                SCOPE_COVERAGE.SNAPSHOT_ID.eq(DSL.inline(s)),
                SCOPE_COVERAGE.OK.isFalse(),
                SCOPE_COVERAGE.REGION.eq(region),
                SCOPE_COVERAGE.COMPARTMENT_ID.eq(compartmentId)));
    }

    static List<ScopeCoverage> coverage(DSLContext dsl, long id) {
        return dsl.selectFrom(SCOPE_COVERAGE).where(SCOPE_COVERAGE.SNAPSHOT_ID.eq(id))
                .orderBy(SCOPE_COVERAGE.REGION, SCOPE_COVERAGE.COMPARTMENT_ID)
                .fetch(SnapshotRows::coverage);
    }

    private static ScopeCoverage coverage(ScopeCoverageRecord r) {
        return new ScopeCoverage(new Scope(r.getRegion(), r.getCompartmentId()), r.getOk(), r.getErrorMessage(),
                r.getPages(), r.getResources(), r.getMillis());
    }

    private static SnapshotInfo info(SnapshotRecord r) {
        Narrowing narrowing = new Narrowing(list(r.getNarrowedRegions()), list(r.getNarrowedCompartments()));
        // A fill stands for the whole plan: its narrowing columns name what it took again.
        Optional<SnapshotInfo.Fill> fill = Optional.ofNullable(r.getFills())
                .map(filled -> new SnapshotInfo.Fill(filled, narrowing, r.getFillsSince().toInstant()));
        return new SnapshotInfo(r.getId(), r.getTakenAt().toInstant(), r.getUtcDay(), r.getTenancyId(), r.getSource(),
                SnapshotStatus.valueOf(r.getStatus()), r.getResourceCount(), r.getFailedScopes(), r.getChanges(),
                r.getStartedAt().toInstant(), r.getFinishedAt().toInstant(),
                fill.isPresent() ? Narrowing.NONE : narrowing, fill);
    }

    private static String[] array(List<String> values) {
        return values.isEmpty() ? null : values.toArray(String[]::new);
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : List.of(values);
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
