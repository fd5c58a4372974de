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
    void aLongListWithOneEditStaysAligned() {
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            before.add("Allow group g" + i + " to read all-resources in tenancy");
        }
        List<String> after = new ArrayList<>(before);
        after.set(10_000, "Allow group g10000 to manage all-resources in tenancy");

        List<String> lines = LineDiff.lines(before, after);

        assertThat(lines).hasSize(20_001);
        assertThat(lines.get(10_000)).isEqualTo("- Allow group g10000 to read all-resources in tenancy");
        assertThat(lines.get(10_001)).isEqualTo("+ Allow group g10000 to manage all-resources in tenancy");
        assertThat(lines.stream().filter(l -> !l.startsWith(LineDiff.SAME))).hasSize(2);
    }
}
