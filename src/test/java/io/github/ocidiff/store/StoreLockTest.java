package io.github.ocidiff.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.ocidiff.Immutable;
import io.github.ocidiff.OcidiffException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondStoreOnTheSamePathFailsFastAndChangesNothing() {
        Path prefix = dir.resolve("ocidiff");
        try (Store first = Store.open(prefix)) {
            assertThatThrownBy(() -> Store.open(prefix))
                    .isInstanceOf(OcidiffException.class)
                    .hasMessage("the store " + prefix.toAbsolutePath() + ".mv.db is in use by another ocidiff run (pid "
                            + ProcessHandle.current().pid() + "): run this again once it has finished")
                    .extracting(e -> ((OcidiffException) e).exitCode()).isEqualTo(OcidiffException.RUNTIME);
            assertThat(first.snapshots()).isEmpty();
        }
        try (Store again = Store.open(prefix)) {
            assertThat(again.file()).isEqualTo(Path.of(prefix.toAbsolutePath() + ".mv.db"));
        }
    }

    /** Someone reading at the hour the nightly job starts: the night waits for the reader, rather than fail. */
    @Test
    void aRunWaitsForABriefHolderAndABriefCommandFailsAtOnceBesideARun() throws Exception {
        Path prefix = dir.resolve("ocidiff").toAbsolutePath();
        Process reader = holding(prefix, "BRIEF", 1_500);
        try (Store night = Store.open(prefix)) {
            assertThat(night.snapshots()).isEmpty();
        }
        assertThat(reader.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(reader.exitValue()).isZero();

        Process run = holding(prefix, "RUN", 60_000);
        try {
            assertThatThrownBy(() -> Store.openBriefly(prefix))
                    .hasMessage("the store " + prefix + ".mv.db is in use by another ocidiff run (pid " + run.pid() + "): run this again once it has finished");
        } finally {
            run.destroyForcibly().waitFor();
        }
    }

    /**
     * A reader of a store it may not write (the service user's store, read by another user; a read-only mount) shares
     * the lock file read-only: a night then waits for it as for any brief reader, though the file still names the run
     * before, long gone.
     */
    @Test
    void aRunWaitsForAReaderThatCouldNotWriteItsNameInTheLockFile() throws Exception {
        Path prefix = dir.resolve("ocidiff").toAbsolutePath();
        Store.open(prefix).close();
        Files.writeString(Path.of(prefix + ".lock"), Long.MAX_VALUE + "\n");
        Process reader = holding(prefix, "SHARED", 1_500);
        try (Store night = Store.open(prefix)) {
            assertThat(night.snapshots()).isEmpty();
        }
        assertThat(reader.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(reader.exitValue()).isZero();
    }

    /**
     * A lock file this user may not write, as on a read-only mount or in another user's folder (made immutable here,
     * where the tests may run as root, whom permissions do not stop): a command that only reads shares it, and reads;
     * one that writes is told why it cannot.
     */
    @Test
    void aCommandThatOnlyReadsOpensAStoreWhoseLockFileItMayNotWrite() throws Exception {
        Path prefix = dir.resolve("ocidiff").toAbsolutePath();
        Store.open(prefix).close();
        Path lockFile = Path.of(prefix + ".lock");
        assumeTrue(Immutable.set(lockFile, true), "chattr +i is not available here");
        try {
            try (Store reader = Store.openToRead(prefix)) {
                assertThat(reader.snapshots()).isEmpty();
            }
            assertThatThrownBy(() -> Store.open(prefix)).isInstanceOf(OcidiffException.class)
                    .hasMessageStartingWith("cannot create the lock file " + lockFile + " of the store " + prefix + ".mv.db");
        } finally {
            Immutable.set(lockFile, false);
        }
    }

    /** A child JVM holding the store's lock; returns once it holds it. */
    private static Process holding(Path prefix, String hold, long millis) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LockHolder.class.getName(), prefix.toString(), hold,
                String.valueOf(millis)).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("held");
        return child;
    }
}
