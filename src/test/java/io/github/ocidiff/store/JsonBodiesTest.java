package io.github.ocidiff.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ocidiff.OcidiffException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

    @Test
    void bodiesOfAnySizeComeBackAsTheyWereOnAThreadThatDeflatesMany() {
        String small = "{\"displayName\":\"wéb – 東京\"}";
        String large = "{\"statements\":[" + "\"Allow group Admins to manage all-resources in tenancy\",".repeat(2_000) + "\"x\"]}";
        byte[] first = JsonBodies.deflate(large);
        byte[] second = JsonBodies.deflate(small);
        assertThat(first.length).isLessThan(large.length() / 10);
        assertThat(JsonBodies.inflate(second)).isEqualTo(small);
        assertThat(JsonBodies.inflate(first)).isEqualTo(large);
        assertThat(JsonBodies.deflate(large)).isEqualTo(first);
        assertThat(JsonBodies.inflate(JsonBodies.deflate(""))).isEmpty();
    }

    @Test
    void aDamagedBodyIsNamedAsSuch() {
        byte[] body = JsonBodies.deflate("{\"displayName\":\"web\",\"lifecycleState\":\"RUNNING\"}");
        assertThatThrownBy(() -> JsonBodies.inflate(Arrays.copyOf(body, body.length / 2)))
                .isInstanceOf(OcidiffException.class)
                .hasMessageStartingWith("a resource version in the store is damaged (");
        byte[] garbled = body.clone();
        garbled[0] ^= 0x55;
        assertThatThrownBy(() -> JsonBodies.inflate(garbled)).isInstanceOf(OcidiffException.class);
        // The thread's inflater is reset after a failure.
        assertThat(JsonBodies.inflate(body)).contains("RUNNING");
    }
}
