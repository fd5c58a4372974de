package io.github.ocidiff.store;

import static io.github.ocidiff.store.Resources.ASHBURN_A;
import static io.github.ocidiff.store.Resources.ASHBURN_B;
import static io.github.ocidiff.store.Resources.NIGHT;
import static io.github.ocidiff.store.Resources.json;
import static io.github.ocidiff.store.Resources.ok;
import static io.github.ocidiff.store.Resources.resource;
import static io.github.ocidiff.store.Resources.state;
import static io.github.ocidiff.store.StoreSnapshotTest.snapshot;
import static io.github.ocidiff.store.jooq.Tables.RESOURCE_INTERVAL;
import static io.github.ocidiff.store.jooq.Tables.RESOURCE_VERSION;
import static io.github.ocidiff.store.jooq.Tables.VERSION_BLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ocidiff.crawl.CanonicalResource;
import io.github.ocidiff.crawl.SnapshotWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreVersionBlocksTest {

    @TempDir
    Path dir;

    private final CanonicalResource web = resource(ASHBURN_A, "web", "RUNNING");
    private final CanonicalResource db = resource(ASHBURN_A, "db", "RUNNING");

    @Test
    void aFirstNightWritesItsVersionsInBlocksOfThirtyTwoInArrivalOrder() {
        Path prefix = dir.resolve("ocidiff");
        List<CanonicalResource> many = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            // A line break inside a value is escaped in canonical JSON (a backslash and an n): it cannot split lines.
            many.add(resource(ASHBURN_A, "ocid1.instance.oc1.iad.vm" + i, "vm " + i + "\\nline two", "RUNNING"));
        }
        long id;
        try (Store store = Store.open(prefix)) {
            id = snapshot(store, 0, Map.of(ASHBURN_A, many)).id();
            assertThat(state(store, id)).isEqualTo(json(many.toArray(CanonicalResource[]::new)));
        }
        List<Integer> lines = Resources.closedStore(prefix, dsl -> dsl.select(VERSION_BLOCK.BODY).from(VERSION_BLOCK)
                .orderBy(VERSION_BLOCK.ID).fetch(r -> JsonBodies.decompress(r.value1()).split("\n", -1).length));
        assertThat(lines).containsExactly(32, 32, 6);
        assertThat(Resources.rows(prefix, RESOURCE_VERSION)).isZero();
    }

    @Test
    void aTextWithALineBreakIsRefusedRatherThanStoredAsTwoVersions() {
        Path prefix = dir.resolve("ocidiff");
        Store.open(prefix).close();
        Resources.closedStore(prefix, dsl -> {
            VersionBlocks blocks = new VersionBlocks(dsl, 1);
            List<List<String>> texts = List.of(List.of("{\"a\":1}", "{\"b\":\n2}"));
            assertThatThrownBy(() -> blocks.insert(null, new long[] {blocks.take()}, texts))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break");
            return null;
        });
    }

    @Test
    void aResourceNewInItsOwnScopeAndSeenByAnotherStoresItsVersionOnce() {
        Path prefix = dir.resolve("ocidiff");
        try (Store store = Store.open(prefix); SnapshotWriter writer = store.begin(NIGHT, "ocid1.tenancy.oc1..t", "crawl")) {
            writer.declareScopes(List.of(ASHBURN_A, ASHBURN_B));
            // Reported first by a scope not its compartment's (staged), then by its own (opened as new).
            writer.write(ASHBURN_B, List.of(web));
            writer.scopeDone(ok(ASHBURN_B, 1));
            writer.write(ASHBURN_A, List.of(web, db));
            writer.scopeDone(ok(ASHBURN_A, 2));
            assertThat(state(store, writer.commit().id())).isEqualTo(json(web, db));
        }
        assertThat(Resources.versions(prefix)).isEqualTo(2);
    }

    /**
     * A store written before blocks (migration V7) keeps each version in a row of its own, found by SHA-256:
     * it reads as before beside the blocks later nights write, and pruning removes rows of both kinds.
     */
    @Test
    void versionsStoredBeforeBlocksAreReadDiffedAndPrunedBesideNewOnes() {
        Path prefix = dir.resolve("ocidiff");
        long first;
        try (Store store = Store.open(prefix)) {
            first = snapshot(store, 0, Map.of(ASHBURN_A, List.of(web, db))).id();
        }
        Resources.closedStore(prefix, dsl -> {
            for (Record r : dsl.select(RESOURCE_INTERVAL.SHA256, RESOURCE_INTERVAL.VALID_FROM, VERSION_BLOCK.BODY,
                    RESOURCE_INTERVAL.BLOCK_LINE).from(RESOURCE_INTERVAL).join(VERSION_BLOCK)
                    .on(VERSION_BLOCK.ID.eq(RESOURCE_INTERVAL.BLOCK_ID)).fetch()) {
                String json = JsonBodies.decompress(r.get(VERSION_BLOCK.BODY)).split("\n")[r.get(RESOURCE_INTERVAL.BLOCK_LINE)];
                dsl.insertInto(RESOURCE_VERSION, RESOURCE_VERSION.SHA256, RESOURCE_VERSION.FIRST_SNAPSHOT,
                        RESOURCE_VERSION.BODY).values(r.get(RESOURCE_INTERVAL.SHA256), r.get(RESOURCE_INTERVAL.VALID_FROM),
                        JsonBodies.compress(json)).execute();
            }
            dsl.update(RESOURCE_INTERVAL).setNull(RESOURCE_INTERVAL.BLOCK_ID).setNull(RESOURCE_INTERVAL.BLOCK_LINE).execute();
            return dsl.deleteFrom(VERSION_BLOCK).execute();
        });

        CanonicalResource webStopped = resource(ASHBURN_A, web.ocid(), "web", "STOPPED");
        CanonicalResource cache = resource(ASHBURN_A, "cache", "RUNNING");
        try (Store store = Store.open(prefix)) {
            assertThat(state(store, first)).isEqualTo(json(web, db));
            long second = snapshot(store, 1, Map.of(ASHBURN_A, List.of(webStopped, db, cache))).id();
            long third = snapshot(store, 2, Map.of(ASHBURN_A, List.of(webStopped, db, cache))).id();
            assertThat(state(store, second)).isEqualTo(json(webStopped, db, cache));
            assertThat(store.changesBetween(first, second)).extracting(IntervalEdge::ocid)
                    .containsExactlyInAnyOrder(web.ocid(), cache.ocid());
            assertThat(store.versionsOf(web.ocid())).extracting(v -> v.resource().json())
                    .containsExactly(web.json(), webStopped.json());
            assertThat(store.versionJson(db.ocid(), db.sha256())).isEqualTo(db.json());

            store.pruneBefore(second, LocalDate.of(2026, 11, 1));
            assertThat(state(store, third)).isEqualTo(json(webStopped, db, cache));
        }
        // web's first version went with its interval; db's stays, as do the second night's two blocks.
        assertThat(Resources.rows(prefix, RESOURCE_VERSION)).isEqualTo(1);
        assertThat(Resources.rows(prefix, VERSION_BLOCK)).isEqualTo(2);
        assertThat(Resources.versions(prefix)).isEqualTo(3);
    }
}
