package io.github.ocidiff.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefusedQueriesTest {

    @Test
    void aQueryAsLongAsOneRefusedInItsRegionIsSplitWithoutAsking() {
        RefusedQueries refused = new RefusedQueries();
        assertThat(refused.tooLong("r1", "x".repeat(5_000))).isFalse();
        refused.refused("r1", "x".repeat(3_000));
        refused.refused("r1", "x".repeat(4_000));
        // The shortest refused is the limit; shorter queries, and other regions, are still asked.
        assertThat(refused.tooLong("r1", "x".repeat(3_000))).isTrue();
        assertThat(refused.tooLong("r1", "x".repeat(2_999))).isFalse();
        assertThat(refused.tooLong("r2", "x".repeat(5_000))).isFalse();
    }
}
