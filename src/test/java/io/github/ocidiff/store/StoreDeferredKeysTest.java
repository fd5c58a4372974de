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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import org.jooq.Index;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot into an empty store loads without its keys of random values; they are built in one pass by
 * the next snapshot beside its crawl, or by its own commit when it staged rows, or by what reads through
 * them first.
 */
class StoreDeferredKeysTest {

    private static final String OCID_KEY = "RESOURCE_INTERVAL_OCID_KEY";
    private static final String SHA_KEY = "RESOURCE_VERSION_SHA_KEY";

    @TempDir
    Path dir;

    private final CanonicalResource web = resource(ASHBURN_A, "web", "RUNNING");
    private final CanonicalResource db = resource(ASHBURN_A, "db", "RUNNING");

    @Test
    void theFirstSnapshotLeavesTheKeysOutAndTheNextBuildsThemBesideItsCrawl() {
        Path prefix = dir.resolve("ocidiff");
        CanonicalResource dbStopped = resource(ASHBURN_A, db.ocid(), "db", "STOPPED");
        CanonicalResource cache = resource(ASHBURN_A, "cache", "RUNNING");
        try (Store store = Store.open(prefix)) {
            assertThat(missingKeys(prefix)).isEmpty();
            StagedSnapshotWriter first = (StagedSnapshotWriter) store.begin(NIGHT, "tenancy", "crawl");
            first.declareScopes(List.of(ASHBURN_A));
            first.write(ASHBURN_A, List.of(web, db));
            first.awaitWritten();
            assertThat(missingKeys(prefix)).containsExactlyInAnyOrder(OCID_KEY, SHA_KEY);
            first.scopeDone(Resources.ok(ASHBURN_A, 2));
            long firstId = first.commit().id();
            first.close();
            assertThat(missingKeys(prefix)).containsExactlyInAnyOrder(OCID_KEY, SHA_KEY);

            // The next night builds them on a thread of its own, held back here until its pages are written.
            CountDownLatch release = new CountDownLatch(1);
            StagedSnapshotWriter second = secondNightHeldUntil(store, release);
            second.declareScopes(List.of(ASHBURN_A));
            second.write(ASHBURN_A, List.of(web, dbStopped, cache));
            second.scopeDone(Resources.ok(ASHBURN_A, 3));
            second.awaitWritten();
            // Meanwhile nothing touched the intervals, which H2 locks for the build: the new resource was staged
            // with the changed one, and db's interval, changed in its own scope, was left open for the commit.
            assertThat(Resources.rows(prefix, SNAPSHOT_STAGING)).isEqualTo(2);
            assertThat(Resources.intervals(prefix)).isEqualTo(2);
            assertThat(state(store, firstId)).isEqualTo(json(web, db));
            release.countDown();
            SnapshotSummary summary = second.commit();
            second.close();
            assertThat(missingKeys(prefix)).isEmpty();
            assertThat(summary.resources()).isEqualTo(3);
            assertThat(state(store, summary.id())).isEqualTo(json(web, dbStopped, cache));
            assertThat(store.changesBetween(firstId, summary.id())).extracting(IntervalEdge::ocid)
                    .containsExactlyInAnyOrder(db.ocid(), cache.ocid());
            assertThat(Resources.versions(prefix)).isEqualTo(4);
        }
        // The keys are what a resource's history is read through.
        String plan = closedStore(prefix, dsl -> dsl.fetchValue("EXPLAIN " + dsl.renderInlined(
                IntervalQueries.versionsOfQuery(dsl, web.ocid())))).toString();
        assertThat(plan).contains("RESOURCE_INTERVAL_OCID_KEY: OCID_KEY = ").contains("RESOURCE_VERSION_SHA_KEY: SHA_KEY = ");
    }

