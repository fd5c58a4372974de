package io.github.ocidiff.store;

import static io.github.ocidiff.store.Resources.ASHBURN_A;
import static io.github.ocidiff.store.Resources.NIGHT;
import static io.github.ocidiff.store.Resources.ASHBURN_B;
import static io.github.ocidiff.store.Resources.closedStore;
import static io.github.ocidiff.store.Resources.json;
import static io.github.ocidiff.store.Resources.resource;
import static io.github.ocidiff.store.Resources.state;
import static io.github.ocidiff.store.jooq.Tables.RESOURCE_VERSION;
import static io.github.ocidiff.store.jooq.Tables.SNAPSHOT_STAGING;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ocidiff.crawl.CanonicalResource;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.crawl.SnapshotSummary;
import io.github.ocidiff.crawl.SnapshotWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jooq.Index;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snapshot into an empty store builds its random-key primary keys at the commit, not row by row. */
class StoreDeferredKeysTest {

    @TempDir
    Path dir;

    private final CanonicalResource web = resource(ASHBURN_A, "web", "RUNNING");
    private final CanonicalResource db = resource(ASHBURN_A, "db", "RUNNING");

    @Test
    void theFirstSnapshotLoadsWithoutTheKeysAndItsCommitBuildsThem() {
        Path prefix = dir.resolve("ocidiff");
        try (Store store = Store.open(prefix)) {
            assertThat(missingKeys(prefix)).isEmpty();
            StagedSnapshotWriter first = (StagedSnapshotWriter) store.begin(NIGHT, "tenancy", "crawl");
            first.declareScopes(List.of(ASHBURN_A));
            first.write(ASHBURN_A, List.of(web, db));
            first.awaitWritten();
            assertThat(missingKeys(prefix)).containsExactlyInAnyOrder("RESOURCE_INTERVAL_OCID_KEY", "RESOURCE_VERSION_SHA_KEY");
            first.scopeDone(Resources.ok(ASHBURN_A, 2));
            first.commit();
            first.close();
            assertThat(missingKeys(prefix)).isEmpty();

            // A store that holds resources keeps its keys while a snapshot is written.
            StagedSnapshotWriter second = (StagedSnapshotWriter) store.begin(NIGHT.plusSeconds(86_400), "tenancy", "crawl");
            second.declareScopes(List.of(ASHBURN_A));
            second.write(ASHBURN_A, List.of(web, resource(ASHBURN_A, "new", "RUNNING")));
            second.awaitWritten();
            assertThat(missingKeys(prefix)).isEmpty();
            second.close();
            assertThat(state(store, 1)).isEqualTo(json(web, db));
        }
        // The keys built at the commit are what a resource's history is read through.
        String plan = closedStore(prefix, dsl -> dsl.fetchValue("EXPLAIN " + dsl.renderInlined(
                IntervalQueries.versionsOfQuery(dsl, web.ocid())))).toString();
        assertThat(plan).contains("RESOURCE_INTERVAL_OCID_KEY: OCID_KEY = ").contains("RESOURCE_VERSION_SHA_KEY: SHA_KEY = ");
    }

    @Test
    void anAbandonedFirstSnapshotLeavesTheKeysBuilt() {
        Path prefix = dir.resolve("ocidiff");
        try (Store store = Store.open(prefix)) {
            try (SnapshotWriter writer = store.begin(NIGHT, "tenancy", "crawl")) {
                writer.declareScopes(List.of(ASHBURN_A));
                writer.write(ASHBURN_A, List.of(web, db));
            }
            assertThat(missingKeys(prefix)).isEmpty();
            assertThat(Resources.intervals(prefix)).isZero();
            StoreSnapshotTest.snapshot(store, 0, Map.of(ASHBURN_A, List.of(web)));
            assertThat(state(store, store.latestCommitted().orElseThrow().id())).isEqualTo(json(web));
        }
    }

    @Test
    void aPartialFirstSnapshotDropsTheFailedScopesResourcesWithTheKeysBuilt() {
        Path prefix = dir.resolve("ocidiff");
        CanonicalResource batch = resource(ASHBURN_B, "batch", "RUNNING");
        try (Store store = Store.open(prefix)) {
            try (SnapshotWriter writer = store.begin(NIGHT, "tenancy", "crawl")) {
                writer.declareScopes(List.of(ASHBURN_A, ASHBURN_B));
                writer.write(ASHBURN_A, List.of(web, db));
                writer.scopeDone(Resources.ok(ASHBURN_A, 2));
                writer.write(ASHBURN_B, List.of(batch));
                writer.scopeDone(Resources.failed(ASHBURN_B));
                SnapshotSummary partial = writer.commit();
                assertThat(partial.status()).isEqualTo(SnapshotStatus.PARTIAL);
                assertThat(state(store, partial.id())).isEqualTo(json(web, db));
            }
            assertThat(missingKeys(prefix)).isEmpty();
            assertThat(Resources.versions(prefix)).isEqualTo(2);
        }
    }

    /**
     * Content staged on a first night (a resource reported only by another compartment's scope) is stored
     * by the commit through the versions' key, which is then built before it and not beside the save.
     */
    @Test
    void aFirstSnapshotWithStagedContentStoresItOnceWithTheKeysBuilt() {
        Path prefix = dir.resolve("ocidiff");
        try (Store store = Store.open(prefix)) {
            StagedSnapshotWriter first = (StagedSnapshotWriter) store.begin(NIGHT, "tenancy", "crawl");
            first.declareScopes(List.of(ASHBURN_A, ASHBURN_B));
            first.write(ASHBURN_A, List.of(web));
            // db lives in compartment A; only B's scope reports it.
            first.write(ASHBURN_B, List.of(db));
            first.scopeDone(Resources.ok(ASHBURN_A, 1));
            first.scopeDone(Resources.ok(ASHBURN_B, 1));
            first.awaitWritten();
            assertThat(Resources.rows(prefix, SNAPSHOT_STAGING)).isEqualTo(1);
            SnapshotSummary summary = first.commit();
            first.close();
            assertThat(state(store, summary.id())).isEqualTo(json(web, db));
            assertThat(missingKeys(prefix)).isEmpty();
            assertThat(Resources.versions(prefix)).isEqualTo(2);
            assertThat(store.versionsOf(db.ocid())).extracting(v -> v.resource().json()).containsExactly(db.json());

            // The next night reads the latest state the commit saved beside the key build, and finds both.
            StagedSnapshotWriter second = (StagedSnapshotWriter) store.begin(NIGHT.plusSeconds(86_400), "tenancy", "crawl");
            assertThat(second.latestStateFromFile()).isTrue();
            second.declareScopes(List.of(ASHBURN_A));
            second.write(ASHBURN_A, List.of(web, db));
            second.scopeDone(Resources.ok(ASHBURN_A, 2));
            SnapshotSummary next = second.commit();
            second.close();
            assertThat(state(store, next.id())).isEqualTo(json(web, db));
            assertThat(Resources.versions(prefix)).isEqualTo(2);
        }
    }

    static List<String> missingKeys(Path prefix) {
        return closedStore(prefix, dsl -> DeferredKeys.missing(dsl).stream().map(Index::getName).toList());
    }
}
