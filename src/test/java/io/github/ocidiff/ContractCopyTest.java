package io.github.ocidiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Tests validate reports against a checked-in copy of the shared report contract, so that they run
 * in any clone; wherever the shared folder sits beside the checkout (developers' machines, CI), the
 * copy must be byte for byte the contract.
 */
class ContractCopyTest {
    @Test
    void theReportSchemaCopyIsTheSharedContract() throws IOException {
        Path shared = Path.of("../shared/contracts/report.schema.json");
        assumeTrue(Files.exists(shared), "no shared/ folder beside this checkout");
        assertThat(Files.readString(Path.of("src/test/resources/contracts/report.schema.json")))
                .isEqualTo(Files.readString(shared));
    }
}
