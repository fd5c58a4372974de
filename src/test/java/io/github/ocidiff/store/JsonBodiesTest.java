package io.github.ocidiff.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import io.github.ocidiff.OcidiffException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

    private static final int DICTIONARY_ID = 0xB0E6CBDF;

    @Test
    void bodiesOfAnySizeComeBackAsTheyWereOnAThreadThatCompressesMany() {
        String small = "{\"displayName\":\"wéb – 東京\"}";
        String large = "{\"statements\":[" + "\"Allow group Admins to manage all-resources in tenancy\",".repeat(2_000) + "\"x\"]}";
        byte[] first = JsonBodies.compress(large);
        byte[] second = JsonBodies.compress(small);
        assertThat(first.length).isLessThan(large.length() / 10);
        assertThat(JsonBodies.decompress(second)).isEqualTo(small);
        assertThat(JsonBodies.decompress(first)).isEqualTo(large);
        assertThat(JsonBodies.compress(large)).isEqualTo(first);
        assertThat(JsonBodies.decompress(JsonBodies.compress(""))).isEmpty();
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
    void theDictionaryShrinksSummariesAsZlibDidAndIsNeverEdited() {
        byte[] body = JsonBodies.compress(SUMMARY);
        byte[] json = SUMMARY.getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isLessThan(Zstd.compress(json, 1).length * 3 / 4);
        // The size of the zlib stream with the same dictionary that it replaces, but for a few bytes of frame and checksum.
        assertThat(JsonBodies.compress(ZLIB_JSON).length).isBetween(zlibBody().length - 8, zlibBody().length + 8);
        assertThat(JsonBodies.decompress(body)).isEqualTo(SUMMARY);
        // Stored zlib bodies name the dictionary by this checksum: editing it would make them unreadable.
        assertThat(JsonBodies.DICTIONARY_ID).isEqualTo(DICTIONARY_ID);
    }

    /** A body as ocidiff stored it before Zstandard: a zlib stream with the dictionary, of {@link #ZLIB_JSON}. */
    private static final String ZLIB_BODY = "783fb0e6cbdfc3198ca8ce2e4f4d02a77f2c2e45c90c0519157a897995198539592515a6c9b96679"
            + "99c9c6497915c566299529c6e5b905657979c59585e595a62939c9496965456989e6496595156685464955e6898540f762f81091b9d1"
            + "3c074f9ab500b5c946fd";

    private static final String ZLIB_JSON = "{\"additionalDetails\":{},\"displayName\":\"web-1\",\"identifier\":"
            + "\"ocid1.instance.oc1.phx.anyhqljtx5cm6nic3bnxs6dyd3wmpvnnsyqwy5dlcbfvrfa7bvyx6q2bz7aq\","
            + "\"lifecycleState\":\"RUNNING\",\"resourceType\":\"Instance\"}";

    private static byte[] zlibBody() {
        return HexFormat.of().parseHex(ZLIB_BODY);
    }

    @Test
    void bodiesStoredAsZlibStreamsStillRead() {
        assertThat(JsonBodies.decompress(zlibBody())).isEqualTo(ZLIB_JSON);
        assertThat(JsonBodies.decompress(deflate(new Deflater(Deflater.BEST_SPEED), SUMMARY))).isEqualTo(SUMMARY);
    }

    @Test
    void aZlibBodyNeedingAnotherDictionaryIsDamaged() {
        Deflater deflater = new Deflater();
        deflater.setDictionary("some other dictionary".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> JsonBodies.decompress(deflate(deflater, SUMMARY)))
                .isInstanceOf(OcidiffException.class)
                .hasMessage("a resource version or Audit event in the store is damaged (it needs an unknown "
                        + "dictionary): restore the store from a backup");
    }

    @Test
    void aDamagedBodyIsNamedAsSuch() {
        byte[] body = JsonBodies.compress(SUMMARY);
        assertThatThrownBy(() -> JsonBodies.decompress(Arrays.copyOf(body, body.length / 2)))
                .isInstanceOf(OcidiffException.class)
                .hasMessageStartingWith("a resource version or Audit event in the store is damaged (");
        byte[] garbled = body.clone();
        garbled[body.length / 2] ^= 0x55;
        assertThatThrownBy(() -> JsonBodies.decompress(garbled))
                .isInstanceOf(OcidiffException.class)
                .hasMessageStartingWith("a resource version or Audit event in the store is damaged (");
        byte[] notABody = body.clone();
        notABody[0] ^= 0x55;
        assertThatThrownBy(() -> JsonBodies.decompress(notABody)).isInstanceOf(OcidiffException.class);
        byte[] zlib = zlibBody();
        assertThatThrownBy(() -> JsonBodies.decompress(Arrays.copyOf(zlib, zlib.length / 2)))
                .isInstanceOf(OcidiffException.class);
        // The thread's contexts work on after a failure.
        assertThat(JsonBodies.decompress(body)).isEqualTo(SUMMARY);
        assertThat(JsonBodies.decompress(zlib)).isEqualTo(ZLIB_JSON);
    }

    @Test
    void aFrameCompressedWithAnotherDictionaryFailsItsChecksum() {
        byte[] json = SUMMARY.getBytes(StandardCharsets.UTF_8);
        byte[] other;
        try (ZstdCompressCtx context = new ZstdCompressCtx()) {
            context.loadDict(new ZstdDictCompress(SUMMARY.replace("web-1", "app-2").getBytes(StandardCharsets.UTF_8), 1));
            context.setChecksum(true);
            other = context.compress(json);
        }
        assertThatThrownBy(() -> JsonBodies.decompress(other))
                .isInstanceOf(OcidiffException.class)
                .hasMessageStartingWith("a resource version or Audit event in the store is damaged (");
    }

    /** A zlib stream of {@code json}, as ocidiff stored bodies before Zstandard. */
    static byte[] deflate(Deflater deflater, String json) {
        deflater.setInput(json.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        byte[] buffer = new byte[4096];
        int n = deflater.deflate(buffer);
        deflater.end();
        return Arrays.copyOf(buffer, n);
    }
}
