package io.github.ocidiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScopeBarTest {

    private static String line(long done, String extra, int width) {
        return ScopeBar.line("snapshot", done, 120, extra, Duration.ofSeconds(39), width);
    }

    @Test
    void atEightyColumnsTheCountsAndTimeLeftAreWholeAndTheBarTakesTheRest() {
        String line = line(39, ", 399 resources, 342/s", 80);
        assertThat(line).isEqualTo("snapshot  32% [####          ] 39/120 scopes, 399 resources, 342/s, 0:01:21 left");
        assertThat(line).hasSizeLessThanOrEqualTo(80);
    }

    @Test
    void theCommitIsToldWholeAtEightyColumns() {
        String line = line(120, ", 1,003,000 resources; committing", 80);
        assertThat(line).endsWith(" 120/120 scopes, 1,003,000 resources; committing").startsWith("snapshot 100% [#");
        assertThat(line).hasSizeLessThanOrEqualTo(80).doesNotContain("left");
    }

    @Test
    void narrowTerminalsDropTheTimeLeftThenCutTheEnd() {
        String noEta = line(60, ", 500,000 resources, 12,345/s", 78);
        assertThat(noEta).doesNotContain("left").endsWith("60/120 scopes, 500,000 resources, 12,345/s");
        assertThat(noEta).contains("[" + "#".repeat(ScopeBar.MIN_BAR / 2));
        String cut = line(60, ", 500,000 resources, 12,345/s", 40);
        int half = ScopeBar.MIN_BAR / 2;
        assertThat(cut).hasSize(40).startsWith("snapshot  50% [" + "#".repeat(half) + " ".repeat(ScopeBar.MIN_BAR - half)
                + "] 60/120");
    }

    @Test
    void wideTerminalsCapTheBar() {
        String line = line(0, null, 200);
        assertThat(line).isEqualTo("snapshot   0% [" + " ".repeat(ScopeBar.MAX_BAR) + "] 0/120 scopes");
    }
}
