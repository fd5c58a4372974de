package io.github.ocidiff.oci;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a Resource Search page for the search clients in place of the SDK's model binding: the items
 * stay the JSON the service answered. The SDK's {@link ResourceSummary} drops fields it does not know, and
 * a snapshot must keep them; binding a million models only to write them out again as JSON was also the
 * larger part of a crawl's CPU. The SDK still signs, sends, retries and reports errors as usual.
 *
 * <p>A page keeps its bytes and where each item lies in them; an item becomes a JSON tree only when it is
 * asked for, so that pages waiting to be handled (one ahead per scope) hold a sixth of the memory their
 * trees would.
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
        return ResourceSummaryCollection.builder().items(Items.of(body.readAllBytes())).build();
    }

    /** The JSON items of a page read raw, each parsed when asked for (so once per {@code get}). */
    static List<ObjectNode> raw(ResourceSummaryCollection page) {
        if (page.getItems() instanceof Items items) {
            return items.json;
        }
        throw new IllegalStateException("a Resource Search page was bound by the SDK, not read raw");
    }

    /** The page's items as the SDK's models for whoever asks (bound one by one), their JSON for ocidiff. */
    private static final class Items extends AbstractList<ResourceSummary> {
        private final byte[] page;
        private final int[] starts;
        private final int[] ends;
        private final List<ObjectNode> json = new AbstractList<>() {
            @Override
            public ObjectNode get(int index) {
                return item(index);
            }

            @Override
            public int size() {
                return starts.length;
            }
        };

        private Items(byte[] page, int[] starts, int[] ends) {
            this.page = page;
            this.starts = starts;
            this.ends = ends;
        }

        /** Finds the objects of the page's {@code items} array; other members and non-objects are skipped. */
        static Items of(byte[] page) throws IOException {
            int[] starts = new int[1024];
            int[] ends = new int[1024];
            int count = 0;
            try (JsonParser parser = JSON.getFactory().createParser(page)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new IOException("a Resource Search page is not a JSON object");
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    boolean items = parser.currentName().equals("items");
                    JsonToken value = parser.nextToken();
                    if (!items || value != JsonToken.START_ARRAY) {
                        parser.skipChildren();
                        continue;
                    }
                    for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                        long start = parser.currentTokenLocation().getByteOffset();
                        parser.skipChildren();
                        if (item == JsonToken.START_OBJECT) {
                            if (count == starts.length) {
                                starts = Arrays.copyOf(starts, count * 2);
                                ends = Arrays.copyOf(ends, count * 2);
                            }
                            starts[count] = (int) start;
                            ends[count++] = (int) parser.currentLocation().getByteOffset();
                        }
                    }
                }
            }
            return new Items(page, Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
        }

        ObjectNode item(int index) {
            try {
                return (ObjectNode) JSON.readTree(page, starts[index], ends[index] - starts[index]);
            } catch (IOException e) {
                // The page was parsed whole when it was read: its items parse again.
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public ResourceSummary get(int index) {
            return JacksonSerializer.getDefaultObjectMapper().convertValue(item(index), ResourceSummary.class);
        }

        @Override
        public int size() {
            return starts.length;
        }
    }
}
