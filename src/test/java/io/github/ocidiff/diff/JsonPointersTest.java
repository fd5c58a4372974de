package io.github.ocidiff.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonPointersTest {

    @Test
    void tildeIsEscapedBeforeSlash() {
        assertThat(JsonPointers.escape("a/b~c")).isEqualTo("a~1b~0c");
        assertThat(JsonPointers.escape("~1")).isEqualTo("~01");
    }

    @Test
    void unescapeIsTheInverse() {
        assertThat(JsonPointers.unescape("~01")).isEqualTo("~1");
        assertThat(JsonPointers.unescape("a~1b~0c")).isEqualTo("a/b~c");
    }

    @Test
    void childrenAppendOneToken() {
        assertThat(JsonPointers.child(JsonPointers.child("", "freeformTags"), "cost/center")).isEqualTo("/freeformTags/cost~1center");
        assertThat(JsonPointers.child("/details/statements", 3)).isEqualTo("/details/statements/3");
    }

    @Test
    void tokensStayEscaped() {
        assertThat(JsonPointers.tokens("/a~1b//0")).containsExactly("a~1b", "", "0");
        assertThat(JsonPointers.tokens("")).isEmpty();
    }
}
