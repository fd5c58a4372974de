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
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ocidiff.crawl.CanonicalResource;
import io.github.ocidiff.crawl.Canonicalizer;
import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.crawl.SearchedResource;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.crawl.SnapshotSummary;
import io.github.ocidiff.crawl.SnapshotWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
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
    /** Whether resources come with a digest, as the crawl writes them. */
    private boolean digested;
    /** How often a digested resource's canonical form was asked for (on the test's thread or the store's). */
    private final AtomicInteger asked = new AtomicInteger();

    private final CanonicalResource web = resource(ASHBURN_A, "web", "RUNNING");
    private final CanonicalResource webStopped = resource(ASHBURN_A, "web", "STOPPED");
    private final CanonicalResource db = resource(ASHBURN_A, "db", "RUNNING");
    private final CanonicalResource dbStale = resource(ASHBURN_A, db.ocid(), "db-stale", "RUNNING");
    private final CanonicalResource gone = resource(ASHBURN_A, "gone", "RUNNING");
    private final CanonicalResource batch = resource(ASHBURN_B, "batch", "RUNNING");
    private final CanonicalResource batchStopped = resource(ASHBURN_B, "batch", "STOPPED");
    private final CanonicalResource queue = resource(ASHBURN_B, "queue", "ACTIVE");
    private final CanonicalResource cache = resource(FRANKFURT_A, "cache", "RUNNING");

    @ParameterizedTest(name = "OCID hashes {0}, latest state {1}, resources {2}")
    @CsvSource({"spread, scanned, canonical", "spread, saved, canonical", "all colliding, scanned, canonical",
            "all colliding, saved, canonical", "spread, saved, digested", "all colliding, saved, digested"})
    void laterNightsComeOutAsTheStagedComparisonHasThem(String hashes, String loaded, String resources) {
        ToLongFunction<String> hash = hashes.equals("spread") ? OpenIntervalIndex::ocidHash : ocid -> 7L;
        saved = loaded.equals("saved") ? new OpenIntervalFile(dir.resolve("ocidiff.test-intervals")) : null;
        digested = resources.equals("digested");
        try (Store store = Store.open(dir.resolve("ocidiff"))) {
            SnapshotSummary first;
            try (SnapshotWriter w = begin(store, NIGHT, hash)) {
                w.declareScopes(List.of(ASHBURN_A, ASHBURN_B, FRANKFURT_A));
                write(w, ASHBURN_A, List.of(web, db, gone));
                write(w, ASHBURN_B, List.of(batch));
                write(w, FRANKFURT_A, List.of(cache));
                List.of(ASHBURN_A, ASHBURN_B, FRANKFURT_A).forEach(s -> w.scopeDone(ok(s, 1)));
                first = w.commit();
            }
            assertThat(first.resources()).isEqualTo(5);

            SnapshotSummary second;
            try (SnapshotWriter w = begin(store, NIGHT.plusSeconds(86_400), hash)) {
                w.declareScopes(List.of(ASHBURN_A, ASHBURN_B, FRANKFURT_A));
                // batch first seen unchanged from another scope, then changed from its own: its own wins.
                write(w, ASHBURN_A, List.of(webStopped, db, batch));
                // db seen stale from another scope after its own scope saw it unchanged: its own wins.
                write(w, ASHBURN_B, List.of(batchStopped, queue, dbStale));
                // A paging shift repeats db.
                write(w, ASHBURN_A, List.of(db));
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
                write(w, ASHBURN_A, List.of(db));
                write(w, ASHBURN_B, List.of(webStopped, resource(ASHBURN_B, "half-seen", "RUNNING")));
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
                write(w, ASHBURN_B, List.of(batchStopped, queueDraining, resource(ASHBURN_B, db.ocid(), "db", "RUNNING")));
                w.scopeDone(ok(ASHBURN_B, 3));
                write(w, ASHBURN_A, List.of(db, queueMoved));
                w.scopeDone(ok(ASHBURN_A, 2));
                fifth = w.commit();
            }
            assertThat(state(store, fifth.id())).isEqualTo(json(db, batchStopped, queueMoved));
            assertThat(store.snapshot(fifth.id()).orElseThrow().changesFromPrevious()).isEqualTo(1);
            assertThat(store.versionsOf(queue.ocid())).extracting(ResourceVersion::validTo)
                    .containsExactly(fifth.id(), null);
        }
        // Every content that was part of a state, once; none seen only by a scope that failed or that lost.
        assertThat(Resources.versions(dir.resolve("ocidiff"))).isEqualTo(9);
    }

    @ParameterizedTest(name = "latest state {0}")
    @ValueSource(strings = {"saved", "scanned"})
    void unchangedResourcesAreKnownByTheirDigestWithoutTheirCanonicalForm(String loaded) {
        saved = loaded.equals("saved") ? new OpenIntervalFile(dir.resolve("ocidiff.test-intervals")) : null;
        digested = true;
        ToLongFunction<String> hash = OpenIntervalIndex::ocidHash;
        boolean recognizing = saved != null;
        try (Store store = Store.open(dir.resolve("ocidiff"))) {
            night(store, 0, hash, List.of(web, db), List.of(batch));
            assertThat(asked.getAndSet(0)).isEqualTo(3);

            SnapshotSummary second = night(store, 1, hash, List.of(web, db), List.of(batch));
            assertThat(asked.getAndSet(0)).isEqualTo(recognizing ? 0 : 3);
            assertThat(store.snapshot(second.id()).orElseThrow().changesFromPrevious()).isZero();

            // web changed; db seen unchanged by its own scope, then stale by another; queue, new, seen by
            // both scopes: which of its sightings the commit keeps is not the digest's to say.
            SnapshotSummary third = night(store, 2, hash, List.of(webStopped, db, queue), List.of(batch, dbStale, queue));
            assertThat(asked.getAndSet(0)).isEqualTo(recognizing ? 4 : 6);
            assertThat(state(store, third.id())).isEqualTo(json(webStopped, db, batch, queue));

            // web's new content was saved with its digest; queue's was not.
            SnapshotSummary fourth = night(store, 3, hash, List.of(webStopped, db), List.of(batch, queue));
            assertThat(asked.getAndSet(0)).isEqualTo(recognizing ? 1 : 4);
            assertThat(store.snapshot(fourth.id()).orElseThrow().changesFromPrevious()).isZero();

            // queue, found unchanged by its content, was given the digest it was answered with.
            SnapshotSummary fifth = night(store, 4, hash, List.of(webStopped, db), List.of(batch, queue));
            assertThat(asked.getAndSet(0)).isEqualTo(recognizing ? 0 : 4);
            assertThat(state(store, fifth.id())).isEqualTo(json(webStopped, db, batch, queue));
        }
    }

    /** Writes as the crawl does ({@link #digested}) or as an import does. */
    private void write(SnapshotWriter w, Scope scope, List<CanonicalResource> resources) {
        if (digested) {
            w.writeSearched(scope, resources.stream().map(this::searched).toList());
        } else {
            w.write(scope, resources);
        }
    }

    /** As the crawl has it: a digest of what Search answered, here of its canonical JSON and region, one to one. */
    private SearchedResource searched(CanonicalResource r) {
        ByteBuffer digest = ByteBuffer.wrap(Sha256.bytes(Canonicalizer.sha256(r.region() + r.json())));
        return SearchedResource.digested(digest.getLong(), digest.getLong(), () -> {
            asked.incrementAndGet();
            return r;
        });
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
            write(w, ASHBURN_A, a);
            write(w, ASHBURN_B, b);
            w.scopeDone(ok(ASHBURN_A, a.size()));
            w.scopeDone(ok(ASHBURN_B, b.size()));
            return w.commit();
        }
    }
}
