package io.github.ocidiff.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    /** A report gets the permissions any new file gets here (the umask's), not its owner's alone. */
    @Test
    void aFileIsWrittenWholeWithThePermissionsOfAnyNewFile(@TempDir Path dir) throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path probe = Files.createFile(dir.resolve("probe"));
        Path report = dir.resolve("reports/report.json");

        AtomicFile.write(report, out -> out.write("{}\n".getBytes(StandardCharsets.UTF_8)), "the report");
        AtomicFile.write(report, out -> out.write("{\"again\":1}\n".getBytes(StandardCharsets.UTF_8)), "the report");

        assertThat(report).hasContent("{\"again\":1}");
        assertThat(Files.getPosixFilePermissions(report)).isEqualTo(Files.getPosixFilePermissions(probe));
        try (var left = Files.list(report.getParent())) {
            assertThat(left).containsExactly(report);
        }
    }
}
