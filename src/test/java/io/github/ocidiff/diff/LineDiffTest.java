package io.github.ocidiff.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void equalListsAreAllUnchanged() {
        assertThat(LineDiff.lines(List.of("a", "b"), List.of("a", "b"))).containsExactly("  a", "  b");
    }

    @Test
    void anEditShowsTheRemovedLineBeforeTheAddedOne() {
        assertThat(LineDiff.lines(List.of("a", "b", "c"), List.of("a", "x", "c")))
                .containsExactly("  a", "- b", "+ x", "  c");
    }

    @Test
    void insertionsAndDeletionsKeepTheCommonSubsequence() {
        assertThat(LineDiff.lines(List.of("a", "b", "c", "d"), List.of("b", "c", "e", "d", "f")))
                .containsExactly("- a", "  b", "  c", "+ e", "  d", "+ f");
    }

    @Test
    void fromNothingEveryLineIsAdded() {
        assertThat(LineDiff.lines(List.of(), List.of("a", "b"))).containsExactly("+ a", "+ b");
    }

    @Test
    void pastTheTableLimitTheMiddleIsReplacedWhole() {
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        before.add("head");
        after.add("head");
        for (int i = 0; i < 2100; i++) {
            before.add("b" + i);
            after.add("a" + i);
        }

        List<String> lines = LineDiff.lines(before, after);

        assertThat(lines).hasSize(1 + 2 * 2100);
        assertThat(lines.get(0)).isEqualTo("  head");
        assertThat(lines.get(1)).isEqualTo("- b0");
        assertThat(lines.get(2101)).isEqualTo("+ a0");
    }
}
