package io.github.ocidiff.oci;

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
import java.util.Arrays;

/**
 * Reads a Resource Search page for the search clients in place of the SDK's model binding: the items
 * stay the JSON the service answered. The SDK's {@link ResourceSummary} drops fields it does not know, and
 * a snapshot must keep them; binding a million models only to write them out again as JSON was also the
 * larger part of a crawl's CPU. The SDK still signs, sends, retries and reports errors as usual.
 *
 * <p>A page keeps its bytes ({@link SearchItems}).
 */
final class SearchPageReader implements MessageBodyReader<ResourceSummaryCollection> {
    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == ResourceSummaryCollection.class;
    }

    @Override
    public ResourceSummaryCollection readFrom(Class<ResourceSummaryCollection> type, Type genericType,
                                              Annotation[] annotations, MediaType mediaType,
                                              MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        return ResourceSummaryCollection.builder().items(new Items(SearchItems.of(readAll(body, headers)))).build();
    }

    /**
     * The body's bytes, read into one array of the announced length when there is one (as a page of a
     * thousand items has): reading a stream of unknown length copies its bytes some three times over,
     * which made page reading the crawl's largest allocation.
     */
    static byte[] readAll(InputStream body, MultivaluedMap<String, String> headers) throws IOException {
        String announced = headers == null ? null : headers.getFirst("Content-Length");
        // A decoded body is longer than its announced (encoded) length.
        if (announced == null || headers.getFirst("Content-Encoding") != null) {
            return body.readAllBytes();
        }
        int length;
        try {
            length = Integer.parseInt(announced.trim());
        } catch (NumberFormatException e) {
            return body.readAllBytes();
        }
        if (length < 0) {
            return body.readAllBytes();
        }
        byte[] page = new byte[length];
        int read = body.readNBytes(page, 0, length);
        if (read < length) {
            return Arrays.copyOf(page, read);
        }
        byte[] more = body.readAllBytes();
        if (more.length == 0) {
            return page;
        }
        byte[] all = Arrays.copyOf(page, length + more.length);
        System.arraycopy(more, 0, all, length, more.length);
        return all;
    }

    /** The items of a page read raw. */
    static SearchItems raw(ResourceSummaryCollection page) {
        if (page.getItems() instanceof Items items) {
            return items.raw;
        }
        throw new IllegalStateException("a Resource Search page was bound by the SDK, not read raw");
    }

    /** The page's items as the SDK's models for whoever asks (bound one by one), their JSON for ocidiff. */
    private static final class Items extends AbstractList<ResourceSummary> {
        private final SearchItems raw;

        private Items(SearchItems raw) {
            this.raw = raw;
        }

        @Override
        public ResourceSummary get(int index) {
            return JacksonSerializer.getDefaultObjectMapper().convertValue(raw.json(index), ResourceSummary.class);
        }

        @Override
        public int size() {
            return raw.size();
        }
    }
}
