package io.github.ocidiff.store;

import static io.github.ocidiff.store.jooq.Tables.RESOURCE_INTERVAL;
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
import io.github.ocidiff.store.jooq.tables.records.SnapshotStagingRecord;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
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
    private final String insertInterval;
    /** The id of the latest row staged: rows are numbered in arrival order, by the store thread that writes them. */
    private long lastId;

    Staging(DSLContext dsl, long snapshotId) {
        this.dsl = dsl;
        this.snapshotId = snapshotId;
        this.insertInterval = NewIntervals.insertStatement(dsl);
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
     * The resources staged only by scopes that failed: seen, but by no scope collected fully (moved into one whose
     * paging then failed, or changed there). {@link #narrow} drops their rows; the commit carries them forward as
     * they were instead of ending them. Needs {@link #index}.
     */
    List<String> seenOnlyByFailedScopes(DSLContext tx) {
        SnapshotStaging other = W.as("other");
        return tx.selectDistinct(W.OCID).from(W)
                .where(failedScope(W))
                .andNotExists(selectOne().from(other).where(other.OCID.eq(W.OCID)).andNot(failedScope(other)))
                .fetch(W.OCID);
    }

    private Condition failedScope(SnapshotStaging w) {
        return SnapshotRows.failedScope(snapshotId, w.SCOPE_REGION, w.SCOPE_COMPARTMENT);
    }

    /**
     * Leaves one row per resource, from scopes that were collected fully: rows of failed scopes go (their
     * resources are carried forward instead), and of a resource reported more than once the row from
     * its own compartment's scope is kept, then the first by region, compartment and arrival, so the
     * choice does not flip from night to night. Needs {@link #index}.
     */
    void narrow(DSLContext tx, boolean someScopeFailed) {
        if (someScopeFailed) {
            tx.deleteFrom(W).where(failedScope(W)).execute();
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
     * Opens the intervals of staged resources that have no open interval (new, or changed: their old interval
     * ended by now), after {@link #narrow} and {@link IntervalUpdates#endReplaced}: a resource staged again
     * unchanged keeps its interval. New contents are stored in blocks, each interval written once, naming its
     * block. In transactions of {@link #CHUNK} staged rows, not the commit's one for all: a million resources
     * half changed took that commit 43 s, in steps 21.5 s. A crash between them leaves what
     * {@link IntervalUpdates#undo} removes.
     *
     * @return how many intervals were opened
     */
    long open(DSLContext dsl, long s, VersionBlocks blocks) {
        long opened = 0;
        for (long from = 1; from <= lastId; from += CHUNK) {
            long first = from;
            opened += dsl.transactionResult(configuration -> openChunk(configuration.dsl(), s, blocks, insertInterval,
                    first, first + CHUNK - 1));
        }
        return opened;
    }

    private static int openChunk(DSLContext tx, long s, VersionBlocks blocks, String insertInterval, long fromId,
                                 long toId) {
        ResourceInterval i = RESOURCE_INTERVAL;
        List<SnapshotStagingRecord> rows = tx.selectFrom(W)
                .where(W.ID.between(fromId, toId))
                .andNotExists(selectOne().from(i).where(ShortKeys.hasOcid(i, W.OCID), i.VALID_TO.isNull()))
                .orderBy(W.ID)
                .fetch();
        // Contents new to the store (those staged with a body) go to blocks of their own, in staging order.
        List<SnapshotStagingRecord> fresh = rows.stream().filter(r -> r.getBody() != null).toList();
        int count = (fresh.size() + VersionBlocks.SIZE - 1) / VersionBlocks.SIZE;
        long[] ids = new long[count];
        List<List<String>> texts = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            ids[b] = blocks.take();
            texts.add(fresh.subList(b * VersionBlocks.SIZE, Math.min(fresh.size(), (b + 1) * VersionBlocks.SIZE))
                    .stream().map(r -> JsonBodies.decompress(r.getBody())).toList());
        }
        tx.connection(c -> {
            blocks.insert(c, ids, texts);
            try (PreparedStatement statement = c.prepareStatement(insertInterval)) {
                int k = 0;
                for (SnapshotStagingRecord r : rows) {
                    boolean stored = r.getBody() == null;
                    statement.setString(1, r.getOcid());
                    statement.setLong(2, s);
                    statement.setString(3, r.getScopeRegion());
                    statement.setBytes(4, r.getSha256());
                    statement.setString(5, r.getResourceType());
                    statement.setString(6, r.getCompartmentId());
                    statement.setString(7, r.getLifecycleState());
                    statement.setString(8, r.getDisplayName());
                    if (stored) {
                        // Null for a version stored before blocks (see migration V7).
                        statement.setObject(9, r.getBlockId(), Types.BIGINT);
                        statement.setObject(10, r.getBlockLine(), Types.INTEGER);
                    } else {
                        statement.setLong(9, ids[k / VersionBlocks.SIZE]);
                        statement.setInt(10, k++ % VersionBlocks.SIZE);
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
        return rows.size();
    }
}
