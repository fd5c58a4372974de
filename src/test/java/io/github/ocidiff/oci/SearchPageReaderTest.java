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
                {"identifier":"ocid1.instance.a","resourceType":"Instance","displayName":"web \\"1\\" {x}","freeformTags":{"é":"東京 ]}"},
                 "additionalDetails":{"ports":[22,{"to":443}],"ratio":0.5,"none":null},"unknownFutureField":[true]}""";
        String second = """
                {"identifier":"ocid1.bucket.b","resourceType":"Bucket","timeCreated":"2026-11-01T00:00:00.000Z"}""";
        ResourceSummaryCollection page = read("{\"before\":{\"items\":[1]},\"items\":[" + first + "," + second
                + "],\"after\":[{\"a\":1}]}");
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
            page.append(i == 0 ? "" : ",").append("{\"resourceType\":\"Vcn\",\"identifier\":\"ocid1.x.").append(i)
                    .append("\"}");
        }
        List<ObjectNode> items = SearchPageReader.raw(read(page.append("]}").toString())).json();
        assertThat(items).hasSize(2500);
        assertThat(items.get(2499).get("identifier").asText()).isEqualTo("ocid1.x.2499");
    }

    @Test
    void theScanTellsEachItemsIdentifierAndType() throws IOException {
        SearchItems items = SearchPageReader.raw(read("""
                {"items":[
                 {"resourceType":"Instance","tags":{"identifier":"inner"},"identifier":"ocid1.instance.a"},
                 {"identifier":"ocid1.x.first","identifier":"ocid1.x.last","resourceType":"Bucket"}]}"""));
        assertThat(items.identifier(0)).isEqualTo("ocid1.instance.a");
        assertThat(items.resourceType(0)).isEqualTo("Instance");
        // Like a tree, the last of a repeated member counts.
        assertThat(items.identifier(1)).isEqualTo(items.json(1).get("identifier").asText()).isEqualTo("ocid1.x.last");
    }

    /**
     * Every Resource Search result has both strings; an item without them could be neither stored nor told from
     * another, and crashed the night further on: the page is refused, naming the item, so that its scope is a gap.
     */
    @Test
    void anItemWithoutAnIdentifierOrTypeStringOrNoObjectAtAllIsRefusedByName() {
        assertThatThrownBy(() -> read("{\"items\":[{\"identifier\":\"ocid1.x.a\",\"resourceType\":\"Vcn\"},"
                + "{\"identifier\":42,\"resourceType\":\"Vcn\"}]}")).isInstanceOf(IOException.class)
                .hasMessage("item 2 of a Resource Search page has no \"identifier\" string: {\"identifier\":42,"
                        + "\"resourceType\":\"Vcn\"}");
        assertThatThrownBy(() -> read("{\"items\":[{\"identifier\":\"ocid1.x.a\",\"displayName\":\"no-type\"}]}"))
                .hasMessage("item 1 of a Resource Search page has no \"resourceType\" string: {\"identifier\":"
                        + "\"ocid1.x.a\",\"displayName\":\"no-type\"}");
        assertThatThrownBy(() -> read("{\"items\":[42]}")).isInstanceOf(IOException.class)
                .hasMessage("item 1 of a Resource Search page is no JSON object");
    }

    @Test
    void anItemsDigestIsOfExactlyItsBytes() throws Exception {
        String first = "{\"identifier\":\"ocid1.a\", \"resourceType\":\"Vcn\", \"n\" : [1, {\"é\":\"]}\"}]}";
        String second = "{\"identifier\":\"ocid1.b\",\"resourceType\":\"Vcn\"}";
        SearchItems items = SearchPageReader.raw(read("{\"items\": [" + first + " ,\n" + second + "]}"));
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        items.digest(0, digest);
        assertThat(digest.digest()).isEqualTo(MessageDigest.getInstance("SHA-256")
                .digest(first.getBytes(StandardCharsets.UTF_8)));
        items.digest(1, digest);
        assertThat(digest.digest()).isEqualTo(MessageDigest.getInstance("SHA-256")
                .digest(second.getBytes(StandardCharsets.UTF_8)));
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
