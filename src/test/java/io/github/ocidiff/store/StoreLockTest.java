package io.github.ocidiff.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ocidiff.OcidiffException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
                            + ProcessHandle.current().pid() + ")")
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
                    .hasMessage("the store " + prefix + ".mv.db is in use by another ocidiff run (pid " + run.pid() + ")");
        } finally {
            run.destroyForcibly().waitFor();
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
