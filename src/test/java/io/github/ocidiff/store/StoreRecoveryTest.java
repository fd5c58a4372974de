package io.github.ocidiff.store;

import static io.github.ocidiff.store.Resources.ASHBURN_A;
import static io.github.ocidiff.store.Resources.NIGHT;
import static io.github.ocidiff.store.Resources.json;
import static io.github.ocidiff.store.Resources.resource;
import static io.github.ocidiff.store.Resources.rows;
import static io.github.ocidiff.store.Resources.state;
import static io.github.ocidiff.store.jooq.Tables.RESOURCE_INTERVAL;
import static io.github.ocidiff.store.jooq.Tables.SNAPSHOT;
import static io.github.ocidiff.store.jooq.Tables.SNAPSHOT_STAGING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ocidiff.Immutable;
import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.crawl.CanonicalResource;
import io.github.ocidiff.crawl.SnapshotWriter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An interrupted snapshot never becomes visible, and the next open cleans up after it. */
class StoreRecoveryTest {

    @TempDir
    Path dir;

    private final CanonicalResource web = resource(ASHBURN_A, "web", "RUNNING");
    private final CanonicalResource db = resource(ASHBURN_A, "db", "RUNNING");

    @Test
    void anAbandonedWriterLeavesNothingBehind() {
        Path prefix = dir.resolve("ocidiff");
        try (Store store = Store.open(prefix)) {
            StoreSnapshotTest.snapshot(store, 0, Map.of(ASHBURN_A, List.of(web, db)));
            try (SnapshotWriter writer = store.begin(NIGHT.plusSeconds(86_400), "tenancy", "crawl")) {
                writer.declareScopes(List.of(ASHBURN_A));
                writer.write(ASHBURN_A, List.of(resource(ASHBURN_A, "web", "STOPPED"), resource(ASHBURN_A, "new", "RUNNING")));
            }
            assertThat(store.snapshots()).hasSize(1);
            assertThat(state(store, 1)).isEqualTo(json(web, db));

            // Closing the store with a writer still open abandons it too.
            SnapshotWriter open = store.begin(NIGHT.plusSeconds(86_400), "tenancy", "crawl");
            open.declareScopes(List.of(ASHBURN_A));
            open.write(ASHBURN_A, List.of(resource(ASHBURN_A, "other", "RUNNING")));
        }
        assertCleanAfterFirstSnapshot(prefix);
        try (Store reopened = Store.open(prefix)) {
            assertThat(reopened.snapshots()).hasSize(1);
            assertThat(state(reopened, 1)).isEqualTo(json(web, db));
        }
    }

    @Test
    void aWriterKilledMidSnapshotHoldsTheStoreAndIsCleanedUpByTheNextOpen() throws Exception {
        Path prefix = dir.resolve("ocidiff");
        try (Store store = Store.open(prefix)) {
            StoreSnapshotTest.snapshot(store, 0, Map.of(ASHBURN_A, List.of(web, db)));
        }
        killMidSnapshot(prefix, NIGHT.plusSeconds(86_400), CrashingWriter.STAGED);
        // Read-only to this user, it cannot be undone: reading it is refused, saying why and what to do.
        Path file = Path.of(prefix + ".mv.db");
        if (Immutable.set(file, true)) {
            try {
                assertThatThrownBy(() -> Store.openToRead(prefix)).isInstanceOf(OcidiffException.class)
                        .hasMessageContaining("is read-only to this user (" + System.getProperty("user.name")
                                + "), and before it can be read an earlier run left snapshot 2 unfinished (stopped or"
                                + " killed), which must be discarded; run ocidiff as the user that owns it once (any"
                                + " command, e.g. `ocidiff snapshots`)");
            } finally {
                Immutable.set(file, false);
            }
        }
        // A command that only reads discards it, and leaves the compact rewrite (a copy of the store, which a full
        // disk may not hold) to the next run that writes.
        Store reader = Store.openToRead(prefix);
        assertThat(reader.discardedOnOpen()).hasSize(1);
        reader.close();
        assertThat(reader.rewrite()).isEmpty();

        assertUndoneAndTheNightAfterReadsTheFile(prefix);
    }

    @Test
    void aCommitKilledBeforeItMarksTheSnapshotIsUndoneByTheNextOpen() throws Exception {
        Path prefix = dir.resolve("ocidiff");
        long previous;
        try (Store store = Store.open(prefix)) {
            previous = StoreSnapshotTest.snapshot(store, 0, Map.of(ASHBURN_A, List.of(web, db))).id();
        }
        killMidSnapshot(prefix, NIGHT.plusSeconds(86_400), HaltOnCommit.COMMITTING, "commit");
        // The commit's steps are in the file: web's new content opened from staging, beside the new resources.
        int opened = Resources.closedStore(prefix, dsl -> {
            dsl.execute("DROP TRIGGER halt_on_commit");
            return dsl.fetchCount(RESOURCE_INTERVAL, RESOURCE_INTERVAL.OCID.eq(web.ocid()),
                    RESOURCE_INTERVAL.VALID_FROM.gt(previous));
        });
        assertThat(opened).isEqualTo(1);

        assertUndoneAndTheNightAfterReadsTheFile(prefix);
    }

