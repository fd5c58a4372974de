package io.github.ocidiff.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OpenedDigestsTest {

    private static byte[] sha(int seed) {
        byte[] sha = new byte[32];
        Arrays.fill(sha, (byte) seed);
        return sha;
    }

    @Test
    void findsTheDigestOfAnOpenedIntervalByOcidHashAndContent() {
        OpenedDigests digests = new OpenedDigests();
        // Past the first table: it grows.
        for (int i = 1; i <= 5000; i++) {
            digests.put(i * 31L, sha(i), i, -i);
        }
        for (int i = 1; i <= 5000; i++) {
            int entry = digests.find(i * 31L, sha(i));
            assertThat(entry).isNotNegative();
            assertThat(digests.high(entry)).isEqualTo(i);
            assertThat(digests.low(entry)).isEqualTo(-i);
            // The interval opened with other content than the one answered with this digest.
            assertThat(digests.find(i * 31L, sha(i + 1))).isNegative();
        }
        assertThat(digests.find(7, sha(1))).isNegative();
    }

    @Test
    void aResourceSightedTwiceHasNoDigest() {
        OpenedDigests digests = new OpenedDigests();
        digests.put(5, sha(1), 10, 11);
        digests.put(5, sha(1), 10, 11);
        digests.put(6, sha(2), 12, 13);
        digests.put(6, sha(3), 14, 15);
        digests.put(6, sha(2), 12, 13);
        assertThat(digests.find(5, sha(1))).isNegative();
        assertThat(digests.find(6, sha(2))).isNegative();
        assertThat(digests.find(6, sha(3))).isNegative();
    }
}