    /** What reads through the keys before a next night builds them builds them first: a history, pruning. */
    @Test
    void theKeysAFirstSnapshotLeftOutAreBuiltByWhatFirstReadsThroughThem() {
        Path prefix = dir.resolve("ocidiff");
        try (Store store = Store.open(prefix)) {
            StoreSnapshotTest.snapshot(store, 0, Map.of(ASHBURN_A, List.of(web, db)));
        }
        assertThat(missingKeys(prefix)).containsExactlyInAnyOrder(OCID_KEY, SHA_KEY);
        try (Store store = Store.open(prefix)) {
            assertThat(store.snapshots()).hasSize(1);
            assertThat(missingKeys(prefix)).hasSize(2);
            assertThat(store.versionsOf(web.ocid())).extracting(v -> v.resource().json()).containsExactly(web.json());
            assertThat(missingKeys(prefix)).isEmpty();
        }
    }

    /**
     * A resource reported unchanged by one scope and then by another is staged from its interval: the store
     * thread waits for the keys then, which it can (the build ends on its own), and the night is as any other.
     */
    @Test
    void aSecondSightingWhileTheKeysAreBuiltWaitsForThem() {
        Path prefix = dir.resolve("ocidiff");
        try (Store store = Store.open(prefix)) {
            StoreSnapshotTest.snapshot(store, 0, Map.of(ASHBURN_A, List.of(web, db)));
            CountDownLatch release = new CountDownLatch(1);
            StagedSnapshotWriter second = secondNightHeldUntil(store, release);
            second.declareScopes(List.of(ASHBURN_A, ASHBURN_B));
            second.write(ASHBURN_A, List.of(web, db));
            second.write(ASHBURN_B, List.of(web));
            release.countDown();
            second.scopeDone(Resources.ok(ASHBURN_A, 2));
            second.scopeDone(Resources.ok(ASHBURN_B, 1));
            SnapshotSummary summary = second.commit();
            second.close();
            assertThat(summary.status()).isEqualTo(SnapshotStatus.COMPLETE);
            assertThat(state(store, summary.id())).isEqualTo(json(web, db));
            assertThat(store.changesBetween(summary.id() - 1, summary.id())).isEmpty();
            assertThat(Resources.versions(prefix)).isEqualTo(2);
        }
        assertThat(missingKeys(prefix)).isEmpty();
    }

    /**
     * H2 records a sequence's progress in its catalogue, which it holds locked while it builds an index: a
     * table with an identity column that a snapshot writes while the keys are built beside its crawl made
     * the crawl's writes time out (found by the 1,000,000-resource benchmark, not at this size).
     */
    @Test
    void noTableWrittenBesideTheKeyBuildNumbersItsRowsWithASequence() {
        Path prefix = dir.resolve("ocidiff");
        Store.open(prefix).close();
        String tables = "('SNAPSHOT_STAGING', 'VERSION_BLOCK', 'RESOURCE_INTERVAL')";
        assertThat(count(prefix, "INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME IN " + tables)).isEqualTo(3);
        assertThat(count(prefix, "INFORMATION_SCHEMA.COLUMNS WHERE IS_IDENTITY = 'YES' AND TABLE_NAME IN " + tables))
                .isZero();
    }

    private static long count(Path prefix, String from) {
        return closedStore(prefix, dsl -> ((Number) dsl.fetchValue("SELECT COUNT(*) FROM " + from)).longValue());
    }

    /** Begins the night after {@link Resources#NIGHT}, its build of the keys held back until {@code release}. */
    private static StagedSnapshotWriter secondNightHeldUntil(Store store, CountDownLatch release) {
        Executor held = build -> new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            build.run();
        }).start();
        return (StagedSnapshotWriter) store.begin(NIGHT.plusSeconds(86_400), "tenancy", "crawl", OpenIntervalIndex::ocidHash,
                OpenIntervalFile.beside(store.file()), held);
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
    void aPartialFirstSnapshotDropsTheFailedScopesResources() {
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
            // Nothing staged: the keys are left to the next night, as after any first night.
            assertThat(missingKeys(prefix)).containsExactlyInAnyOrder(OCID_KEY, SHA_KEY);
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
