package io.github.ocidiff.store;

import static io.github.ocidiff.store.jooq.Tables.RESOURCE_VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ocidiff.OcidiffException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jooq.UniqueKey;
import org.jooq.exception.IntegrityConstraintViolationException;
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
        // Nothing went wrong, so H2 wrote no trace file (of errors) beside the store.
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

    @Test
    void aStoreOfAnEarlierSchemaKeepsItsVersionsAndGetsItsKeysNamed() {
        Path prefix = dir.resolve("ocidiff");
        Flyway.configure(Store.class.getClassLoader())
                .dataSource("jdbc:h2:file:" + prefix.toAbsolutePath(), "sa", "")
                .locations("classpath:db/migration")
                .target("4")
                .load()
                .migrate();
        byte[] sha = new byte[32];
        sha[0] = 7;
        byte[] body = JsonBodies.deflate("{\"displayName\":\"web\"}");
        Resources.closedStore(prefix, dsl -> dsl.insertInto(RESOURCE_VERSION).values(sha, 1L, body).execute());

        Store.open(prefix).close();

        List<UniqueKey<?>> missing = Resources.closedStore(prefix, DeferredKeys::missing);
        byte[] kept = Resources.closedStore(prefix, dsl -> dsl.fetchValue(RESOURCE_VERSION.BODY,
                RESOURCE_VERSION.SHA256.eq(sha)));
        assertThat(missing).isEmpty();
        assertThat(kept).isEqualTo(body);
        assertThatThrownBy(() -> Resources.closedStore(prefix,
                dsl -> dsl.insertInto(RESOURCE_VERSION).values(sha, 2L, body).execute()))
                .isInstanceOf(IntegrityConstraintViolationException.class);
    }

    private static int historyRows(Path prefix) {
        return Resources.closedStore(prefix, dsl -> dsl.fetchCount(DSL.table(DSL.name("flyway_schema_history"))));
    }
}
