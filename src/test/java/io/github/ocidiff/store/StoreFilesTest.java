package io.github.ocidiff.store;

import static io.github.ocidiff.store.jooq.Tables.RESOURCE_INTERVAL;
import static io.github.ocidiff.store.jooq.Tables.RESOURCE_VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ocidiff.OcidiffException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import org.flywaydb.core.Flyway;
import org.h2.mvstore.MVStore;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user can do wrong with the store's file, and the schema that ships inside the jar. */
class StoreFilesTest {

    @TempDir
    Path dir;

    @Test
    void migratesANewStoreFromTheClasspath() {
        assertThat(Store.class.getClassLoader().getResource("db/migration/V1__snapshot_store.sql")).isNotNull();
        Path prefix = dir.resolve("nested/folder/ocidiff");
        try (Store store = Store.open(prefix)) {
            assertThat(store.sizeOnDisk()).isPositive();
        }
        // H2 writes no trace file beside the store.
        assertThat(prefix.resolveSibling("ocidiff.trace.db")).doesNotExist();
        Object applied = Resources.closedStore(prefix, dsl -> dsl.fetchValue(
                "select count(*) from \"flyway_schema_history\" where \"version\" = '1' and \"success\""));
        assertThat(applied).isEqualTo(1L);
    }

    @Test
    void aFileThatIsNotAnH2DatabaseIsAOneLineError() throws Exception {
        Path prefix = dir.resolve("ocidiff");
        Files.writeString(Path.of(prefix + ".mv.db"), "this is not a database\n".repeat(1000));
        assertThatThrownBy(() -> Store.open(prefix))
                .isInstanceOf(OcidiffException.class)
                .hasMessageStartingWith("the store " + prefix + ".mv.db cannot be opened as an H2 database (")
                .hasMessageEndingWith("restore it from a backup, or move it away to start a new store")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        // Refusing released the store.
        assertThatThrownBy(() -> Store.open(prefix)).hasMessageContaining("cannot be opened as an H2 database");
        // Nor did H2 keep a log of its own (ocidiff.trace.db) beside it.
        assertThat(prefix.resolveSibling("ocidiff.trace.db")).doesNotExist();
    }

    /** H2 itself opens such a file as an empty database: the run would have written a new store over it. */
    @Test
    void aTruncatedStoreIsRefusedAndLeftAsItIs() throws Exception {
        Path prefix = dir.resolve("ocidiff");
        try (Store store = Store.open(prefix)) {
            StoreSnapshotTest.snapshot(store, 0, Map.of(Resources.ASHBURN_A,
                    List.of(Resources.resource(Resources.ASHBURN_A, "web", "RUNNING"))));
        }
        byte[] whole = Files.readAllBytes(Path.of(prefix + ".mv.db"));
        for (int percent : new int[] {99, 75, 50, 25}) {
            Path cut = dir.resolve("cut" + percent);
            byte[] kept = Arrays.copyOf(whole, whole.length * percent / 100);
            Files.write(Path.of(cut + ".mv.db"), kept);
            assertThatThrownBy(() -> Store.open(cut)).as("cut to %d%%", percent)
                    .isInstanceOf(OcidiffException.class)
                    .hasMessageStartingWith("the store " + cut + ".mv.db (" + String.format("%,d", kept.length)
                            + " bytes) holds no readable snapshot: its newest part is missing")
                    .hasMessageEndingWith("restore it from a backup, or move it away to start a new store");
            assertThat(Files.readAllBytes(Path.of(cut + ".mv.db"))).as("left as it is").isEqualTo(kept);
        }
        // Emptied (a restore that wrote nothing, `> file`): refused too, by every kind of open.
        Path emptied = dir.resolve("emptied");
        Files.write(Path.of(emptied + ".mv.db"), new byte[0]);
        assertThatThrownBy(() -> Store.open(emptied)).isInstanceOf(OcidiffException.class)
                .hasMessage("the store " + emptied + ".mv.db is empty (0 bytes), and H2 would take it for a new store:"
                        + " restore it from a backup, or delete it to start a new store");
        assertThatThrownBy(() -> Store.openToRead(emptied)).hasMessageContaining("is empty (0 bytes)");
        assertThat(Path.of(emptied + ".mv.db")).isEmptyFile();
        try (Store store = Store.open(prefix)) {
            assertThat(store.snapshots()).hasSize(1);
        }
    }

    /** As a first run killed the moment H2 created the file leaves it: a header naming no chunk. */
    @Test
    void aFileH2CreatedAndNeverWroteToOpensAsANewStore() throws Exception {
        Path prefix = dir.resolve("ocidiff");
        Path created = dir.resolve("created.mv.db");
        try (MVStore h2 = new MVStore.Builder().fileName(created.toString()).open()) {
            Files.copy(created, Path.of(prefix + ".mv.db"));
        }
        try (Store store = Store.open(prefix)) {
            assertThat(store.snapshots()).isEmpty();
        }
    }

    @Test
    void aFileCutShortOfH2sHeaderIsAOneLineError() throws Exception {
        Path prefix = dir.resolve("ocidiff");
        Store.open(prefix).close();
        byte[] start = Arrays.copyOf(Files.readAllBytes(Path.of(prefix + ".mv.db")), 100);
        Files.write(Path.of(prefix + ".mv.db"), start);
        assertThatThrownBy(() -> Store.open(prefix))
                .hasMessageStartingWith("the store " + prefix + ".mv.db cannot be opened as an H2 database (")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(Files.readAllBytes(Path.of(prefix + ".mv.db"))).isEqualTo(start);
    }

