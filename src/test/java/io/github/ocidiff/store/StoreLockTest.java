package io.github.ocidiff.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ocidiff.OcidiffException;
import java.nio.file.Path;
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
}
