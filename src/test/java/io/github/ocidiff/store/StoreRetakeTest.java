package io.github.ocidiff.store;

import static io.github.ocidiff.store.Resources.ASHBURN_A;
import static io.github.ocidiff.store.Resources.ASHBURN_B;
import static io.github.ocidiff.store.Resources.NIGHT;
import static io.github.ocidiff.store.Resources.failed;
import static io.github.ocidiff.store.Resources.json;
import static io.github.ocidiff.store.Resources.ok;
import static io.github.ocidiff.store.Resources.resource;
import static io.github.ocidiff.store.Resources.state;
import static io.github.ocidiff.store.StoreSnapshotTest.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.crawl.CanonicalResource;
import io.github.ocidiff.crawl.Narrowing;
import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.crawl.SnapshotSummary;
import io.github.ocidiff.crawl.SnapshotWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A same-day snapshot taken again: the one it replaces stays until the retake commits, then goes. */
class StoreRetakeTest {

    private static final String TENANCY = "ocid1.tenancy.oc1..t";
    /** The retake of the second night, an hour after it. */
    private static final Instant RETAKE = NIGHT.plusSeconds(86_400L + 3_600);

    @TempDir
    Path dir;
    private Path prefix;

    private final CanonicalResource web = resource(ASHBURN_A, "web", "RUNNING");
    private final CanonicalResource db = resource(ASHBURN_A, "db", "RUNNING");
    private final CanonicalResource dbStopped = resource(ASHBURN_A, "db", "STOPPED");
    private final CanonicalResource batch = resource(ASHBURN_B, "batch", "RUNNING");
    private final CanonicalResource cache = resource(ASHBURN_B, "cache", "RUNNING");
    private final CanonicalResource app = resource(ASHBURN_A, "app", "RUNNING");
    private final CanonicalResource appStopped = resource(ASHBURN_A, "app", "STOPPED");
    private final CanonicalResource passing = resource(ASHBURN_A, "passing", "RUNNING");
    private final CanonicalResource created = resource(ASHBURN_B, "created", "RUNNING");

    /** The first night, and the second as first taken: db and app modified, batch gone, passing and created new. */
    private final Map<Scope, List<CanonicalResource>> first = Map.of(ASHBURN_A, List.of(web, db, app),
            ASHBURN_B, List.of(batch, cache));
    private final Map<Scope, List<CanonicalResource>> second = Map.of(ASHBURN_A, List.of(web, dbStopped, appStopped,
            passing), ASHBURN_B, List.of(cache, created));
    /** The second night taken again: db back as it was, batch back, passing gone again, cache deleted. */
    private final Map<Scope, List<CanonicalResource>> retaken = Map.of(ASHBURN_A, List.of(web, db, appStopped),
            ASHBURN_B, List.of(batch, created));

    @BeforeEach
    void setUp() {
        prefix = dir.resolve("snapshots/ocidiff");
    }

    @Test
    void aRetakeReplacesTheDaysSnapshotAsIfItHadBeenTakenInstead() {
        long retakeId;
        try (Store store = Store.open(prefix)) {
            long p = snapshot(store, 0, first).id();
            SnapshotInfo n = store.snapshot(snapshot(store, 1, second).id()).orElseThrow();
            SnapshotSummary m = retake(store, n, RETAKE, retaken);
            retakeId = m.id();

            assertThat(store.snapshots()).extracting(SnapshotInfo::id).containsExactly(p, m.id());
            assertThat(state(store, p)).isEqualTo(json(web, db, app, batch, cache));
            assertThat(state(store, m.id())).isEqualTo(json(web, db, appStopped, batch, created));
            // db and batch back as they were, passing lived and died between the two: none of them differ.
            assertThat(store.changesBetween(p, m.id())).extracting(IntervalEdge::ocid)
                    .containsExactlyInAnyOrder(app.ocid(), cache.ocid(), created.ocid());
            assertThat(store.snapshot(m.id()).orElseThrow().changesFromPrevious()).isEqualTo(3);
            assertThat(store.snapshot(m.id()).orElseThrow().resourceCount()).isEqualTo(5);
            // Each step of a resource's history names a snapshot there is.
            assertThat(store.versionsOf(created.ocid())).extracting(ResourceVersion::validFrom).containsExactly(m.id());
            assertThat(store.versionsOf(app.ocid())).extracting(ResourceVersion::validFrom, ResourceVersion::validTo)
                    .containsExactly(tuple(p, m.id()),
                            tuple(m.id(), null));
            assertThat(store.versionsOf(passing.ocid())).isEmpty();
            // Back as they were: one version since the first night, not a second of the same content from the retake.
            assertThat(store.versionsOf(db.ocid())).extracting(ResourceVersion::validFrom, ResourceVersion::validTo)
                    .containsExactly(tuple(p, null));
            assertThat(store.versionsOf(batch.ocid())).extracting(v -> v.resource().json()).containsExactly(batch.json());

            assertTheNextNightReadsTheSavedLatestState(store, 2);

            // The state before the retake is what deleting it brings back, as for any latest snapshot.
            store.deleteSnapshot(m.id());
            assertThat(state(store, p)).isEqualTo(json(web, db, app, batch, cache));
            assertThat(store.snapshots()).extracting(SnapshotInfo::id).containsExactly(p);
            SnapshotSummary again = snapshot(store, 1, retaken);
            assertThat(store.snapshot(again.id()).orElseThrow().changesFromPrevious()).isEqualTo(3);
        }
        // Nothing of the replaced or deleted snapshots is left behind: the intervals and versions of two nights.
        assertThat(Resources.intervals(prefix)).isEqualTo(7);
        assertThat(Resources.versions(prefix)).isEqualTo(7);
        assertThat(retakeId).isEqualTo(3);
    }

