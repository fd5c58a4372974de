package io.github.ocidiff.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StoreRewriteTest {

    @Test
    void describesTheRewriteInMegabytesAndSeconds() {
        StoreRewrite rewrite = new StoreRewrite(887_586_816, 739_901_440, 17, Duration.ofMillis(2_149));

        assertThat(rewrite.describe())
                .isEqualTo("store rewritten compactly: 887.6 MB -> 739.9 MB (17% of it was dead) in 2.1 s");
    }
}
