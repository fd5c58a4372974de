package io.github.ocidiff.store;

import static io.github.ocidiff.store.jooq.Tables.RESOURCE_VERSION;
import static io.github.ocidiff.store.jooq.Tables.SCOPE_COVERAGE;
import static io.github.ocidiff.store.jooq.Tables.SNAPSHOT_STAGING;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.values;

import io.github.ocidiff.crawl.CanonicalResource;
import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.store.jooq.Indexes;
import io.github.ocidiff.store.jooq.tables.SnapshotStaging;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Index;
import org.jooq.Record1;
import org.jooq.Row1;
import org.jooq.Table;

/**
 * The rows of the snapshot being written (snapshot_staging). Each write is its own small autocommitted
 * batch, so a million resources never sit in one transaction and a crash leaves nothing but staging
 * rows. The crawl only appends: no index is kept while it runs, and content is only looked up, never
 * stored, until the commit.
 */
final class Staging {

    /** Rows per statement batch and per version look-up: one Resource Search page. */
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

    void write(Scope scope, List<CanonicalResource> resources) {
        for (int from = 0; from < resources.size(); from += CHUNK) {
            writeChunk(scope, resources.subList(from, Math.min(resources.size(), from + CHUNK)));
        }
    }

    private void writeChunk(Scope scope, List<CanonicalResource> resources) {
        Map<String, byte[]> newBodies = newBodies(resources);
        BatchBindStep batch = dsl.batch(dsl.insertInto(W, W.OCID, W.PREFERENCE, W.SCOPE_REGION, W.SCOPE_COMPARTMENT,
                        W.SHA256, W.BODY, W.RESOURCE_TYPE, W.COMPARTMENT_ID, W.LIFECYCLE_STATE, W.DISPLAY_NAME)
                .values((String) null, null, null, null, null, null, null, null, null, null));
        for (CanonicalResource r : resources) {
            byte preference = (byte) (scope.compartmentId().equals(r.compartmentId()) ? 0 : 1);
            batch.bind(r.ocid(), preference, scope.region(), scope.compartmentId(), Sha256.bytes(r.sha256()),
                    newBodies.get(r.sha256()), r.resourceType(), r.compartmentId(), r.lifecycleState(),
                    r.displayName());
        }
        batch.execute();
    }

    /** Deflated JSON of the contents not stored yet, by SHA-256; deflated here, on the crawl's threads. */
    private Map<String, byte[]> newBodies(List<CanonicalResource> resources) {
        Set<String> stored = stored(resources);
        Map<String, byte[]> bodies = new HashMap<>();
        for (CanonicalResource r : resources) {
            if (!stored.contains(r.sha256())) {
                bodies.computeIfAbsent(r.sha256(), sha -> JsonBodies.deflate(r.json()));
            }
        }
        return bodies;
    }

    /**
     * Which of these contents are stored, in one query: joined from a VALUES list, which H2 probes
     * key by key, four times faster than the same keys in an IN list.
     */
    private Set<String> stored(List<CanonicalResource> resources) {
        Table<Record1<byte[]>> keys = values(resources.stream()
                .map(r -> row(val(Sha256.bytes(r.sha256()), RESOURCE_VERSION.SHA256)))
                .toArray(Row1[]::new))
                .as("keys", "sha256");
        return dsl.select(RESOURCE_VERSION.SHA256).from(keys)
                .join(RESOURCE_VERSION).on(RESOURCE_VERSION.SHA256.eq(keys.field("sha256", byte[].class)))
                .fetch(RESOURCE_VERSION.SHA256).stream().map(Sha256::hex).collect(Collectors.toSet());
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
     * Stores the contents first seen in this snapshot. After {@link #narrow} each is on one row (the
     * canonical JSON names its resource, so no two resources share one) and opens an interval there: a
     * content not stored before cannot be that of an open interval.
     */
    void storeNewVersions(DSLContext tx) {
        tx.insertInto(RESOURCE_VERSION, RESOURCE_VERSION.SHA256, RESOURCE_VERSION.FIRST_SNAPSHOT, RESOURCE_VERSION.BODY)
                .select(select(W.SHA256, inline(snapshotId), W.BODY).from(W).where(W.BODY.isNotNull()))
                .execute();
    }
}
