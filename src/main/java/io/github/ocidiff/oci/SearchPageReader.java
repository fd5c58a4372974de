package io.github.ocidiff.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.bmc.resourcesearch.model.ResourceSummary;
import com.oracle.bmc.resourcesearch.model.ResourceSummaryCollection;
import com.oracle.bmc.serialization.jackson.JacksonSerializer;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Resource Search page for the search clients in place of the SDK's model binding: the items
 * stay the JSON objects the service answered. The SDK's {@link ResourceSummary} drops fields it does not
 * know, and a snapshot must keep them; binding a million models only to write them out again as JSON was
 * also the larger part of a crawl's CPU. The SDK still signs, sends, retries and reports errors as usual.
 */
final class SearchPageReader implements MessageBodyReader<ResourceSummaryCollection> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == ResourceSummaryCollection.class;
    }

    @Override
    public ResourceSummaryCollection readFrom(Class<ResourceSummaryCollection> type, Type genericType,
                                              Annotation[] annotations, MediaType mediaType,
                                              MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        JsonNode items = JSON.readTree(body).path("items");
        List<ObjectNode> objects = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            if (item instanceof ObjectNode object) {
                objects.add(object);
            }
        }
        return ResourceSummaryCollection.builder().items(new Items(objects)).build();
    }

    /** The JSON items of a page read raw (see {@link #raw}). */
    static List<ObjectNode> raw(ResourceSummaryCollection page) {
        if (page.getItems() instanceof Items items) {
            return items.objects;
        }
        throw new IllegalStateException("a Resource Search page was bound by the SDK, not read raw");
    }

    /** The page's items as the SDK's models for whoever asks (bound one by one), their JSON for ocidiff. */
    private static final class Items extends AbstractList<ResourceSummary> {
        private final List<ObjectNode> objects;

        Items(List<ObjectNode> objects) {
            this.objects = objects;
        }

        @Override
        public ResourceSummary get(int index) {
            return JacksonSerializer.getDefaultObjectMapper().convertValue(objects.get(index), ResourceSummary.class);
        }

        @Override
        public int size() {
            return objects.size();
        }
    }
}
