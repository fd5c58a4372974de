package io.github.ocidiff.store;

import static io.github.ocidiff.store.jooq.Tables.RESOURCE_INTERVAL;
import static io.github.ocidiff.store.jooq.Tables.RESOURCE_VERSION;
import static io.github.ocidiff.store.jooq.Tables.SCOPE_COVERAGE;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import io.github.ocidiff.crawl.CanonicalResource;
import io.github.ocidiff.store.jooq.tables.ResourceInterval;
import io.github.ocidiff.store.jooq.tables.records.ResourceVersionRecord;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep3;

/**
 * Resources new to the store, written as they arrive straight into resource_version and
 * resource_interval, valid from the running snapshot: nothing to copy at the commit, which on a first
 * night is everything. Invisible until the snapshot commits, since readers only ask committed ones,
 * which are all older; undone with it if it never does (see {@link IntervalUpdates#undo}). The versions
 * are compressed and written by a thread of their own, in transactions of their own: on a first night the
 * store thread was what the crawl waited for, and the two tables share nothing while they are written.
 */
final class NewIntervals implements AutoCloseable {

    private static final ResourceInterval I = RESOURCE_INTERVAL;

    private final DSLContext dsl;
    private final long snapshotId;
    private final String insertVersion;
    /** Whether {@link #insertVersion} takes the SHA-256 twice more, to skip a content stored already. */
    private final boolean skipStored;
    private final String insertInterval;
    private final WriteBehind versionThread = new WriteBehind("ocidiff-version-writer");

    /** @param versionsStored whether the store holds any version, which a new resource may be back to */
    NewIntervals(DSLContext dsl, long snapshotId, boolean versionsStored) {
        this.dsl = dsl;
        this.snapshotId = snapshotId;
        InsertValuesStep3<ResourceVersionRecord, byte[], Long, byte[]> version = dsl.insertInto(RESOURCE_VERSION,
                RESOURCE_VERSION.SHA256, RESOURCE_VERSION.FIRST_SNAPSHOT, RESOURCE_VERSION.BODY);
        Field<byte[]> sha = val((byte[]) null, RESOURCE_VERSION.SHA256);
        Field<Long> first = val((Long) null, RESOURCE_VERSION.FIRST_SNAPSHOT);
        Field<byte[]> body = val((byte[]) null, RESOURCE_VERSION.BODY);
        // A resource back to content it had before finds its version stored; on a first night none can.
        this.skipStored = versionsStored;
        this.insertVersion = dsl.render(versionsStored
                ? version.select(select(sha, first, body).whereNotExists(
                        selectOne().from(RESOURCE_VERSION).where(ShortKeys.hasSha(RESOURCE_VERSION, sha))))
                : version.values(sha, first, body));
        this.insertInterval = dsl.render(dsl.insertInto(I, I.OCID, I.VALID_FROM, I.REGION, I.SHA256, I.RESOURCE_TYPE,
                        I.COMPARTMENT_ID, I.LIFECYCLE_STATE, I.DISPLAY_NAME)
                .values((String) null, null, null, null, null, null, null, null));
    }

    /**
     * Opens intervals for resources seen for the first time in this snapshot, each reported by the
     * scope of its own compartment (the scope that wins over any other sighting), and hands their
     * versions to the version thread. The statements are jOOQ's, their values bound with plain JDBC:
     * jOOQ's batch converts each bound value through its type system, which cost a quarter of the store
     * thread's time on a first night.
     */
    void write(List<CanonicalResource> resources) {
        versionThread.submit(() -> batch(insertVersion, resources, (versions, r) -> {
            byte[] sha = Sha256.bytes(r.sha256());
            versions.setBytes(1, sha);
            versions.setLong(2, snapshotId);
            versions.setBytes(3, JsonBodies.compress(r.json()));
            if (skipStored) {
                versions.setBytes(4, sha);
                versions.setBytes(5, sha);
            }
        }));
        batch(insertInterval, resources, (intervals, r) -> {
            intervals.setString(1, r.ocid());
            intervals.setLong(2, snapshotId);
            intervals.setString(3, r.region());
            intervals.setBytes(4, Sha256.bytes(r.sha256()));
            intervals.setString(5, r.resourceType());
            intervals.setString(6, r.compartmentId());
            intervals.setString(7, r.lifecycleState());
            intervals.setString(8, r.displayName());
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
        void bind(PreparedStatement statement, CanonicalResource resource) throws SQLException;
    }

    /** Runs {@code sql} once per resource, as one batch in one transaction. */
    private void batch(String sql, List<CanonicalResource> resources, Binder binder) {
        dsl.transaction(configuration -> configuration.dsl().connection(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                for (CanonicalResource r : resources) {
                    binder.bind(statement, r);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }));
    }

    /**
     * Removes, in the commit's transaction, what was written for scopes that then failed: their resources
     * are carried forward or taken from another scope's sighting instead. Their resources' own scope is
     * the one that reported them. The versions stored with them go too; a staged sighting of the same
     * content stores it again.
     *
     * @return how many intervals were removed
     */
    int dropFailedScopes(DSLContext tx) {
        Condition fromFailedScope = I.VALID_FROM.eq(snapshotId).andExists(selectOne().from(SCOPE_COVERAGE).where(
                SCOPE_COVERAGE.SNAPSHOT_ID.eq(inline(snapshotId)),
                SCOPE_COVERAGE.OK.isFalse(),
                SCOPE_COVERAGE.REGION.eq(I.REGION),
                SCOPE_COVERAGE.COMPARTMENT_ID.eq(I.COMPARTMENT_ID)));
        tx.deleteFrom(RESOURCE_VERSION)
                .where(RESOURCE_VERSION.FIRST_SNAPSHOT.eq(snapshotId))
                .and(RESOURCE_VERSION.SHA256.in(select(I.SHA256).from(I).where(fromFailedScope)))
                .execute();
        return tx.deleteFrom(I).where(fromFailedScope).execute();
    }
}
