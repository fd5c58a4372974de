package io.github.ocidiff.store;

import static io.github.ocidiff.store.jooq.Tables.RESOURCE_INTERVAL;
import static io.github.ocidiff.store.jooq.Tables.VERSION_BLOCK;
import static org.jooq.impl.DSL.select;

import io.github.ocidiff.crawl.CanonicalResource;
import io.github.ocidiff.store.jooq.tables.ResourceInterval;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Resources new to the store, written as they arrive straight into version blocks and resource_interval,
 * valid from the running snapshot: nothing to copy at the commit, which on a first night is everything.
 * Invisible until the snapshot commits, since readers only ask committed ones, which are all older;
 * undone with it if it never does (see {@link IntervalUpdates#undo}). The store thread numbers each
 * page's blocks and writes the intervals naming them; the blocks are compressed and written by a thread
 * of their own, in transactions of their own: on a first night the store thread was what the crawl waited
 * for, and the two tables share nothing while they are written.
 */
final class NewIntervals implements AutoCloseable {

    private static final ResourceInterval I = RESOURCE_INTERVAL;

    private final DSLContext dsl;
    private final long snapshotId;
    private final VersionBlocks blocks;
    private final String insertInterval;
    private final WriteBehind versionThread = new WriteBehind("ocidiff-version-writer");

    NewIntervals(DSLContext dsl, long snapshotId, VersionBlocks blocks) {
        this.dsl = dsl;
        this.snapshotId = snapshotId;
        this.blocks = blocks;
        this.insertInterval = insertStatement(dsl);
    }

    /**
     * The insert of an interval, its values bound in order: OCID, valid_from, region, SHA-256, type, compartment,
     * lifecycle state, display name, block, line.
     */
    static String insertStatement(DSLContext dsl) {
        return dsl.render(dsl.insertInto(I, I.OCID, I.VALID_FROM, I.REGION, I.SHA256, I.RESOURCE_TYPE,
                        I.COMPARTMENT_ID, I.LIFECYCLE_STATE, I.DISPLAY_NAME, I.BLOCK_ID, I.BLOCK_LINE)
                .values((String) null, null, null, null, null, null, null, null, null, null));
    }

    /**
     * Opens intervals for resources seen for the first time in this snapshot, each reported by the
     * scope of its own compartment (the scope that wins over any other sighting), and hands their
     * versions to the version thread. The statements are jOOQ's, their values bound with plain JDBC:
     * jOOQ's batch converts each bound value through its type system, which cost a quarter of the store
     * thread's time on a first night.
     */
    void write(List<CanonicalResource> resources) {
        int count = (resources.size() + VersionBlocks.SIZE - 1) / VersionBlocks.SIZE;
        long[] ids = new long[count];
        for (int b = 0; b < count; b++) {
            ids[b] = blocks.take();
        }
        versionThread.submit(() -> {
            List<List<String>> texts = new ArrayList<>(count);
            for (int from = 0; from < resources.size(); from += VersionBlocks.SIZE) {
                texts.add(resources.subList(from, Math.min(resources.size(), from + VersionBlocks.SIZE)).stream()
                        .map(CanonicalResource::json).toList());
            }
            dsl.transaction(configuration -> configuration.dsl().connection(c -> blocks.insert(c, ids, texts)));
        });
        batch(insertInterval, intervals -> {
            for (int k = 0; k < resources.size(); k++) {
                CanonicalResource r = resources.get(k);
                intervals.setString(1, r.ocid());
                intervals.setLong(2, snapshotId);
                intervals.setString(3, r.region());
                intervals.setBytes(4, Sha256.bytes(r.sha256()));
                intervals.setString(5, r.resourceType());
                intervals.setString(6, r.compartmentId());
                intervals.setString(7, r.lifecycleState());
                intervals.setString(8, r.displayName());
                intervals.setLong(9, ids[k / VersionBlocks.SIZE]);
                intervals.setInt(10, k % VersionBlocks.SIZE);
                intervals.addBatch();
            }
        });
    }

    /** Waits until every version handed over so far is written. */
    void drain() {
        versionThread.drain();
    }

    /** Stops writing versions, after the batch being written. */
    @Override
    public void close() {
        versionThread.close();
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Runs {@code sql} as the batch {@code binder} binds, in one transaction. */
    private void batch(String sql, Binder binder) {
        dsl.transaction(configuration -> configuration.dsl().connection(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                binder.bind(statement);
                statement.executeBatch();
            }
        }));
    }

    /**
     * Removes, in the commit's transaction, what was written for scopes that then failed: their resources
     * are carried forward or taken from another scope's sighting instead. Their resources' own scope is
     * the one that reported them. The blocks written for them go too; a staged sighting of the same
     * content stores it again.
     *
     * @return how many intervals were removed
     */
    int dropFailedScopes(DSLContext tx) {
        Condition fromFailedScope = I.VALID_FROM.eq(snapshotId)
                .and(SnapshotRows.failedScope(snapshotId, I.REGION, I.COMPARTMENT_ID));
        // A block holds part of one page, so of one scope.
        tx.deleteFrom(VERSION_BLOCK)
                .where(VERSION_BLOCK.FIRST_SNAPSHOT.eq(snapshotId))
                .and(VERSION_BLOCK.ID.in(select(I.BLOCK_ID).from(I).where(fromFailedScope)))
                .execute();
        return tx.deleteFrom(I).where(fromFailedScope).execute();
    }
}
