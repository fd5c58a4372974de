package io.github.ocidiff.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpellingTest {

    @Test
    void distanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(Spelling.distance("regoins", "regions")).isEqualTo(2);
        assertThat(Spelling.distance("", "abc")).isEqualTo(3);
        assertThat(Spelling.distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void closestIgnoresCase() {
        assertThat(Spelling.closest("configfile", List.of("mode", "configFile"))).contains("configFile");
    }

    @Test
    void nothingIsSuggestedBeyondThreeEdits() {
        assertThat(Spelling.closest("database", List.of("path"))).isEmpty();
    }
}
