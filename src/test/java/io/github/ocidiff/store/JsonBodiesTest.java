package io.github.ocidiff.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ocidiff.OcidiffException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

    private static final int DICTIONARY_ID = 0xB0E6CBDF;

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

    /** A Resource Search summary as the canonicaliser writes it. */
    private static final String SUMMARY = "{\"additionalDetails\":{},\"availabilityDomain\":\"Uocm:PHX-AD-1\","
            + "\"compartmentId\":\"ocid1.compartment.oc1..aaaaaaaa5mrj2yxw6wcqc6nkqggubxtkpv3gedbmz3vsx7bhnwbwd2xfmqpq\","
            + "\"definedTags\":{\"Oracle-Tags\":{\"CreatedBy\":\"oracleidentitycloudservice/jane.doe@example.com\","
            + "\"CreatedOn\":\"2025-03-14T09:26:53.589Z\"}},\"displayName\":\"web-1\",\"freeformTags\":{\"env\":\"prod\"},"
            + "\"identifier\":\"ocid1.instance.oc1.phx.anyhqljtx5cm6nic3bnxs6dyd3wmpvnnsyqwy5dlcbfvrfa7bvyx6q2bz7aq\","
            + "\"identityContext\":{},\"lifecycleState\":\"RUNNING\",\"region\":\"us-phoenix-1\","
            + "\"resourceType\":\"Instance\",\"systemTags\":{},\"timeCreated\":\"2025-03-14T09:26:53.589Z\"}";

    @Test
    void theDictionaryShrinksSummariesAndIsNeverEdited() {
        byte[] withDictionary = JsonBodies.deflate(SUMMARY);
        assertThat(withDictionary.length).isLessThan(plainDeflate(SUMMARY).length * 3 / 4);
        assertThat(JsonBodies.inflate(withDictionary)).isEqualTo(SUMMARY);
        // Stored bodies name the dictionary by this checksum: editing it would make them unreadable.
        assertThat(JsonBodies.DICTIONARY_ID).isEqualTo(DICTIONARY_ID);
    }

    @Test
    void bodiesStoredWithoutTheDictionaryStillInflate() {
        assertThat(JsonBodies.inflate(plainDeflate(SUMMARY))).isEqualTo(SUMMARY);
    }

    @Test
    void aBodyNeedingAnotherDictionaryIsDamaged() {
        Deflater deflater = new Deflater();
        deflater.setDictionary("some other dictionary".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> JsonBodies.inflate(deflate(deflater, SUMMARY)))
                .isInstanceOf(OcidiffException.class)
                .hasMessage("a resource version in the store is damaged (it needs an unknown dictionary): restore the "
                        + "store from a backup");
    }

    private static byte[] plainDeflate(String json) {
        return deflate(new Deflater(Deflater.BEST_SPEED), json);
    }

    private static byte[] deflate(Deflater deflater, String json) {
        deflater.setInput(json.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        byte[] buffer = new byte[4096];
        int n = deflater.deflate(buffer);
        deflater.end();
        return Arrays.copyOf(buffer, n);
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
