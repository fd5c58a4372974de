package io.github.ocidiff.store;

import static io.github.ocidiff.store.jooq.Tables.RESOURCE_INTERVAL;
import static io.github.ocidiff.store.jooq.Tables.RESOURCE_VERSION;
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
import java.util.List;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Index;

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
        BatchBindStep batch = dsl.batch(dsl.insertInto(W, W.OCID, W.PREFERENCE, W.SCOPE_REGION, W.SCOPE_COMPARTMENT,
                        W.SHA256, W.BODY, W.RESOURCE_TYPE, W.COMPARTMENT_ID, W.LIFECYCLE_STATE, W.DISPLAY_NAME)
                .values((String) null, null, null, null, null, null, null, null, null, null));
        for (CanonicalResource r : resources) {
            batch.bind(r.ocid(), preference(scope, r.compartmentId()), scope.region(), scope.compartmentId(),
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
        dsl.insertInto(W, W.OCID, W.PREFERENCE, W.SCOPE_REGION, W.SCOPE_COMPARTMENT, W.SHA256, W.RESOURCE_TYPE,
                        W.COMPARTMENT_ID, W.LIFECYCLE_STATE, W.DISPLAY_NAME)
                .select(select(i.OCID, when(i.COMPARTMENT_ID.eq(scope.compartmentId()), inline((byte) 0))
                                .else_(inline((byte) 1)),
                        val(scope.region()), val(scope.compartmentId()), i.SHA256, i.RESOURCE_TYPE, i.COMPARTMENT_ID,
                        i.LIFECYCLE_STATE, i.DISPLAY_NAME)
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

    /** Whether a staged row carries content not stored yet, for {@link #storeNewVersions}. */
    boolean hasNewVersions() {
        return dsl.fetchExists(W, W.BODY.isNotNull());
    }

    /**
     * Stores the contents first seen in this snapshot. After {@link #narrow} each is on one row (the
     * canonical JSON names its resource, so no two resources share one) and opens an interval there: a
     * content not stored before cannot be that of an open interval. Contents stored already (a resource
     * back to an earlier version) are left as they are.
     */
    void storeNewVersions(DSLContext tx) {
        tx.insertInto(RESOURCE_VERSION, RESOURCE_VERSION.SHA256, RESOURCE_VERSION.FIRST_SNAPSHOT, RESOURCE_VERSION.BODY)
                .select(select(W.SHA256, inline(snapshotId), W.BODY).from(W)
                        .where(W.BODY.isNotNull())
                        .andNotExists(selectOne().from(RESOURCE_VERSION).where(ShortKeys.hasSha(RESOURCE_VERSION, W.SHA256))))
                .execute();
    }
}
