package io.github.ocidiff.store;

import io.github.ocidiff.OcidiffException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/** Brings the store's schema up to this version's migrations ({@code classpath:db/migration}). */
final class Migrations {

    /** The version of the newest migration in {@code db/migration} (a test keeps the two in step). */
    static final String NEWEST = "12";
    private static final String HISTORY = "flyway_schema_history";
    /**
     * The migrations that leave resource_interval's rows where they are (H2 copies a table, numbering its rows
     * anew, when a column is added to it): an upgrade made only of these keeps the latest state saved beside
     * the store, which names intervals by row id, so that the night after it is not one that compares every
     * resource by content (24 s instead of 15 at a million resources). A migration not listed is taken to move
     * them.
     */
    private static final Set<String> KEEP_INTERVAL_ROWS = Set.of("9", "10", "11", "12");

    private Migrations() {
    }

    /**
     * @param beforeMigrating run before the first migration when the schema is about to change in a way that may
     *                        move resource_interval's rows (see {@link #KEEP_INTERVAL_ROWS})
     * @return whether it changed the schema (a new store, or an upgrade)
     */
    static boolean apply(DataSource dataSource, Path storeFile, Runnable beforeMigrating) {
        if (current(dataSource, storeFile)) {
            // Nothing to migrate, as on every run but the first after an upgrade: Flyway's start-up (loading
            // hundreds of classes, scanning the migrations) was a third of the time to open the store.
            return false;
        }
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
        try {
            MigrationInfoService info = flyway.info();
            refuseNewerSchema(info.applied(), storeFile);
            if (info.pending().length == 0) {
                return false;
            }
            if (!Arrays.stream(info.pending())
                    .allMatch(m -> KEEP_INTERVAL_ROWS.contains(m.getVersion().getVersion()))) {
                beforeMigrating.run();
            }
            return flyway.migrate().migrationsExecuted > 0;
        } catch (FlywayException e) {
            DiskFailure.throwIfFound(e, storeFile);
            throw OcidiffException.runtime("the store " + storeFile + " is not an ocidiff store or its schema is "
                    + "damaged (" + firstLine(e.getMessage()) + "): point store.path at another file, or move this "
                    + "one away", e);
        }
    }

    /**
     * Whether the last migration applied to the store is this version's newest, and succeeded.
     *
     * @throws OcidiffException when the disk under {@code storeFile} failed: Flyway, asked next, met the database
     *                          closed by it and failed with a NullPointerException of its own
     */
    static boolean current(DataSource dataSource, Path storeFile) {
        try {
            DSLContext dsl = DSL.using(dataSource, SQLDialect.H2);
            // Asked first, as a query of a missing table would be an error H2 writes to a trace file.
            if (!dsl.fetchExists(DSL.selectOne().from(DSL.table(DSL.name("INFORMATION_SCHEMA", "TABLES")))
                    .where(DSL.field(DSL.name("TABLE_NAME")).eq(HISTORY)))) {
                return false;
            }
            var last = dsl
                    .select(DSL.field(DSL.name("version"), String.class), DSL.field(DSL.name("success"), Boolean.class))
                    .from(DSL.table(DSL.name(HISTORY)))
                    .orderBy(DSL.field(DSL.name("installed_rank")).desc())
                    .limit(1)
                    .fetchOne();
            return last != null && NEWEST.equals(last.value1()) && Boolean.TRUE.equals(last.value2());
        } catch (DataAccessException e) {
            DiskFailure.throwIfFound(e, storeFile);
            // No history (a new store) or not an ocidiff store: Flyway creates it or says what is wrong.
            return false;
        }
    }

    /**
     * Flyway ignores applied migrations it does not know by default; an older ocidiff must not write
     * into a schema it does not understand.
     */
    private static void refuseNewerSchema(MigrationInfo[] applied, Path storeFile) {
        Arrays.stream(applied)
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .reduce((first, second) -> second)
                .ifPresent(newest -> {
                    throw OcidiffException.runtime("the store " + storeFile + " was written by a newer ocidiff (schema "
                            + "version " + newest.getVersion() + "): upgrade ocidiff to use it", null);
                });
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return (newline < 0 ? trimmed : trimmed.substring(0, newline)).strip();
    }
}
