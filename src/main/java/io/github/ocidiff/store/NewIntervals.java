package io.github.ocidiff.store;

import static io.github.ocidiff.store.jooq.Tables.RESOURCE_INTERVAL;
import static io.github.ocidiff.store.jooq.Tables.RESOURCE_VERSION;
import static io.github.ocidiff.store.jooq.Tables.SCOPE_COVERAGE;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import io.github.ocidiff.crawl.CanonicalResource;
import io.github.ocidiff.store.jooq.tables.ResourceInterval;
import java.util.List;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Resources new to the store, written as they arrive straight into resource_version and
 * resource_interval, valid from the running snapshot: nothing to copy at the commit, which on a first
 * night is everything. Invisible until the snapshot commits, since readers only ask committed ones,
 * which are all older; undone with it if it never does (see {@link IntervalUpdates#undo}).
 */
final class NewIntervals {

    private static final ResourceInterval I = RESOURCE_INTERVAL;

    private final DSLContext dsl;
    private final long snapshotId;

    NewIntervals(DSLContext dsl, long snapshotId) {
        this.dsl = dsl;
        this.snapshotId = snapshotId;
    }

    /**
     * Opens intervals for resources seen for the first time in this snapshot, each reported by the
     * scope of its own compartment (the scope that wins over any other sighting), in one transaction.
     */
    void write(List<CanonicalResource> resources) {
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            // A resource back to content it had before finds its version stored.
            BatchBindStep versions = tx.batch(tx.insertInto(RESOURCE_VERSION, RESOURCE_VERSION.SHA256,
                            RESOURCE_VERSION.FIRST_SNAPSHOT, RESOURCE_VERSION.BODY)
                    .values((byte[]) null, null, null)
                    .onDuplicateKeyIgnore());
            BatchBindStep intervals = tx.batch(tx.insertInto(I, I.OCID, I.VALID_FROM, I.REGION, I.SHA256,
                            I.RESOURCE_TYPE, I.COMPARTMENT_ID, I.LIFECYCLE_STATE, I.DISPLAY_NAME)
                    .values((String) null, null, null, null, null, null, null, null));
            for (CanonicalResource r : resources) {
                byte[] sha = Sha256.bytes(r.sha256());
                versions.bind(sha, snapshotId, JsonBodies.deflate(r.json()));
                intervals.bind(r.ocid(), snapshotId, r.region(), sha, r.resourceType(), r.compartmentId(),
                        r.lifecycleState(), r.displayName());
            }
            versions.execute();
            intervals.execute();
        });
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
