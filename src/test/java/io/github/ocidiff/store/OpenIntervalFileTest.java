package io.github.ocidiff.store;

import static io.github.ocidiff.store.Resources.ASHBURN_A;
import static io.github.ocidiff.store.Resources.NIGHT;
import static io.github.ocidiff.store.Resources.json;
import static io.github.ocidiff.store.Resources.ok;
import static io.github.ocidiff.store.Resources.resource;
import static io.github.ocidiff.store.Resources.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ocidiff.crawl.CanonicalResource;
import io.github.ocidiff.crawl.SnapshotSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The open intervals saved beside the store are read only when they are exactly the latest committed
 * state; a stale, foreign, damaged or missing file is scanned around, and the nights come out right.
 */
class OpenIntervalFileTest {

    @TempDir
    Path dir;

    private final CanonicalResource web = resource(ASHBURN_A, "web", "RUNNING");
    private final CanonicalResource webStopped = resource(ASHBURN_A, "web", "STOPPED");
    private final CanonicalResource db = resource(ASHBURN_A, "db", "RUNNING");
    private final CanonicalResource queue = resource(ASHBURN_A, "queue", "ACTIVE");

    @Test
    void eachNightReadsTheFileTheCommitBeforeSaved() {
        Path prefix = dir.resolve("ocidiff");
        try (Store store = Store.open(prefix)) {
            assertThat(night(store, 0, false, web, db).resources()).isEqualTo(2);
            assertThat(file(prefix)).exists();
            night(store, 1, true, webStopped, db, queue);
            night(store, 2, true, webStopped, queue);
            assertThat(state(store, 3)).isEqualTo(json(webStopped, queue));
            assertThat(store.changesBetween(1, 3)).extracting(IntervalEdge::ocid)
                    .containsExactlyInAnyOrder(web.ocid(), db.ocid(), queue.ocid());
        }
    }

    @Test
    void aFileOfAnEarlierSnapshotIsNotRead() throws Exception {
        Path prefix = dir.resolve("ocidiff");
        try (Store store = Store.open(prefix)) {
            night(store, 0, false, web, db);
            byte[] afterFirst = Files.readAllBytes(file(prefix));
            night(store, 1, true, webStopped, db);
            // As many intervals, but web's is the one the second night closed: read, it would be closed again.
            Files.write(file(prefix), afterFirst);
            night(store, 2, false, webStopped, db);
            assertThat(store.versionsOf(web.ocid())).extracting(ResourceVersion::validTo).containsExactly(2L, null);
            assertThat(store.snapshot(3).orElseThrow().changesFromPrevious()).isZero();
            assertThat(state(store, 2)).isEqualTo(json(webStopped, db));
        }
    }

    @Test
    void aFileOfAnotherStoresSnapshotOfTheSameIdIsNotRead() throws Exception {
        Path other = dir.resolve("other");
        try (Store store = Store.open(other)) {
            night(store, 0, false, queue, resource(ASHBURN_A, "cache", "RUNNING"));
        }
        Path prefix = dir.resolve("ocidiff");
        try (Store store = Store.open(prefix)) {
            night(store, 0, false, web, db);
            // Snapshot 1 of as many resources, told apart by when it was committed.
            Files.copy(file(other), file(prefix), StandardCopyOption.REPLACE_EXISTING);
            night(store, 1, false, web, db);
            assertThat(state(store, 2)).isEqualTo(json(web, db));
            assertThat(store.snapshot(2).orElseThrow().changesFromPrevious()).isZero();
            assertThat(store.versionsOf(web.ocid())).hasSize(1);
        }
    }

    @Test
    void aDamagedOrCutFileIsNotRead() throws Exception {
        Path prefix = dir.resolve("ocidiff");
        try (Store store = Store.open(prefix)) {
            night(store, 0, false, web, db);
            byte[] bytes = Files.readAllBytes(file(prefix));
            // A bit flipped in the first entry's SHA-256: without the checksum, web would look changed.
            bytes[40] ^= 1;
            Files.write(file(prefix), bytes);
            night(store, 1, false, web, db);
            assertThat(store.snapshot(2).orElseThrow().changesFromPrevious()).isZero();

            bytes = Files.readAllBytes(file(prefix));
            Files.write(file(prefix), Arrays.copyOf(bytes, bytes.length - 20));
            night(store, 2, false, web, db);
            Files.delete(file(prefix));
            night(store, 3, false, webStopped, db);
            assertThat(state(store, 4)).isEqualTo(json(webStopped, db));
            night(store, 4, true, webStopped, db);
        }
    }

