package io.github.ocidiff.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;
import org.h2.message.DbException;
import org.h2.mvstore.DataUtils;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskFailureTest {

    /** H2's write failure as a commit meets it: its store exception, as SQL's, inside jOOQ's. */
    private static RuntimeException commitFailure(IOException io) {
        Exception written = DataUtils.newMVStoreException(DataUtils.ERROR_WRITING_FAILED,
                "Writing to {0} failed; length {1} at {2}", "channel", 8192, 13115392, io);
        return new DataAccessException("Cannot commit transaction", DbException.convert(written).getSQLException());
    }

    @Test
    void findsTheSystemsReasonUnderH2sGeneralErrors() {
        IOException full = new IOException("No space left on device");
        assertThat(DiskFailure.cause(commitFailure(full))).containsSame(full);
        // As the store's writer thread hands it on, after a write to the channel H2 had closed on failing.
        RuntimeException closed = new IllegalStateException("the store could not write the snapshot",
                commitFailure(new ClosedChannelException()));
        closed.addSuppressed(commitFailure(full));
        closed.addSuppressed(commitFailure(new ClosedChannelException()));
        assertThat(DiskFailure.cause(closed)).containsSame(full);
    }

    /**
     * A store whose disk failed as it opened: asking whether its schema is current meets the failure, which is told,
     * rather than taken for a missing schema history and left to Flyway, which failed with a NullPointerException.
     */
    @Test
    void theSchemaCheckOfAStoreWhoseDiskFailedTellsTheDisk(@TempDir Path dir) {
        Path file = dir.resolve("ocidiff.mv.db");
        javax.sql.DataSource failing = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        return method.getName().equals("toString") ? "a data source whose disk failed" : null;
                    }
                    throw ((DataAccessException) commitFailure(new IOException("File too large"))).getCause();
                });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Migrations.current(failing, file))
                .isInstanceOf(io.github.ocidiff.OcidiffException.class)
                .hasMessageStartingWith("the disk under the store " + file + " failed (File too large): make room");
    }

    @Test
    void leavesOtherFailuresAlone() {
        assertThat(DiskFailure.cause(new DataAccessException("Unique index or primary key violation",
                DbException.convert(new IllegalArgumentException("duplicate")).getSQLException()))).isEmpty();
        // An I/O failure that is not the database's (a report, a download) says what it is itself.
        assertThat(DiskFailure.cause(new UncheckedIOException(new IOException("No space left on device")))).isEmpty();
        // Causes that refer back to each other end the walk.
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        assertThat(DiskFailure.cause(a)).isEmpty();
    }

    @Test
    void namesTheStoreOpenedAndTheFix(@TempDir Path dir) {
        try (Store ignored = Store.open(dir.resolve("ocidiff"))) {
            assertThat(DiskFailure.describe(commitFailure(new IOException("File too large")))).hasValue(
                    "the disk under the store " + dir.resolve("ocidiff.mv.db").toAbsolutePath().normalize()
                            + " failed (File too large): make room on it, or make it writable, and run again; the "
                            + "snapshots committed before are kept, and the next run discards what this one left unfinished");
        }
        assertThat(DiskFailure.describe(commitFailure(new ClosedChannelException()))).hasValueSatisfying(line ->
                assertThat(line).contains("failed (its file was closed after a write to it failed): make room on it"));
        assertThat(DiskFailure.describe(new IllegalStateException("other"))).isEmpty();
    }
}