    @Test
    void anH2DatabaseOfSomethingElseIsRefused() {
        Path prefix = dir.resolve("other");
        Resources.closedStore(prefix, dsl -> dsl.execute("create table invoices (id int primary key)"));
        assertThatThrownBy(() -> Store.open(prefix))
                .isInstanceOf(OcidiffException.class)
                .hasMessageStartingWith("the store " + prefix + ".mv.db is not an ocidiff store")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /** A store at {@link Migrations#NEWEST} is opened without Flyway: that must be the newest migration. */
    @Test
    void theNewestSchemaVersionIsTheNewestMigrationShipped() throws Exception {
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            int newest = files.map(f -> f.getFileName().toString())
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).max().orElseThrow();
            assertThat(Migrations.NEWEST).isEqualTo(String.valueOf(newest));
        }
        Path prefix = dir.resolve("ocidiff");
        Store.open(prefix).close();
        int applied = historyRows(prefix);
        Store.open(prefix).close();
        assertThat(historyRows(prefix)).isEqualTo(applied);
    }

    @Test
    void aStoreWrittenByANewerOcidiffIsRefused() {
        Path prefix = dir.resolve("ocidiff");
        Store.open(prefix).close();
        int applied = historyRows(prefix);
        Resources.closedStore(prefix, dsl -> dsl.execute("insert into \"flyway_schema_history\" (\"installed_rank\", "
                + "\"version\", \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", "
                + "\"success\") values (" + (applied + 1) + ", '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, "
                + "'sa', 1, true)"));
        assertThatThrownBy(() -> Store.open(prefix))
                .isInstanceOf(OcidiffException.class)
                .hasMessage("the store " + prefix + ".mv.db was written by a newer ocidiff (schema version 99): "
                        + "upgrade ocidiff to use it");
        assertThat(historyRows(prefix)).as("nothing migrated or changed").isEqualTo(applied + 1);
    }

    private static final String WEB = "ocid1.instance.oc1.iad.web";
    private static final String WEB_JSON = "{\"displayName\":\"web\"}";

    @Test
    void aStoreOfAnEarlierSchemaKeepsItsResourcesAndFindsThemByTheirShortKeys() {
        Path prefix = dir.resolve("ocidiff");
        byte[] sha = storeOfSchema5WithWeb(prefix);

        Store store = Store.open(prefix);
        try (store) {
            assertThat(store.versionsOf(WEB)).singleElement()
                    .satisfies(v -> assertThat(v.resource().json()).isEqualTo(WEB_JSON));
            assertThat(store.versionJson(WEB, Sha256.hex(sha))).isEqualTo(WEB_JSON);
        }

        assertThat(Resources.closedStore(prefix, DeferredKeys::missing)).isEmpty();
        // The upgrade copied both resource tables: closing rewrote the file without the old copies.
        assertThat(store.rewrite()).isPresent();
    }

    @Test
    void anUpgradeKilledHalfWayIsFinishedByTheNextRun() {
        Path prefix = dir.resolve("ocidiff");
        storeOfSchema5WithWeb(prefix);
        // What a kill after V6's first two statements leaves: H2 committed them, Flyway recorded nothing.
        Resources.closedStore(prefix, dsl -> {
            dsl.execute("ALTER TABLE resource_interval ADD COLUMN ocid_key BIGINT "
                    + "GENERATED ALWAYS AS (CAST(SUBSTRING(HASH('SHA-256', ocid), 1, 8) AS BIGINT))");
            return dsl.execute("ALTER TABLE resource_interval DROP CONSTRAINT resource_interval_pk");
        });

        try (Store store = Store.open(prefix)) {
            assertThat(store.versionsOf(WEB)).singleElement()
                    .satisfies(v -> assertThat(v.resource().json()).isEqualTo(WEB_JSON));
        }
        assertThat(Resources.closedStore(prefix, DeferredKeys::missing)).isEmpty();
    }

    /**
     * A store migrated to schema 5 holding one resource, web, as that schema stored it (its body a zlib
     * stream, as ocidiff wrote before Zstandard); its SHA-256.
     */
    private static byte[] storeOfSchema5WithWeb(Path prefix) {
        Flyway.configure(Store.class.getClassLoader())
                .dataSource("jdbc:h2:file:" + prefix.toAbsolutePath(), "sa", "")
                .locations("classpath:db/migration")
                .target("5")
                .load()
                .migrate();
        byte[] sha = new byte[32];
        sha[0] = 7;
        sha[9] = 3;
        Resources.closedStore(prefix, dsl -> {
            dsl.insertInto(RESOURCE_VERSION, RESOURCE_VERSION.SHA256, RESOURCE_VERSION.FIRST_SNAPSHOT, RESOURCE_VERSION.BODY)
                    .values(sha, 1L, JsonBodiesTest.deflate(new Deflater(), WEB_JSON)).execute();
            return dsl.insertInto(RESOURCE_INTERVAL, RESOURCE_INTERVAL.OCID, RESOURCE_INTERVAL.VALID_FROM,
                            RESOURCE_INTERVAL.REGION, RESOURCE_INTERVAL.SHA256)
                    .values(WEB, 1L, "us-ashburn-1", sha).execute();
        });
        return sha;
    }

    private static int historyRows(Path prefix) {
        return Resources.closedStore(prefix, dsl -> dsl.fetchCount(DSL.table(DSL.name("flyway_schema_history"))));
    }
}
