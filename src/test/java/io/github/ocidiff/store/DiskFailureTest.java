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
