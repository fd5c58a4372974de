package io.github.ocidiff.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenIntervalIndexTest {

    private static byte[] sha(int seed) {
        byte[] sha = new byte[32];
        Arrays.fill(sha, (byte) seed);
        sha[31] = (byte) (seed >>> 8);
        return sha;
    }

    @Test
    void findsEachIntervalByItsOcidAndComparesItsContent() {
        OpenIntervalIndex index = new OpenIntervalIndex(10);
        // Past the expected size: the index grows.
        for (int i = 0; i < 1000; i++) {
            index.add("ocid1.instance.oc1.iad." + i, sha(i), 100L + i, i % 7);
        }
        assertThat(index.size()).isEqualTo(1000);
        for (int i = 0; i < 1000; i++) {
            int slot = index.find("ocid1.instance.oc1.iad." + i);
            assertThat(index.rowId(slot)).isEqualTo(100L + i);
            assertThat(index.ownScope(slot)).isEqualTo(i % 7);
            assertThat(index.hasContent(slot, sha(i))).isTrue();
            assertThat(index.hasContent(slot, sha(i + 1))).isFalse();
            assertThat(index.sighting(slot)).isEqualTo(OpenIntervalIndex.UNSEEN);
        }
        assertThat(index.find("ocid1.instance.oc1.iad.new")).isNegative();
    }

    @Test
    void recordsSightings() {
        OpenIntervalIndex index = new OpenIntervalIndex(2);
        index.add("a", sha(1), 1, 0);
        index.add("b", sha(2), 2, 0);
        index.sight(index.find("a"), 3);
        index.markStaged(index.find("b"));
        assertThat(index.sighting(index.find("a"))).isEqualTo(3);
        assertThat(index.sighting(index.find("b"))).isEqualTo(OpenIntervalIndex.STAGED);
    }

    @Test
    void intervalsSharingAnOcidHashAreLeftToStaging() {
        // Every OCID collides with every other.
        OpenIntervalIndex index = new OpenIntervalIndex(4, ocid -> 42L);
        index.add("a", sha(1), 1, 0);
        index.add("b", sha(2), 2, 0);
        index.add("c", sha(3), 3, 0);
        for (String ocid : new String[] {"a", "b", "c", "new"}) {
            int slot = index.find(ocid);
            assertThat(slot).isNotNegative();
            assertThat(index.sighting(slot)).isEqualTo(OpenIntervalIndex.STAGED);
        }
        for (int slot = 0; slot < index.size(); slot++) {
            assertThat(index.sighting(slot)).isEqualTo(OpenIntervalIndex.STAGED);
        }
    }

    @Test
    void theOcidHashSpreadsOcidsThatShareLongPrefixes() {
        Set<Long> hashes = new HashSet<>();
        Set<Long> buckets = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            long h = OpenIntervalIndex.ocidHash("ocid1.instance.oc1.iad.anuwcljt" + i);
            hashes.add(h);
            buckets.add(h & 0xffff);
        }
        assertThat(hashes).hasSize(100_000);
        // As uniform values would: 65,536 × (1 − e^(−100,000 / 65,536)) ≈ 51,260 buckets used.
        assertThat(buckets.size()).isBetween(50_800, 51_700);
    }

    @Test
    void recognisesTheDigestsItWasLoadedWithAndSavesThoseLearnedSince() throws Exception {
        // OCIDs here are their own hash.
        OpenIntervalIndex index = new OpenIntervalIndex(10, Long::parseLong);
        // Past the expected size: the digests' table grows too.
        for (int i = 0; i < 1000; i++) {
            index.addHashed(i + 1, sha(i), i, 0, i % 2 == 0 ? 0 : 1000 + i, i % 2 == 0 ? 0 : -i);
        }
        for (int i = 0; i < 1000; i++) {
            int recognized = index.recognize(1000 + i, -i);
            assertThat(recognized).isEqualTo(i % 2 == 0 ? -1 : index.find(Long.toString(i + 1)));
            // Half a digest is not a digest.
            assertThat(index.recognize(1000 + i, -i - 1)).isNegative();
        }
        assertThat(index.recognize(0, 0)).isNegative();

        index.learn(index.find("2"), 77, 78);
        // What a snapshot learns is for the next: this one still recognises what it loaded.
        assertThat(index.recognize(1001, -1)).isEqualTo(index.find("2"));
        Map<Long, long[]> saved = new HashMap<>();
        index.writeTo((hash, sha, offset, rowId, scope, high, low) -> saved.put(hash, new long[] {high, low}),
                new BitSet());
        assertThat(saved.get(2L)).containsExactly(77, 78);
        assertThat(saved.get(4L)).containsExactly(1003, -3);
        assertThat(saved.get(1L)).containsExactly(0, 0);
    }
}
