package io.github.ocidiff.store;

import static io.github.ocidiff.store.Resources.ASHBURN_A;
import static io.github.ocidiff.store.Resources.NIGHT;
import static io.github.ocidiff.store.Resources.ASHBURN_B;
import static io.github.ocidiff.store.Resources.FRANKFURT_A;
import static io.github.ocidiff.store.Resources.failed;
import static io.github.ocidiff.store.Resources.json;
import static io.github.ocidiff.store.Resources.ok;
import static io.github.ocidiff.store.Resources.resource;
import static io.github.ocidiff.store.Resources.state;
import static io.github.ocidiff.store.jooq.Tables.RESOURCE_VERSION;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ocidiff.crawl.CanonicalResource;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.crawl.SnapshotSummary;
import io.github.ocidiff.crawl.SnapshotWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.ToLongFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nights after the first, where the latest state is checked in memory: unchanged, changed, new, gone,
 * repeated and carried-forward resources come out as the staged comparison has them, also when every
 * OCID hash collides with every other (the index then sends everything to staging).
 */
class StoreLatestStateTest {

    @TempDir
    Path dir;

    /** Where the open intervals are saved between nights, or null: scanned every night. */
    private OpenIntervalFile saved;

    private final CanonicalResource web = resource(ASHBURN_A, "web", "RUNNING");
    private final CanonicalResource webStopped = resource(ASHBURN_A, "web", "STOPPED");
    private final CanonicalResource db = resource(ASHBURN_A, "db", "RUNNING");
    private final CanonicalResource dbStale = resource(ASHBURN_A, db.ocid(), "db-stale", "RUNNING");
    private final CanonicalResource gone = resource(ASHBURN_A, "gone", "RUNNING");
    private final CanonicalResource batch = resource(ASHBURN_B, "batch", "RUNNING");
    private final CanonicalResource batchStopped = resource(ASHBURN_B, "batch", "STOPPED");
    private final CanonicalResource queue = resource(ASHBURN_B, "queue", "ACTIVE");
    private final CanonicalResource cache = resource(FRANKFURT_A, "cache", "RUNNING");

