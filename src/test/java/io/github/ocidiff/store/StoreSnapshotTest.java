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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.crawl.CanonicalResource;
import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.crawl.ScopeCoverage;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.crawl.SnapshotSummary;
import io.github.ocidiff.crawl.SnapshotWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSnapshotTest {

    @TempDir
    Path dir;
    private Path prefix;

    private final CanonicalResource web = resource(ASHBURN_A, "web", "RUNNING");
    private final CanonicalResource db = resource(ASHBURN_A, "db", "RUNNING");
    private final CanonicalResource batch = resource(ASHBURN_B, "batch", "RUNNING");
    private final CanonicalResource cache = resource(FRANKFURT_A, "cache", "RUNNING");

    @BeforeEach
    void setUp() {
        prefix = dir.resolve("snapshots/ocidiff");
    }

    @Test
    void readsTheStateAtEachSnapshotExactly() {
        CanonicalResource webStopped = resource(ASHBURN_A, "web", "STOPPED");
        CanonicalResource queue = resource(ASHBURN_B, "queue", "ACTIVE");
        try (Store store = Store.open(prefix)) {
            SnapshotSummary first = snapshot(store, 0, Map.of(ASHBURN_A, List.of(web, db), ASHBURN_B, List.of(batch),
                    FRANKFURT_A, List.of(cache)));
            SnapshotSummary second = snapshot(store, 1, Map.of(ASHBURN_A, List.of(webStopped), ASHBURN_B,
                    List.of(batch, queue), FRANKFURT_A, List.of(cache)));

            assertThat(first.status()).isEqualTo(SnapshotStatus.COMPLETE);
            assertThat(first.resources()).isEqualTo(4);
            assertThat(second.resources()).isEqualTo(4);
            assertThat(state(store, first.id())).isEqualTo(json(web, db, batch, cache));
            assertThat(state(store, second.id())).isEqualTo(json(webStopped, batch, queue, cache));

            List<SnapshotInfo> snapshots = store.snapshots();
            assertThat(snapshots).extracting(SnapshotInfo::id).containsExactly(first.id(), second.id());
            assertThat(snapshots.get(1).changesFromPrevious()).isEqualTo(3);
            assertThat(snapshots.get(1).day()).isEqualTo(LocalDate.parse("2026-11-02"));
            assertThat(snapshots.get(1).source()).isEqualTo("crawl");
            assertThat(store.coverage(second.id())).hasSize(3).allMatch(c -> c.ok());
        }
        try (Store reopened = Store.open(prefix)) {
            assertThat(state(reopened, 2)).isEqualTo(json(webStopped, batch, queue, cache));
            StoredResource stored = firstResource(reopened, 2, webStopped.ocid());
            assertThat(stored).isEqualTo(new StoredResource(webStopped.ocid(), "us-ashburn-1", "Instance",
                    ASHBURN_A.compartmentId(), "STOPPED", "web", webStopped.sha256(), webStopped.json()));
            assertThat(reopened.versionJson(web.ocid(), web.sha256())).isEqualTo(web.json());
        }
    }

    @Test
    void changesBetweenSnapshotsReadOnlyWhatDiffersAcrossSeveralNights() {
        CanonicalResource web2 = resource(ASHBURN_A, "web", "STOPPED");
        CanonicalResource web3 = resource(ASHBURN_A, "web", "TERMINATED");
        CanonicalResource dbRenamed = resource(ASHBURN_A, db.ocid(), "db-old", "RUNNING");
        CanonicalResource transientOne = resource(ASHBURN_A, "transient", "RUNNING");
        CanonicalResource created = resource(ASHBURN_B, "created", "RUNNING");
        try (Store store = Store.open(prefix)) {
            snapshot(store, 0, Map.of(ASHBURN_A, List.of(web, db), ASHBURN_B, List.of(batch)));
            snapshot(store, 1, Map.of(ASHBURN_A, List.of(web2, dbRenamed, transientOne), ASHBURN_B, List.of(batch)));
            snapshot(store, 2, Map.of(ASHBURN_A, List.of(web2, db, transientOne), ASHBURN_B, List.of(batch, created)));
            snapshot(store, 3, Map.of(ASHBURN_A, List.of(web3, db), ASHBURN_B, List.of(batch, created)));
            snapshot(store, 4, Map.of(ASHBURN_A, List.of(web3, db), ASHBURN_B, List.of(created)));

            List<IntervalEdge> changes = store.changesBetween(1, 5);

            // db went away and came back unchanged: no difference. transient lived and died in between: last.
            assertThat(changes).extracting(IntervalEdge::ocid)
                    .containsExactly(batch.ocid(), created.ocid(), web.ocid(), transientOne.ocid());
            assertThat(changes.get(0).before().json()).isEqualTo(batch.json());
            assertThat(changes.get(0).after()).isNull();
            assertThat(changes.get(1).before()).isNull();
            assertThat(changes.get(1).after().json()).isEqualTo(created.json());
            assertThat(changes.get(1).livedOnlyBetween()).isFalse();
            assertThat(changes.get(2).before().json()).isEqualTo(web.json());
            assertThat(changes.get(2).after().json()).isEqualTo(web3.json());
            IntervalEdge lived = changes.get(3);
            assertThat(lived.livedOnlyBetween()).isTrue();
            assertThat(lived.after().json()).isEqualTo(transientOne.json());
            assertThat(lived.endedAt()).isEqualTo(4);

            assertThat(store.changesBetween(2, 3)).extracting(IntervalEdge::ocid)
                    .containsExactlyInAnyOrder(db.ocid(), created.ocid());
            assertThat(store.changesBetween(3, 3)).isEmpty();
        }
    }

    @Test
    void tellsWhichResourcesCameBackAndWhenEachLastWent() {
        CanonicalResource created = resource(ASHBURN_B, "created", "RUNNING");
        try (Store store = Store.open(prefix)) {
            snapshot(store, 0, Map.of(ASHBURN_A, List.of(web, db), ASHBURN_B, List.of(batch)));
            snapshot(store, 1, Map.of(ASHBURN_A, List.of(web), ASHBURN_B, List.of(batch))); // 2: db went
            snapshot(store, 2, Map.of(ASHBURN_A, List.of(web, db), ASHBURN_B, List.of())); // 3: db back, batch went
            snapshot(store, 3, Map.of(ASHBURN_A, List.of(web), ASHBURN_B, List.of())); // 4: db went again
            snapshot(store, 4, Map.of(ASHBURN_A, List.of(web, db), ASHBURN_B, List.of(batch, created)));

            assertThat(store.wentBefore(List.of(db.ocid(), batch.ocid(), created.ocid(), web.ocid(), db.ocid()), 4))
                    .isEqualTo(Map.of(db.ocid(), 4L, batch.ocid(), 3L));
            // Before snapshot 3 only db's first absence had begun.
            assertThat(store.wentBefore(List.of(db.ocid(), batch.ocid()), 2)).isEqualTo(Map.of(db.ocid(), 2L));
            assertThat(store.wentBefore(List.of(), 4)).isEmpty();
            // More than one query's worth, the two that came back among them.
            List<String> many = new ArrayList<>();
            for (int i = 0; i < 1200; i++) {
                many.add(i == 600 ? batch.ocid() : "ocid1.instance.oc1..never" + i);
            }
            many.add(db.ocid());
            assertThat(store.wentBefore(many, 4)).isEqualTo(Map.of(db.ocid(), 4L, batch.ocid(), 3L));
        }
        // Each batch is looked up through the OCID key, not by reading every interval ended before 'from'.
        String plan = Resources.closedStore(prefix, dsl -> dsl.fetchValue("EXPLAIN " + dsl.renderInlined(
                IntervalQueries.wentBeforeQuery(dsl, List.of(web.ocid(), db.ocid()), 4)))).toString();
        assertThat(plan).contains("RESOURCE_INTERVAL_OCID_KEY: OCID_KEY IN(");
    }

    @Test
    void aFailedScopeCarriesItsResourcesForwardAndAnUndeclaredScopeCloses() {
        try (Store store = Store.open(prefix)) {
            snapshot(store, 0, Map.of(ASHBURN_A, List.of(web), ASHBURN_B, List.of(batch), FRANKFURT_A, List.of(cache)));
            SnapshotSummary partial;
            try (SnapshotWriter writer = secondNightOfAAndB(store)) {
                writer.write(ASHBURN_A, List.of(web));
                writer.scopeDone(ok(ASHBURN_A, 1));
                // A failure mid-paging: what was seen of the scope is not taken as its content.
                writer.write(ASHBURN_B, List.of(resource(ASHBURN_B, "half-seen", "RUNNING")));
                writer.scopeDone(failed(ASHBURN_B));
                partial = writer.commit();
            }

            assertThat(partial.status()).isEqualTo(SnapshotStatus.PARTIAL);
            assertThat(partial.failedScopes()).extracting(c -> c.scope()).containsExactly(ASHBURN_B);
            assertThat(state(store, partial.id())).isEqualTo(json(web, batch));
            assertThat(store.changesBetween(1, partial.id())).extracting(IntervalEdge::ocid)
                    .containsExactly(cache.ocid());
            assertThat(store.snapshot(partial.id()).orElseThrow().failedScopes()).isEqualTo(1);
            assertThat(store.coverage(partial.id())).extracting(c -> c.scope().compartmentId(), c -> c.ok())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ASHBURN_A.compartmentId(), true),
                            org.assertj.core.groups.Tuple.tuple(ASHBURN_B.compartmentId(), false));
        }
    }

    /**
     * A resource that moved into a scope whose paging then failed was seen, but only by that scope: it is carried
     * forward where it was, as the scope's own resources are, not ended as if gone.
     */
    @Test
    void aResourceMovedIntoAScopeThatThenFailedIsCarriedForwardNotEnded() {
        try (Store store = Store.open(prefix)) {
            snapshot(store, 0, Map.of(ASHBURN_A, List.of(web), ASHBURN_B, List.of(batch)));
            try (SnapshotWriter writer = secondNightOfAAndB(store)) {
                writer.write(ASHBURN_B, List.of(resource(ASHBURN_B, web.ocid(), "web", "RUNNING")));
                writer.scopeDone(failed(ASHBURN_B));
                writer.scopeDone(ok(ASHBURN_A, 0));
                SnapshotSummary partial = writer.commit();
                assertThat(state(store, partial.id())).isEqualTo(json(web, batch));
                assertThat(store.changesBetween(1, partial.id())).isEmpty();
            }
        }
    }

    /**
     * A scope collected fully, one of whose missing resources the crawl could not learn the fate of, counts as not
     * collected after all: what it changed, ended early, opens again, and all of it is carried forward.
     */
    @Test
    void aScopeWithAResourceOfUnknownFateCountsAsFailed() {
        try (Store store = Store.open(prefix)) {
            snapshot(store, 0, Map.of(ASHBURN_A, List.of(web, db), ASHBURN_B, List.of(batch)));
            try (SnapshotWriter writer = secondNightOfAAndB(store)) {
                writer.write(ASHBURN_A, List.of(resource(ASHBURN_A, "web", "STOPPED"),
                        resource(ASHBURN_A, "fresh", "RUNNING")));
                writer.scopeDone(ok(ASHBURN_A, 2));
                writer.write(ASHBURN_B, List.of(batch));
                writer.scopeDone(ok(ASHBURN_B, 1));
                assertThat(writer.unseenToLookUp()).isEqualTo(Map.of("us-ashburn-1", List.of(db.ocid())));
                assertThat(writer.fateUnknown(Map.of(db.ocid(), "Resource Search in us-ashburn-1 failed: 500")))
                        .singleElement().satisfies(c -> {
                            assertThat(c.scope()).isEqualTo(ASHBURN_A);
                            assertThat(c.ok()).isFalse();
                            assertThat(c.error()).isEqualTo("could not tell whether 1 resource missing from it since the"
                                    + " snapshot before were deleted or moved: Resource Search in us-ashburn-1 failed: 500");
                        });
                SnapshotSummary partial = writer.commit();
                assertThat(partial.status()).isEqualTo(SnapshotStatus.PARTIAL);
                assertThat(partial.failedScopes()).extracting(ScopeCoverage::scope).containsExactly(ASHBURN_A);
                assertThat(state(store, partial.id())).isEqualTo(json(web, db, batch));
                assertThat(store.changesBetween(1, partial.id())).isEmpty();
            }
        }
    }

    /** The second night's writer, with scopes A and B declared. */
    private static SnapshotWriter secondNightOfAAndB(Store store) {
        SnapshotWriter writer = store.begin(NIGHT.plusSeconds(86_400), "tenancy", "crawl");
        writer.declareScopes(List.of(ASHBURN_A, ASHBURN_B));
        return writer;
    }

    @Test
    void aScopeNeverReportedDoneCountsAsFailed() {
        try (Store store = Store.open(prefix)) {
            snapshot(store, 0, Map.of(ASHBURN_A, List.of(web), ASHBURN_B, List.of(batch)));
            try (SnapshotWriter writer = secondNightOfAAndB(store)) {
                writer.scopeDone(ok(ASHBURN_A, 0));
                SnapshotSummary summary = writer.commit();
                assertThat(summary.status()).isEqualTo(SnapshotStatus.PARTIAL);
                assertThat(summary.failedScopes().get(0).error()).contains("without reporting");
                assertThat(state(store, summary.id())).isEqualTo(json(batch));
            }
        }
    }

    @Test
    void aFailedSnapshotChangesNothing() {
        try (Store store = Store.open(prefix)) {
            snapshot(store, 0, Map.of(ASHBURN_A, List.of(web, db)));
            int before = 0;
            SnapshotSummary failedRun;
            try (SnapshotWriter writer = store.begin(NIGHT.plusSeconds(86_400), "tenancy", "crawl")) {
                writer.declareScopes(List.of(ASHBURN_A));
                writer.write(ASHBURN_A, List.of(resource(ASHBURN_A, "web", "STOPPED")));
                writer.scopeDone(failed(ASHBURN_A));
                failedRun = writer.commit();
            }
            assertThat(failedRun.status()).isEqualTo(SnapshotStatus.FAILED);
            assertThat(failedRun.resources()).isEqualTo(2);
            assertThat(state(store, failedRun.id())).isEqualTo(json(web, db));
            assertThat(store.changesBetween(1, failedRun.id())).isEmpty();
            assertThat(store.snapshot(failedRun.id()).orElseThrow().changesFromPrevious()).isEqualTo(before);
        }
        assertThat(Resources.intervals(prefix)).isEqualTo(2);
        // The content seen only by the failed run is not kept.
        assertThat(Resources.versions(prefix)).isEqualTo(2);
    }

    @Test
    void aResourceReportedByTwoScopesIsKeptOnceFromItsOwnCompartment() {
        CanonicalResource own = resource(ASHBURN_A, "shared", "RUNNING");
        CanonicalResource seenElsewhere = resource(ASHBURN_A, own.ocid(), "shared-stale", "RUNNING");
        try (Store store = Store.open(prefix)) {
            try (SnapshotWriter writer = store.begin(NIGHT, "tenancy", "crawl")) {
                writer.declareScopes(List.of(ASHBURN_A, ASHBURN_B));
                // Reported under B first (as if B's query had returned it), then twice under A (paging shift).
                writer.write(ASHBURN_B, List.of(seenElsewhere));
                writer.write(ASHBURN_A, List.of(own));
                writer.write(ASHBURN_A, List.of(own));
                writer.scopeDone(ok(ASHBURN_A, 1));
                writer.scopeDone(ok(ASHBURN_B, 1));
                assertThat(writer.commit().resources()).isEqualTo(1);
            }
            assertThat(state(store, 1)).isEqualTo(json(own));
        }
    }

    @Test
    void crawlThreadsWriteConcurrently() throws Exception {
        List<Scope> scopes = List.of(ASHBURN_A, ASHBURN_B, FRANKFURT_A);
        Map<String, String> expected = new java.util.HashMap<>();
        try (Store store = Store.open(prefix)) {
            try (SnapshotWriter writer = store.begin(NIGHT, "tenancy", "crawl")) {
                writer.declareScopes(scopes);
                List<Thread> threads = new java.util.ArrayList<>();
                for (Scope scope : scopes) {
                    for (int t = 0; t < 2; t++) {
                        List<CanonicalResource> page = new java.util.ArrayList<>();
                        for (int i = 0; i < 500; i++) {
                            page.add(resource(scope, "scope" + scopes.indexOf(scope) + "-thread" + t + "-" + i, "RUNNING"));
                        }
                        page.forEach(r -> expected.put(r.ocid(), r.json()));
                        threads.add(new Thread(() -> page.forEach(r -> writer.write(scope, List.of(r)))));
                    }
                }
                threads.forEach(Thread::start);
                for (Thread thread : threads) {
                    thread.join();
                }
                scopes.forEach(scope -> writer.scopeDone(ok(scope, 1000)));
                assertThat(writer.commit().resources()).isEqualTo(3000);
            }
            assertThat(state(store, 1)).isEqualTo(expected);
        }
    }

    @Test
    void rejectsResourcesOfUndeclaredScopesAndSnapshotsOutOfOrder() {
        try (Store store = Store.open(prefix)) {
            try (SnapshotWriter writer = store.begin(NIGHT, "tenancy", "crawl")) {
                writer.declareScopes(List.of(ASHBURN_A));
                assertThatThrownBy(() -> writer.write(ASHBURN_B, List.of(batch)))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("was not declared");
                assertThatThrownBy(() -> writer.write(ASHBURN_A, List.of(cache)))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("region eu-frankfurt-1");
                writer.write(ASHBURN_A, List.of(web));
                writer.scopeDone(ok(ASHBURN_A, 1));
                writer.commit();
            }
            assertThatThrownBy(() -> store.begin(NIGHT, "tenancy", "import"))
                    .isInstanceOf(OcidiffException.class)
                    .hasMessageContaining("snapshots must be added in time order (import older dates first");
            assertThatThrownBy(() -> store.begin(NIGHT, "tenancy", "crawl"))
                    .isInstanceOf(OcidiffException.class)
                    .hasMessageEndingWith("snapshots must be added in time order (--at later than that)");
            assertThatThrownBy(() -> store.begin(NIGHT.plusSeconds(1), "tenancy", "replay"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void deletingTheLatestSnapshotRestoresThePreviousState() {
        CanonicalResource webStopped = resource(ASHBURN_A, "web", "STOPPED");
        try (Store store = Store.open(prefix)) {
            snapshot(store, 0, Map.of(ASHBURN_A, List.of(web, db), ASHBURN_B, List.of(batch)));
            snapshot(store, 1, Map.of(ASHBURN_A, List.of(web, db), ASHBURN_B, List.of(batch)));
            SnapshotSummary third = snapshot(store, 2, Map.of(ASHBURN_A, List.of(webStopped), ASHBURN_B,
                    List.of(batch, cacheIn(ASHBURN_B))));

            assertThatThrownBy(() -> store.deleteSnapshot(2))
                    .isInstanceOf(OcidiffException.class)
                    .hasMessageContaining("only the latest snapshot (3)");
            store.deleteSnapshot(third.id());

            assertThat(store.snapshots()).extracting(SnapshotInfo::id).containsExactly(1L, 2L);
            assertThat(store.snapshot(third.id())).isEmpty();
            assertThat(state(store, 2)).isEqualTo(json(web, db, batch));
            // The replacement sees the restored state as its previous one.
            SnapshotSummary replacement = snapshot(store, 2, Map.of(ASHBURN_A, List.of(web, db), ASHBURN_B,
                    List.of(batch)));
            assertThat(store.snapshot(replacement.id()).orElseThrow().changesFromPrevious()).isZero();
        }
        assertThat(Resources.intervals(prefix)).isEqualTo(3);
        assertThat(Resources.versions(prefix)).isEqualTo(3);
    }

    /** A first night retaken (--force, or replacing a PARTIAL one): the store is emptied, not deleted row by row. */
    @Test
    void deletingTheOnlySnapshotEmptiesTheStoreWithoutGrowingIt() throws Exception {
        Path file = Path.of(prefix + ".mv.db");
        List<CanonicalResource> many = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            many.add(resource(ASHBURN_A, "many-" + i, "RUNNING"));
        }
        try (Store store = Store.open(prefix)) {
            long id = snapshot(store, 0, Map.of(ASHBURN_A, many)).id();
            long before = Files.size(file);
            store.deleteSnapshot(id);
            assertThat(Files.size(file)).isLessThanOrEqualTo(before + before / 10);
            assertThat(store.snapshots()).isEmpty();
            assertThat(Resources.intervals(prefix)).isZero();

            SnapshotSummary again = snapshot(store, 0, Map.of(ASHBURN_A, List.of(web, db)));
            assertThat(state(store, again.id())).isEqualTo(json(web, db));
        }
        assertThat(Resources.versions(prefix)).isEqualTo(2);
    }

    @Test
    void aResourceBackWithContentItHadBeforeStoresItAgain() {
        try (Store store = Store.open(prefix)) {
            snapshot(store, 0, Map.of(ASHBURN_A, List.of(web, db)));
            snapshot(store, 1, Map.of(ASHBURN_A, List.of(web)));
            // db is new to the latest state again, with the content it had in snapshot 1.
            SnapshotSummary back = snapshot(store, 2, Map.of(ASHBURN_A, List.of(web, db)));

            assertThat(state(store, back.id())).isEqualTo(json(web, db));
            assertThat(store.versionsOf(db.ocid())).extracting(v -> v.resource().json())
                    .containsExactly(db.json(), db.json());
        }
        // Versions are not shared by content (migration V7): a change costs its version, even back.
        assertThat(Resources.intervals(prefix)).isEqualTo(3);
        assertThat(Resources.versions(prefix)).isEqualTo(3);
    }

    @Test
    void unknownSnapshotIdsAreAUsageError() {
        try (Store store = Store.open(prefix)) {
            assertThat(store.latestCommitted()).isEmpty();
            assertThatThrownBy(() -> store.forEachResourceAt(7, r -> { }))
                    .isInstanceOf(OcidiffException.class)
                    .hasMessageContaining("has no snapshot 7");
        }
    }

    private static CanonicalResource cacheIn(Scope scope) {
        return resource(scope, "cache", "RUNNING");
    }

    private static StoredResource firstResource(Store store, long id, String ocid) {
        StoredResource[] found = new StoredResource[1];
        store.forEachResourceAt(id, r -> {
            if (r.ocid().equals(ocid)) {
                found[0] = r;
            }
        });
        return found[0];
    }

    /** One snapshot, night {@code night} after the first, every scope collected fully. */
    static SnapshotSummary snapshot(Store store, int night, Map<Scope, List<CanonicalResource>> scopes) {
        try (SnapshotWriter writer = store.begin(NIGHT.plusSeconds(86_400L * night), "ocid1.tenancy.oc1..t", "crawl")) {
            writer.declareScopes(List.copyOf(scopes.keySet()));
            scopes.forEach((scope, resources) -> {
                writer.write(scope, resources);
                writer.scopeDone(ok(scope, resources.size()));
            });
            return writer.commit();
        }
    }
}
