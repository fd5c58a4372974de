package io.github.ocidiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GcPressureTest {

    @Test
    void aRunStallsOnlyWhenAWholeWindowWentToCollections() {
        GcPressure pressure = new GcPressure(Duration.ofSeconds(30), 0.9);
        assertThat(pressure.stalled(0, 0)).isFalse();
        // Collecting 95% of the time, but for less than the window so far.
        assertThat(pressure.stalled(10_000, 9_500)).isFalse();
        assertThat(pressure.stalled(29_000, 27_550)).isFalse();
        assertThat(pressure.stalled(30_000, 28_500)).isTrue();
    }

    @Test
    void aBurstOfCollectionsAmongWorkIsNoStall() {
        GcPressure pressure = new GcPressure(Duration.ofSeconds(30), 0.9);
        long gc = 0;
        for (long second = 0; second <= 120; second++) {
            // Every tenth second all collection, the others a tenth of it: 19% over any window.
            gc += second % 10 == 0 ? 1_000 : 100;
            assertThat(pressure.stalled(second * 1_000, gc)).as("at %d s", second).isFalse();
        }
    }

    @Test
    void theWindowSlidesFromWorkIntoAStall() {
        GcPressure pressure = new GcPressure(Duration.ofSeconds(30), 0.9);
        long gc = 0;
        for (long second = 0; second <= 60; second++) {
            assertThat(pressure.stalled(second * 1_000, gc)).isFalse();
            gc += 50; // a healthy run: 5%
        }
        boolean stalled = false;
        long second = 61;
        for (; !stalled; second++) {
            gc += 1_000; // then nothing but collections
            stalled = pressure.stalled(second * 1_000, gc);
        }
        // Stalled once the last 30 s were 90% collections: 27 s of them, from second 61, and 3 s of the earlier 5%.
        assertThat(second - 1).isEqualTo(87);
    }
}