    /** The night after a retake reads the latest state it saved, row ids and all, and ends the right intervals. */
    @Test
    void theNightAfterARetakeChangesWhatItTookAgain() {
        try (Store store = Store.open(prefix)) {
            long p = snapshot(store, 0, first).id();
            SnapshotInfo n = store.snapshot(snapshot(store, 1, second).id()).orElseThrow();
            long m = retake(store, n, RETAKE, retaken).id();
            CanonicalResource createdStopped = resource(ASHBURN_B, "created", "STOPPED");
            SnapshotSummary next;
            try (StagedSnapshotWriter writer = (StagedSnapshotWriter) store.begin(NIGHT.plusSeconds(2 * 86_400L),
                    TENANCY, "crawl")) {
                assertThat(writer.latestStateFromFile()).isTrue();
                writer.declareScopes(List.of(ASHBURN_A, ASHBURN_B));
                // app and created began at the replaced snapshot, now at the retake: both change, web goes.
                writer.write(ASHBURN_A, List.of(db, app));
                writer.scopeDone(ok(ASHBURN_A, 2));
                writer.write(ASHBURN_B, List.of(batch, createdStopped));
                writer.scopeDone(ok(ASHBURN_B, 2));
                next = writer.commit();
            }
            assertThat(state(store, next.id())).isEqualTo(json(db, app, batch, createdStopped));
            assertThat(state(store, m)).isEqualTo(json(web, db, appStopped, batch, created));
            assertThat(state(store, p)).isEqualTo(json(web, db, app, batch, cache));
            assertThat(store.changesBetween(m, next.id())).extracting(IntervalEdge::ocid)
                    .containsExactlyInAnyOrder(web.ocid(), app.ocid(), created.ocid());
            assertThat(store.versionsOf(created.ocid())).extracting(ResourceVersion::validFrom, ResourceVersion::validTo)
                    .containsExactly(tuple(m, next.id()), tuple(next.id(), null));
        }
    }

    @Test
    void aRetakeNotCommittedLeavesTheDaysSnapshotAsItWas() {
        try (Store store = Store.open(prefix)) {
            snapshot(store, 0, first);
            SnapshotInfo n = store.snapshot(snapshot(store, 1, second).id()).orElseThrow();
            try (SnapshotWriter writer = store.retake(RETAKE, TENANCY, "crawl", Narrowing.NONE, n)) {
                writer.declareScopes(List.copyOf(retaken.keySet()));
                writer.write(ASHBURN_A, retaken.get(ASHBURN_A));
                // Closed without a commit: the run stopped.
            }
            assertThat(store.latestCommitted()).contains(n);
            assertThat(state(store, n.id())).isEqualTo(json(web, dbStopped, appStopped, passing, cache, created));
        }
    }

