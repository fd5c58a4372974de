package io.github.ocidiff.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OcidHashSetTest {

    @Test
    void remembersEachHashOnceIncludingZeroAndPastItsFirstSize() {
        OcidHashSet set = new OcidHashSet();
        assertThat(set.add(0)).isTrue();
        assertThat(set.add(0)).isFalse();
        for (long h = 1; h <= 10_000; h++) {
            assertThat(set.add(h * 0x9E3779B97F4A7C15L)).isTrue();
        }
        for (long h = 1; h <= 10_000; h++) {
            assertThat(set.add(h * 0x9E3779B97F4A7C15L)).isFalse();
        }
        // Hashes that land on one cell (their halves XORed alike) still count apart.
        assertThat(set.add(1L << 40)).isTrue();
        assertThat(set.add(256L)).isTrue();
        assertThat(set.add(1L << 40)).isFalse();
        assertThat(set.add(256L)).isFalse();
    }
}
