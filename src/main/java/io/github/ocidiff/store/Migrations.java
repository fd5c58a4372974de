package io.github.ocidiff.store;

import io.github.ocidiff.OcidiffException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/** Brings the store's schema up to this version's migrations ({@code classpath:db/migration}). */
final class Migrations {

    private Migrations() {
    }

    static void apply(DataSource dataSource, Path storeFile) {
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
        try {
            refuseNewerSchema(flyway.info().applied(), storeFile);
            flyway.migrate();
        } catch (FlywayException e) {
            throw OcidiffException.runtime("the store " + storeFile + " is not an ocidiff store or its schema is "
                    + "damaged (" + firstLine(e.getMessage()) + "): point store.path at another file, or move this "
                    + "one away", e);
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