    @Test
    void aFailedRetakeReplacesNothing() {
        try (Store store = Store.open(prefix)) {
            snapshot(store, 0, first);
            SnapshotInfo n = store.snapshot(snapshot(store, 1, second).id()).orElseThrow();
            SnapshotSummary m;
            try (SnapshotWriter writer = store.retake(RETAKE, TENANCY, "crawl", Narrowing.NONE, n)) {
                writer.declareScopes(List.copyOf(retaken.keySet()));
                retaken.keySet().forEach(scope -> writer.scopeDone(failed(scope)));
                m = writer.commit();
            }
            assertThat(m.status()).isEqualTo(SnapshotStatus.FAILED);
            assertThat(store.snapshots()).extracting(SnapshotInfo::id).containsExactly(1L, n.id(), m.id());
            assertThat(state(store, n.id())).isEqualTo(json(web, dbStopped, appStopped, passing, cache, created));
        }
    }

    @Test
    void aRetakeOfTheFirstNightLeavesOnlyItself() {
        long m;
        try (Store store = Store.open(prefix)) {
            SnapshotInfo n = store.snapshot(snapshot(store, 0, first).id()).orElseThrow();
            // An import of the same date again is taken at the same time.
            m = retake(store, n, n.takenAt(), retaken).id();

            assertThat(store.snapshots()).extracting(SnapshotInfo::id).containsExactly(m);
            assertThat(state(store, m)).isEqualTo(json(web, db, appStopped, batch, created));
            // A first night counts every resource as a change.
            assertThat(store.snapshot(m).orElseThrow().changesFromPrevious()).isEqualTo(5);
            assertThat(store.versionsOf(web.ocid())).extracting(ResourceVersion::validFrom).containsExactly(m);
            assertThat(store.versionsOf(app.ocid())).extracting(ResourceVersion::validFrom).containsExactly(m);

            assertTheNextNightReadsTheSavedLatestState(store, 1);
            SnapshotSummary next = snapshot(store, 1, retaken);
            assertThat(store.snapshot(next.id()).orElseThrow().changesFromPrevious()).isZero();
            assertThat(store.changesBetween(m, next.id())).isEmpty();
        }
        // The first night's web, db, batch and the retake's app and created (cache's and app's first intervals
        // gone; their versions stay in the first night's block, which web, db and batch still need, as pruning leaves it).
        assertThat(Resources.intervals(prefix)).isEqualTo(5);
        assertThat(Resources.versions(prefix)).isEqualTo(7);
    }

    @Test
    void onlyTheLatestSnapshotNotPinnedNorOlderThanTheRetakeCanBeReplaced() {
        try (Store store = Store.open(prefix)) {
            SnapshotInfo p = store.snapshot(snapshot(store, 0, first).id()).orElseThrow();
            SnapshotInfo n = store.snapshot(snapshot(store, 1, second).id()).orElseThrow();
            assertThatThrownBy(() -> store.retake(RETAKE, TENANCY, "crawl", Narrowing.NONE, p))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> store.retake(n.takenAt().minusSeconds(1), TENANCY, "crawl", Narrowing.NONE, n))
                    .isInstanceOf(OcidiffException.class)
                    .hasMessageContaining("must be added in time order");
            store.addBaseline(new Baseline("approved", n.id(), "", List.of(), List.of(), RETAKE));
            assertThatThrownBy(() -> store.retake(RETAKE, TENANCY, "crawl", Narrowing.NONE, n))
                    .isInstanceOf(OcidiffException.class)
                    .hasMessageContaining("baseline approved pins it");
            assertThat(store.snapshots()).extracting(SnapshotInfo::id).containsExactly(p.id(), n.id());
        }
    }

    /** The retake saved the latest state beside the store for the night after it, which begins, reads it, and stops. */
    private static void assertTheNextNightReadsTheSavedLatestState(Store store, int night) {
        try (StagedSnapshotWriter next = (StagedSnapshotWriter) store.begin(NIGHT.plusSeconds(86_400L * night), TENANCY,
                "crawl")) {
            assertThat(next.latestStateFromFile()).as("latest state read from the saved file").isTrue();
        }
    }

    private static SnapshotSummary retake(Store store, SnapshotInfo replaced, Instant at,
                                          Map<Scope, List<CanonicalResource>> scopes) {
        try (SnapshotWriter writer = store.retake(at, TENANCY, "crawl", Narrowing.NONE, replaced)) {
            writer.declareScopes(List.copyOf(scopes.keySet()));
            scopes.forEach((scope, resources) -> {
                writer.write(scope, resources);
                writer.scopeDone(ok(scope, resources.size()));
            });
            return writer.commit();
        }
    }
}
