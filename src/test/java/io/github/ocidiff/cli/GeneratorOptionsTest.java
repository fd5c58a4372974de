package io.github.ocidiff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.sim.GeneratorSpec;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GeneratorOptionsTest {

    private static GeneratorSpec spec(String... args) {
        return CommandLine.populateCommand(new GeneratorOptions(), args).spec();
    }

    @Test
    void unsetOptionsKeepTheGeneratorsDefaults() {
        assertThat(spec()).isEqualTo(GeneratorSpec.defaults());
    }

    @Test
    void auditReadsSetTheReadNoisePerWriteEvent() {
        assertThat(spec("--audit-reads", "99", "--churn", "0.1"))
                .isEqualTo(GeneratorSpec.defaults().withChurnRate(0.1).withReadEventsPerWrite(99));
        assertThatThrownBy(() -> spec("--audit-reads", "101")).isInstanceOf(OcidiffException.class)
                .hasMessage("--audit-reads must be between 0 and 100, got 101");
    }
}