    @Test
    void intervalsEndedWhileWritingStayInvisibleAndAreReopenedWhenTheSnapshotIsAbandoned() {
        Path prefix = dir.resolve("ocidiff");
        try (Store store = Store.open(prefix)) {
            StoreSnapshotTest.snapshot(store, 0, Map.of(ASHBURN_A, List.of(web, db)));
            StagedSnapshotWriter writer = (StagedSnapshotWriter) store.begin(NIGHT.plusSeconds(86_400), "tenancy", "crawl");
            writer.declareScopes(List.of(ASHBURN_A));
            writer.write(ASHBURN_A, List.of(resource(ASHBURN_A, "web", "STOPPED"), db));
            writer.scopeDone(Resources.ok(ASHBURN_A, 2));
            writer.awaitWritten();
            assertThat(store.versionsOf(web.ocid())).singleElement()
                    .satisfies(v -> assertThat(v.validTo()).isEqualTo(writer.snapshotId()));
            assertThat(state(store, 1)).isEqualTo(json(web, db));
            assertThat(store.snapshots()).hasSize(1);
            assertThatThrownBy(() -> writer.scopeDone(Resources.failed(ASHBURN_A)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("reported done already");
            writer.close();
            assertThat(store.versionsOf(web.ocid())).singleElement().satisfies(v -> assertThat(v.validTo()).isNull());
        }
        assertCleanAfterFirstSnapshot(prefix);
    }

    @Test
    void aFirstSnapshotKilledMidWayLeavesAnEmptyStoreWithItsKeys() throws Exception {
        Path prefix = dir.resolve("ocidiff");
        Store.open(prefix).close();
        killMidSnapshot(prefix, NIGHT, CrashingWriter.STAGED);
        long killed = Files.size(Path.of(prefix + ".mv.db"));

        try (Store store = Store.open(prefix)) {
            // Emptied, not deleted row by row: a million rows deleted in one transaction took minutes, and
            // disk for seven times the store's size, before the store could be used again.
            assertThat(Files.size(Path.of(prefix + ".mv.db"))).isLessThanOrEqualTo(killed + killed / 10);
            assertThat(store.snapshots()).isEmpty();
            assertThat(StoreDeferredKeysTest.missingKeys(prefix)).isEmpty();
            assertThat(Resources.intervals(prefix)).isZero();
            assertThat(Resources.versions(prefix)).isZero();
            long id = StoreSnapshotTest.snapshot(store, 0, Map.of(ASHBURN_A, List.of(web, db))).id();
            assertThat(state(store, id)).isEqualTo(json(web, db));
        }
    }

    /**
     * The next open undid the snapshot killed after the first one (web changed, new resources): the first
     * night's state, web's interval open again; the night after reads the file the first commit saved and ends it.
     */
    private void assertUndoneAndTheNightAfterReadsTheFile(Path prefix) {
        try (Store store = Store.open(prefix)) {
            assertThat(store.snapshots()).hasSize(1);
            assertThat(state(store, 1)).isEqualTo(json(web, db));
            assertThat(store.versionsOf(web.ocid())).as("web's interval open again").singleElement()
                    .satisfies(v -> assertThat(v.validTo()).isNull());
        }
        assertCleanAfterFirstSnapshot(prefix);
        try (Store store = Store.open(prefix)) {
            CanonicalResource webStopped = resource(ASHBURN_A, "web", "STOPPED");
            long id = nightAfter(store, webStopped, db);
            // Next to the run killed (2), not 32 past it: H2 no longer reserves identity values ahead.
            assertThat(id).isEqualTo(3);
            assertThat(state(store, id)).isEqualTo(json(webStopped, db));
            assertThat(store.versionsOf(web.ocid())).extracting(ResourceVersion::validTo).containsExactly(id, null);
        }
    }

    /**
     * The night after the one cut short, which reads the latest state from the file the commit before saved:
     * undoing the cut-short snapshot left the intervals it names.
     */
    private static long nightAfter(Store store, CanonicalResource... resources) {
        try (StagedSnapshotWriter writer = (StagedSnapshotWriter) store.begin(NIGHT.plusSeconds(86_400), "tenancy",
                "crawl")) {
            assertThat(writer.latestStateFromFile()).as("latest state read from the saved file").isTrue();
            writer.declareScopes(List.of(ASHBURN_A));
            writer.write(ASHBURN_A, List.of(resources));
            writer.scopeDone(Resources.ok(ASHBURN_A, resources.length));
            return writer.commit().id();
        }
    }

    /**
     * Runs {@link CrashingWriter} in a child JVM and kills it once it prints {@code until}: its snapshot in the
     * store, or (with the argument {@code commit}) its commit about to mark it committed.
     */
    private static void killMidSnapshot(Path prefix, Instant takenAt, String until, String... mode) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(), prefix.toString(),
                takenAt.toString()));
        command.addAll(List.of(mode));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals(until));
            assertThat(line).as("the child got to where it is killed").isEqualTo(until);

            assertThatThrownBy(() -> Store.open(prefix))
                    .isInstanceOf(OcidiffException.class)
                    .hasMessage("the store " + prefix.toAbsolutePath() + ".mv.db is in use by another ocidiff run (pid "
                            + child.pid() + "): run this again once it has finished");
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void assertCleanAfterFirstSnapshot(Path prefix) {
        assertThat(rows(prefix, SNAPSHOT)).isEqualTo(1);
        assertThat(rows(prefix, SNAPSHOT_STAGING)).isZero();
        assertThat(Resources.versions(prefix)).isEqualTo(2);
        assertThat(Resources.intervals(prefix)).isEqualTo(2);
    }
}
