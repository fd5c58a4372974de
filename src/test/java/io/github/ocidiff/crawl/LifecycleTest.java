package io.github.ocidiff.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifecycleTest {

    @ParameterizedTest
    @CsvSource({
            "RUNNING, LIVE", "AVAILABLE, LIVE", "STOPPED, LIVE", "FAILED, LIVE", "INACTIVE, LIVE",
            "PENDING_DELETION, LIVE", "SCHEDULING_DELETION, LIVE",
            "TERMINATING, ENDING", "DELETING, ENDING", "terminating, ENDING",
            "TERMINATED, ENDED", "DELETED, ENDED", "SOFT_DELETED, ENDED", "Deleted, ENDED"})
    void statesHaveTheirPhase(String state, Lifecycle phase) {
        assertThat(Lifecycle.of(state)).isEqualTo(phase);
    }

    @ParameterizedTest
    @CsvSource({"RUNNING, false", "DELETING, true", "TERMINATED, true"})
    void aDeletionHasBegunOnceEndingOrEnded(String state, boolean gone) {
        assertThat(Lifecycle.of(state).isGone()).isEqualTo(gone);
    }

    @org.junit.jupiter.api.Test
    void aResourceWithoutAStateIsLive() {
        assertThat(Lifecycle.of(null)).isEqualTo(Lifecycle.LIVE);
    }
}
