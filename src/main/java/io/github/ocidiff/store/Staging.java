package io.github.ocidiff.store;

import static io.github.ocidiff.store.jooq.Tables.RESOURCE_INTERVAL;
import static io.github.ocidiff.store.jooq.Tables.SCOPE_COVERAGE;
import static io.github.ocidiff.store.jooq.Tables.SNAPSHOT_STAGING;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;

import io.github.ocidiff.crawl.CanonicalResource;
import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.store.jooq.Indexes;
import io.github.ocidiff.store.jooq.tables.ResourceInterval;
import io.github.ocidiff.store.jooq.tables.SnapshotStaging;
import java.util.ArrayList;
import java.util.List;
import org.jooq.BatchBindStep;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Index;
import org.jooq.Record2;

/**
 * The rows of the snapshot being written (snapshot_staging): the resources that changed, were seen
 * more than once, or are new but reported by another compartment's scope (see LatestState). Each write is its own small autocommitted batch, so a
 * million resources never sit in one transaction and a crash leaves nothing but staging rows. The crawl
 * only appends: no index is kept while it runs, and content is stored only by the commit.
 */
final class Staging {

    /** Rows per statement batch: one Resource Search page. */
    private static final int CHUNK = 1000;
    private static final SnapshotStaging W = SNAPSHOT_STAGING;
    private static final Index BY_OCID = Indexes.SNAPSHOT_STAGING_OCID;

    private final DSLContext dsl;
    private final long snapshotId;
    /** The id of the latest row staged: rows are numbered in arrival order, by the store thread that writes them. */
    private long lastId;

    Staging(DSLContext dsl, long snapshotId) {
        this.dsl = dsl;
        this.snapshotId = snapshotId;
    }

    /** Empties staging for a new snapshot and drops its OCID index, which random keys make costly to keep. */
    static void prepare(DSLContext dsl) {
        dsl.truncate(W).execute();
        dsl.dropIndexIfExists(BY_OCID).execute();
    }

    /** Empties staging and restores the index: at rest the schema is the migrations' one. */
    static void clear(DSLContext dsl) {
        dsl.truncate(W).execute();
        index(dsl);
    }

    /** Builds the OCID index in one pass; DDL, so before the commit's transaction. */
    static void index(DSLContext dsl) {
        dsl.createIndexIfNotExists(BY_OCID).on(W, W.OCID).execute();
    }

    /** Stages resources, their content compressed: it is almost never stored yet. */
    void write(Scope scope, List<CanonicalResource> resources) {
        for (int from = 0; from < resources.size(); from += CHUNK) {
            writeChunk(scope, resources.subList(from, Math.min(resources.size(), from + CHUNK)));
        }
    }

    private void writeChunk(Scope scope, List<CanonicalResource> resources) {
        BatchBindStep batch = dsl.batch(dsl.insertInto(W, W.ID, W.OCID, W.PREFERENCE, W.SCOPE_REGION,
                        W.SCOPE_COMPARTMENT, W.SHA256, W.BODY, W.RESOURCE_TYPE, W.COMPARTMENT_ID, W.LIFECYCLE_STATE,
                        W.DISPLAY_NAME)
                .values((Long) null, null, null, null, null, null, null, null, null, null, null));
        for (CanonicalResource r : resources) {
            batch.bind(++lastId, r.ocid(), preference(scope, r.compartmentId()), scope.region(), scope.compartmentId(),
                    Sha256.bytes(r.sha256()), JsonBodies.compress(r.json()), r.resourceType(), r.compartmentId(),
                    r.lifecycleState(), r.displayName());
        }
        batch.execute();
    }

    /**
     * Stages an earlier, unchanged sighting of the resource of an open interval (row {@code rowId}) by
     * {@code scope}: when the resource turns up again, the commit chooses between the sightings as it
     * does between any two. Its content is that of the interval, stored already.
     */
    void writeSighting(long rowId, Scope scope) {
        ResourceInterval i = RESOURCE_INTERVAL;
        dsl.insertInto(W, W.ID, W.OCID, W.PREFERENCE, W.SCOPE_REGION, W.SCOPE_COMPARTMENT, W.SHA256,
                        W.RESOURCE_TYPE, W.COMPARTMENT_ID, W.LIFECYCLE_STATE, W.DISPLAY_NAME, W.BLOCK_ID, W.BLOCK_LINE)
                .select(select(inline(++lastId), i.OCID, when(i.COMPARTMENT_ID.eq(scope.compartmentId()), inline((byte) 0))
                                .else_(inline((byte) 1)),
                        val(scope.region()), val(scope.compartmentId()), i.SHA256, i.RESOURCE_TYPE, i.COMPARTMENT_ID,
                        i.LIFECYCLE_STATE, i.DISPLAY_NAME, i.BLOCK_ID, i.BLOCK_LINE)
                        .from(i).where(IntervalQueries.hasRowId(i, val(rowId))))
                .execute();
    }

