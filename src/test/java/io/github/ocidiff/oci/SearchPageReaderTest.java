package io.github.ocidiff.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.bmc.resourcesearch.model.ResourceSummary;
import com.oracle.bmc.resourcesearch.model.ResourceSummaryCollection;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchPageReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ResourceSummaryCollection read(String page) throws IOException {
        return new SearchPageReader().readFrom(ResourceSummaryCollection.class, ResourceSummaryCollection.class,
                null, null, null, new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void eachItemIsTheJsonTheServiceAnsweredUnknownFieldsAndAll() throws IOException {
        String first = """
                {"identifier":"ocid1.instance.a","displayName":"web \\"1\\" {x}","freeformTags":{"é":"東京 ]}"},
                 "additionalDetails":{"ports":[22,{"to":443}],"ratio":0.5,"none":null},"unknownFutureField":[true]}""";
        String second = """
                {"identifier":"ocid1.bucket.b","timeCreated":"2026-11-01T00:00:00.000Z"}""";
        ResourceSummaryCollection page = read("{\"before\":{\"items\":[1]},\"items\":[" + first + ",42,\"x\",[{}],"
                + second + "],\"after\":[{\"a\":1}]}");
        List<ObjectNode> items = SearchPageReader.raw(page).json();
        assertThat(items).containsExactly((ObjectNode) JSON.readTree(first), (ObjectNode) JSON.readTree(second));
        // Whoever asks the SDK's way gets the models, bound item by item.
        assertThat(page.getItems()).extracting(ResourceSummary::getIdentifier)
                .containsExactly("ocid1.instance.a", "ocid1.bucket.b");
    }

    @Test
    void aPageWithoutItemsHasNone() throws IOException {
        assertThat(SearchPageReader.raw(read("{}")).size()).isZero();
        assertThat(SearchPageReader.raw(read("{\"items\":[]}")).size()).isZero();
    }

    @Test
    void aPageThatIsNotAJsonObjectIsRefused() {
        assertThatThrownBy(() -> read("[]")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("{\"items\":[{\"a\":")).isInstanceOf(IOException.class);
    }

    @Test
    void aThousandItemsKeepTheirOrder() throws IOException {
        StringBuilder page = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 2500; i++) {
            page.append(i == 0 ? "" : ",").append("{\"identifier\":\"ocid1.x.").append(i).append("\"}");
        }
        List<ObjectNode> items = SearchPageReader.raw(read(page.append("]}").toString())).json();
        assertThat(items).hasSize(2500);
        assertThat(items.get(2499).get("identifier").asText()).isEqualTo("ocid1.x.2499");
    }

    @Test
    void theScanTellsEachItemsIdentifierAndTypeWhenTheyAreStrings() throws IOException {
        SearchItems items = SearchPageReader.raw(read("""
                {"items":[
                 {"resourceType":"Instance","tags":{"identifier":"inner"},"identifier":"ocid1.instance.a"},
                 {"identifier":42,"resourceType":null},
                 {"identifier":"ocid1.x.first","identifier":"ocid1.x.last","resourceType":["Bucket"]}]}"""));
        assertThat(items.identifier(0)).isEqualTo("ocid1.instance.a");
        assertThat(items.resourceType(0)).isEqualTo("Instance");
        assertThat(items.identifier(1)).isNull();
        assertThat(items.resourceType(1)).isNull();
        // Like a tree, the last of a repeated member counts.
        assertThat(items.identifier(2)).isEqualTo(items.json(2).get("identifier").asText()).isEqualTo("ocid1.x.last");
        assertThat(items.resourceType(2)).isNull();
    }

    @Test
    void anItemsDigestIsOfExactlyItsBytes() throws Exception {
        String first = "{\"identifier\":\"ocid1.a\", \"n\" : [1, {\"é\":\"]}\"}]}";
        SearchItems items = SearchPageReader.raw(read("{\"items\": [" + first + " ,\n{\"identifier\":\"ocid1.b\"}]}"));
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        items.digest(0, digest);
        assertThat(digest.digest()).isEqualTo(MessageDigest.getInstance("SHA-256")
                .digest(first.getBytes(StandardCharsets.UTF_8)));
        items.digest(1, digest);
        assertThat(digest.digest()).isEqualTo(MessageDigest.getInstance("SHA-256")
                .digest("{\"identifier\":\"ocid1.b\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aBodyIsReadWholeWhateverLengthItAnnounces() throws IOException {
        byte[] body = "{\"items\":[{\"identifier\":\"ocid1.a\"}]}".getBytes(StandardCharsets.UTF_8);
        for (String announced : new String[] {null, String.valueOf(body.length), "5", "9999", "-1", "many"}) {
            MultivaluedHashMap<String, String> headers = new MultivaluedHashMap<>();
            if (announced != null) {
                headers.putSingle("Content-Length", announced);
            }
            assertThat(SearchPageReader.readAll(new ByteArrayInputStream(body), headers)).as(announced).isEqualTo(body);
            // Decoded, a body is longer than the length announced for its encoding.
            headers.putSingle("Content-Encoding", "gzip");
            assertThat(SearchPageReader.readAll(new ByteArrayInputStream(body), headers)).isEqualTo(body);
        }
    }
}