    @Test
    void deletingOrPruningSnapshotsForgetsTheFile() {
        Path prefix = dir.resolve("ocidiff");
        try (Store store = Store.open(prefix)) {
            night(store, 0, false, web, db);
            night(store, 1, true, webStopped, db);
            store.deleteSnapshot(2);
            assertThat(file(prefix)).doesNotExist();
            night(store, 1, false, webStopped);
            assertThat(file(prefix)).exists();
            store.pruneBefore(3, LocalDate.of(2026, 11, 1));
            assertThat(file(prefix)).doesNotExist();
            night(store, 2, false, webStopped, queue);
            assertThat(state(store, 4)).isEqualTo(json(webStopped, queue));
        }
    }

    @Test
    void aStoreUpgradedSinceTheFileWasSavedIsScannedInstead() {
        Path prefix = dir.resolve("ocidiff");
        try (Store store = Store.open(prefix)) {
            night(store, 0, false, web, db);
            night(store, 1, true, webStopped, db);
            // Undoing night 1 leaves a gap in the intervals' row ids; night 1 again saves the ids after it.
            store.deleteSnapshot(2);
            night(store, 1, false, webStopped, db);
            assertThat(file(prefix)).exists();
        }
        // What an upgrade whose migration adds a column (V6, V7) does: H2 copies the table and numbers its rows
        // anew, closing the gap; the saved file still names the latest snapshot, with the old row ids. Here
        // a column added and dropped copies it, and the migrations from V8 on (every statement of which may run
        // again) are pending, as for a store of V7.
        Resources.closedStore(prefix, dsl -> {
            dsl.execute("ALTER TABLE resource_interval ADD COLUMN scratch INT");
            dsl.execute("ALTER TABLE resource_interval DROP COLUMN scratch");
            return dsl.execute("DELETE FROM \"flyway_schema_history\" WHERE CAST(\"version\" AS INT) >= 8");
        });

        try (Store store = Store.open(prefix)) {
            assertThat(file(prefix)).as("deleted by the upgrade").doesNotExist();
            night(store, 2, false, web, db);
            assertThat(state(store, 4)).isEqualTo(json(web, db));
            assertThat(store.versionsOf(web.ocid())).extracting(ResourceVersion::validTo).containsExactly(3L, 4L, null);
            assertThat(store.versionsOf(db.ocid())).extracting(ResourceVersion::validTo).containsExactly((Long) null);
        }
    }

    /**
     * An upgrade whose migrations leave the intervals' rows where they are (V9-V11 change other tables) keeps the
     * saved file, and the night after it reads the latest state from it rather than compare every resource.
     */
    @Test
    void anUpgradeThatLeavesTheIntervalsAloneKeepsTheFile() {
        Path prefix = dir.resolve("ocidiff");
        try (Store store = Store.open(prefix)) {
            night(store, 0, false, web, db);
            night(store, 1, true, webStopped, db);
        }
        Resources.closedStore(prefix, dsl -> dsl.execute("DELETE FROM \"flyway_schema_history\" WHERE CAST(\"version\""
                + " AS INT) >= 9"));

        try (Store store = Store.open(prefix)) {
            assertThat(file(prefix)).as("kept by the upgrade").exists();
            night(store, 2, true, web, db);
            assertThat(state(store, 3)).isEqualTo(json(web, db));
        }
    }

    /** A night whose scope saw {@code resources}, checking where the latest state came from. */
    private static SnapshotSummary night(Store store, int night, boolean fromFile, CanonicalResource... resources) {
        try (StagedSnapshotWriter writer = (StagedSnapshotWriter) store.begin(NIGHT.plusSeconds(86_400L * night),
                "tenancy", "crawl")) {
            assertThat(writer.latestStateFromFile()).as("latest state read from the saved file").isEqualTo(fromFile);
            writer.declareScopes(List.of(ASHBURN_A));
            writer.write(ASHBURN_A, List.of(resources));
            writer.scopeDone(ok(ASHBURN_A, resources.length));
            return writer.commit();
        }
    }

    private static Path file(Path prefix) {
        return Path.of(prefix + ".open-intervals");
    }
}