    /** 0 when reported by the scope of the resource's own compartment, which wins over other scopes. */
    private static byte preference(Scope scope, String compartmentId) {
        return (byte) (scope.compartmentId().equals(compartmentId) ? 0 : 1);
    }

    /**
     * Leaves one row per resource, from scopes that were collected fully: rows of failed scopes go (their
     * resources are carried forward instead), and of a resource reported more than once the row from
     * its own compartment's scope is kept, then the first by region, compartment and arrival, so the
     * choice does not flip from night to night. Needs {@link #index}.
     */
    void narrow(DSLContext tx, boolean someScopeFailed) {
        if (someScopeFailed) {
            tx.deleteFrom(W)
                    .whereExists(selectOne().from(SCOPE_COVERAGE).where(
                            SCOPE_COVERAGE.SNAPSHOT_ID.eq(snapshotId),
                            SCOPE_COVERAGE.OK.isFalse(),
                            SCOPE_COVERAGE.REGION.eq(W.SCOPE_REGION),
                            SCOPE_COVERAGE.COMPARTMENT_ID.eq(W.SCOPE_COMPARTMENT)))
                    .execute();
        }
        SnapshotStaging s = W.as("s");
        SnapshotStaging better = W.as("better");
        tx.deleteFrom(s)
                // Duplicates are rare: found in one pass over the OCID index instead of probing every row.
                .where(s.OCID.in(select(W.OCID).from(W).groupBy(W.OCID).having(count().gt(1))))
                .andExists(selectOne().from(better).where(
                        better.OCID.eq(s.OCID),
                        row(better.PREFERENCE, better.SCOPE_REGION, better.SCOPE_COMPARTMENT, better.ID)
                                .lt(row(s.PREFERENCE, s.SCOPE_REGION, s.SCOPE_COMPARTMENT, s.ID))))
                .execute();
    }

    /**
     * Stores in blocks the contents of the intervals snapshot {@code s} opened from staged rows, and points
     * those intervals at them: after {@link IntervalUpdates#apply}, which alone decides whether a staged row
     * opens an interval (one staged twice, unchanged, opens none). After {@link #narrow} each content is on
     * one row: the canonical JSON names its resource, so no two resources share one.
     */
    void storeNewVersions(DSLContext tx, long s, VersionBlocks blocks) {
        ResourceInterval i = RESOURCE_INTERVAL;
        List<Record2<String, byte[]>> rows = new ArrayList<>(VersionBlocks.SIZE);
        try (Cursor<Record2<String, byte[]>> opened = tx.select(W.OCID, W.BODY).from(W)
                // Without a block yet: one NewIntervals opened (its own scope reported it too) has its block.
                .join(i).on(ShortKeys.hasOcid(i, W.OCID), i.VALID_FROM.eq(inline(s)), i.SHA256.eq(W.SHA256),
                        i.BLOCK_ID.isNull())
                .where(W.BODY.isNotNull())
                .orderBy(W.ID).fetchSize(CHUNK).fetchLazy()) {
            for (Record2<String, byte[]> row : opened) {
                rows.add(row);
                if (rows.size() == VersionBlocks.SIZE) {
                    storeBlock(tx, s, blocks, rows);
                    rows.clear();
                }
            }
        }
        if (!rows.isEmpty()) {
            storeBlock(tx, s, blocks, rows);
        }
    }

    private static void storeBlock(DSLContext tx, long s, VersionBlocks blocks, List<Record2<String, byte[]>> rows) {
        long id = blocks.take();
        List<String> texts = rows.stream().map(row -> JsonBodies.decompress(row.value2())).toList();
        tx.connection(c -> blocks.insert(c, new long[] {id}, List.of(texts)));
        ResourceInterval i = RESOURCE_INTERVAL;
        BatchBindStep point = tx.batch(tx.update(i).set(i.BLOCK_ID, inline(id)).set(i.BLOCK_LINE, (Integer) null)
                .where(ShortKeys.hasOcid(i, val((String) null))).and(i.VALID_FROM.eq(inline(s))));
        for (int line = 0; line < rows.size(); line++) {
            String ocid = rows.get(line).value1();
            point.bind(line, ocid, ocid);
        }
        point.execute();
    }
}
