package io.github.ocidiff.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesForTextAndQuotedAttributesAlike() {
        assertThat(Html.escape("\"><img src=x onerror='a&b'>")).isEqualTo("&quot;&gt;&lt;img src=x onerror=&#39;a&amp;b&#39;&gt;");
    }

    @Test
    void controlCharactersHtmlForbidsBecomeReplacementCharacters() {
        assertThat(Html.escape("a\u0000b\u001bc\u007fd\te\nf")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\te\nf");
    }
}
