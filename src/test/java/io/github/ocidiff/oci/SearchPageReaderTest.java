package io.github.ocidiff.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.bmc.resourcesearch.model.ResourceSummary;
import com.oracle.bmc.resourcesearch.model.ResourceSummaryCollection;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        List<ObjectNode> items = SearchPageReader.raw(page);
        assertThat(items).containsExactly((ObjectNode) JSON.readTree(first), (ObjectNode) JSON.readTree(second));
        // Whoever asks the SDK's way gets the models, bound item by item.
        assertThat(page.getItems()).extracting(ResourceSummary::getIdentifier)
                .containsExactly("ocid1.instance.a", "ocid1.bucket.b");
    }

    @Test
    void aPageWithoutItemsHasNone() throws IOException {
        assertThat(SearchPageReader.raw(read("{}"))).isEmpty();
        assertThat(SearchPageReader.raw(read("{\"items\":[]}"))).isEmpty();
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
        List<ObjectNode> items = SearchPageReader.raw(read(page.append("]}").toString()));
        assertThat(items).hasSize(2500);
        assertThat(items.get(2499).get("identifier").asText()).isEqualTo("ocid1.x.2499");
    }
}