    @ParameterizedTest(name = "OCID hashes {0}, latest state {1}")
    @CsvSource({"spread, scanned", "spread, saved", "all colliding, scanned", "all colliding, saved"})
    void laterNightsComeOutAsTheStagedComparisonHasThem(String hashes, String loaded) {
        ToLongFunction<String> hash = hashes.equals("spread") ? OpenIntervalIndex::ocidHash : ocid -> 7L;
        saved = loaded.equals("saved") ? new OpenIntervalFile(dir.resolve("ocidiff.test-intervals")) : null;
        try (Store store = Store.open(dir.resolve("ocidiff"))) {
            SnapshotSummary first;
            try (SnapshotWriter w = begin(store, NIGHT, hash)) {
                w.declareScopes(List.of(ASHBURN_A, ASHBURN_B, FRANKFURT_A));
                w.write(ASHBURN_A, List.of(web, db, gone));
                w.write(ASHBURN_B, List.of(batch));
                w.write(FRANKFURT_A, List.of(cache));
                List.of(ASHBURN_A, ASHBURN_B, FRANKFURT_A).forEach(s -> w.scopeDone(ok(s, 1)));
                first = w.commit();
            }
            assertThat(first.resources()).isEqualTo(5);

            SnapshotSummary second;
            try (SnapshotWriter w = begin(store, NIGHT.plusSeconds(86_400), hash)) {
                w.declareScopes(List.of(ASHBURN_A, ASHBURN_B, FRANKFURT_A));
                // batch first seen unchanged from another scope, then changed from its own: its own wins.
                w.write(ASHBURN_A, List.of(webStopped, db, batch));
                // db seen stale from another scope after its own scope saw it unchanged: its own wins.
                w.write(ASHBURN_B, List.of(batchStopped, queue, dbStale));
                // A paging shift repeats db.
                w.write(ASHBURN_A, List.of(db));
                w.scopeDone(ok(ASHBURN_A, 3));
                w.scopeDone(ok(ASHBURN_B, 3));
                w.scopeDone(failed(FRANKFURT_A));
                second = w.commit();
            }
            assertThat(second.status()).isEqualTo(SnapshotStatus.PARTIAL);
            assertThat(state(store, second.id())).isEqualTo(json(webStopped, db, batchStopped, queue, cache));
            assertThat(store.snapshot(second.id()).orElseThrow().changesFromPrevious()).isEqualTo(4);
            assertThat(second.resources()).isEqualTo(5);

            // Frankfurt not declared: its resources are gone from this snapshot on.
            SnapshotSummary third = night(store, 2, hash, List.of(webStopped, db), List.of(batchStopped, queue));
            assertThat(state(store, third.id())).isEqualTo(json(webStopped, db, batchStopped, queue));
            assertThat(third.resources()).isEqualTo(4);

            // web seen unchanged only by a scope that failed, while its own scope was collected: gone. The
            // failed scope's own resources are carried forward, and what it saw new is not kept.
            SnapshotSummary fourth;
            try (SnapshotWriter w = begin(store, NIGHT.plusSeconds(3 * 86_400), hash)) {
                w.declareScopes(List.of(ASHBURN_A, ASHBURN_B));
                w.write(ASHBURN_A, List.of(db));
                w.write(ASHBURN_B, List.of(webStopped, resource(ASHBURN_B, "half-seen", "RUNNING")));
                w.scopeDone(ok(ASHBURN_A, 1));
                w.scopeDone(failed(ASHBURN_B));
                fourth = w.commit();
            }
            assertThat(state(store, fourth.id())).isEqualTo(json(db, batchStopped, queue));
            assertThat(store.snapshot(fourth.id()).orElseThrow().changesFromPrevious()).isEqualTo(1);
            assertThat(fourth.resources()).isEqualTo(3);
            assertThat(store.changesBetween(first.id(), fourth.id())).extracting(IntervalEdge::ocid)
                    .containsExactlyInAnyOrder(web.ocid(), gone.ocid(), batch.ocid(), queue.ocid(), cache.ocid());

            // queue changed in its own scope (which, done, ends its interval at once), and moved to the scope
            // ordered first, whose row wins: it is other content all the same. db seen first, and moved, by
            // the other scope, which loses to its own scope's stale row: unchanged.
            CanonicalResource queueDraining = resource(ASHBURN_B, queue.ocid(), "queue", "DRAINING");
            CanonicalResource queueMoved = resource(ASHBURN_A, queue.ocid(), "queue", "ACTIVE");
            SnapshotSummary fifth;
            try (SnapshotWriter w = begin(store, NIGHT.plusSeconds(4 * 86_400), hash)) {
                w.declareScopes(List.of(ASHBURN_A, ASHBURN_B));
                w.write(ASHBURN_B, List.of(batchStopped, queueDraining, resource(ASHBURN_B, db.ocid(), "db", "RUNNING")));
                w.scopeDone(ok(ASHBURN_B, 3));
                w.write(ASHBURN_A, List.of(db, queueMoved));
                w.scopeDone(ok(ASHBURN_A, 2));
                fifth = w.commit();
            }
            assertThat(state(store, fifth.id())).isEqualTo(json(db, batchStopped, queueMoved));
            assertThat(store.snapshot(fifth.id()).orElseThrow().changesFromPrevious()).isEqualTo(1);
            assertThat(store.versionsOf(queue.ocid())).extracting(ResourceVersion::validTo)
                    .containsExactly(fifth.id(), null);
        }
        // Every content that was part of a state, once; none seen only by a scope that failed or that lost.
        assertThat(Resources.rows(dir.resolve("ocidiff"), RESOURCE_VERSION)).isEqualTo(9);
    }

    /** Each night but the first reads the latest state from the file the one before saved, if any. */
    private SnapshotWriter begin(Store store, Instant at, ToLongFunction<String> hash) {
        SnapshotWriter writer = store.begin(at, "tenancy", "crawl", hash, saved);
        boolean fromFile = ((StagedSnapshotWriter) writer).latestStateFromFile();
        assertThat(fromFile).isEqualTo(saved != null && !at.equals(NIGHT));
        return writer;
    }

    private SnapshotSummary night(Store store, int night, ToLongFunction<String> hash, List<CanonicalResource> a,
                                  List<CanonicalResource> b) {
        try (SnapshotWriter w = begin(store, NIGHT.plusSeconds(86_400L * night), hash)) {
            w.declareScopes(List.of(ASHBURN_A, ASHBURN_B));
            w.write(ASHBURN_A, a);
            w.write(ASHBURN_B, b);
            w.scopeDone(ok(ASHBURN_A, a.size()));
            w.scopeDone(ok(ASHBURN_B, b.size()));
            return w.commit();
        }
    }
}
