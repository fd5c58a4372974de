package io.github.ocidiff.oci;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * The items of a Resource Search page as the service answered them: the page's bytes, where each item
 * lies in them, and each item's {@code identifier} and {@code resourceType} when they are strings. An
 * item becomes a JSON tree only when asked for, so that a page waiting to be handled holds a sixth of the
 * memory its trees would, and so that a crawl can recognise an item it saw before by its bytes alone
 * ({@link #digest}) without parsing it. Immutable.
 */
public final class SearchItems {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] page;
    private final int[] starts;
    private final int[] ends;
    private final String[] identifiers;
    private final String[] resourceTypes;

    private SearchItems(byte[] page, int[] starts, int[] ends, String[] identifiers, String[] resourceTypes) {
        this.page = page;
        this.starts = starts;
        this.ends = ends;
        this.identifiers = identifiers;
        this.resourceTypes = resourceTypes;
    }

    /**
     * Finds the objects of the page's {@code items} array; other members are skipped.
     *
     * @throws IOException when the page is not a JSON object or is cut short, or an item is no object with an {@code
     *                     identifier} and a {@code resourceType} string, as every Resource Search result has: one
     *                     without could be neither stored nor told from another, so the scope is not collected
     */
    public static SearchItems of(byte[] page) throws IOException {
        int[] starts = new int[1024];
        int[] ends = new int[1024];
        String[] identifiers = new String[1024];
        String[] resourceTypes = new String[1024];
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
                    if (item != JsonToken.START_OBJECT) {
                        throw new IOException("item " + (count + 1) + " of a Resource Search page is no JSON object");
                    }
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                        ends = Arrays.copyOf(ends, count * 2);
                        identifiers = Arrays.copyOf(identifiers, count * 2);
                        resourceTypes = Arrays.copyOf(resourceTypes, count * 2);
                    }
                    String identifier = null;
                    String resourceType = null;
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        JsonToken member = parser.nextToken();
                        // As in a tree, a member named twice counts with its last value.
                        if (name.equals("identifier")) {
                            identifier = member == JsonToken.VALUE_STRING ? parser.getText() : null;
                        } else if (name.equals("resourceType")) {
                            resourceType = member == JsonToken.VALUE_STRING ? parser.getText() : null;
                        }
                        parser.skipChildren();
                    }
                    int end = (int) parser.currentLocation().getByteOffset();
                    if (identifier == null || resourceType == null) {
                        throw new IOException("item " + (count + 1) + " of a Resource Search page has no " + (identifier
                                == null ? "\"identifier\"" : "\"resourceType\"") + " string: " + excerpt(page, (int) start, end));
                    }
                    starts[count] = (int) start;
                    ends[count] = end;
                    identifiers[count] = identifier;
                    resourceTypes[count++] = resourceType;
                }
            }
        }
        return new SearchItems(page, Arrays.copyOf(starts, count), Arrays.copyOf(ends, count),
                Arrays.copyOf(identifiers, count), Arrays.copyOf(resourceTypes, count));
    }

    /** The item's text, up to 200 characters, for a message. */
    private static String excerpt(byte[] page, int start, int end) {
        String text = new String(page, start, Math.min(end - start, 400), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    public int size() {
        return starts.length;
    }

    /** The item as a JSON tree, parsed anew on every call. */
    public ObjectNode json(int index) {
        try {
            return (ObjectNode) JSON.readTree(page, starts[index], ends[index] - starts[index]);
        } catch (IOException e) {
            // The page was parsed whole when it was read: its items parse again.
            throw new UncheckedIOException(e);
        }
    }

    /** Every item as a JSON tree, each parsed when it is got. */
    public List<ObjectNode> json() {
        return new AbstractList<>() {
            @Override
            public ObjectNode get(int index) {
                return json(index);
            }

            @Override
            public int size() {
                return starts.length;
            }
        };
    }

    /** The item's {@code identifier}. */
    public String identifier(int index) {
        return identifiers[index];
    }

    /** The item's {@code resourceType}. */
    public String resourceType(int index) {
        return resourceTypes[index];
    }

    /** Feeds the item's bytes, exactly as the service answered them, to {@code digest}. */
    public void digest(int index, MessageDigest digest) {
        digest.update(page, starts[index], ends[index] - starts[index]);
    }
}
