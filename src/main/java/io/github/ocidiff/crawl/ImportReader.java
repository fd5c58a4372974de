package io.github.ocidiff.crawl;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ocidiff.OcidiffException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads saved Resource Search results, streaming, in the shapes users keep them: the REST API's
 * array or {@code {"items": [...]}} collection (camelCase), or what the OCI CLI writes for
 * {@code oci search resource structured-search} ({@code {"data": {"items": [...]}}}, kebab-case keys),
 * each as it is or gzip-compressed (years of daily dumps are usually kept so; told by the content, not
 * the name). A malformed file (including one with anything after its JSON document, or gzip data whose
 * checksum fails) is an error naming the file and the line and column (of the text, once decompressed).
 */
public final class ImportReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REQUIRED = List.of("identifier", "resourceType", "compartmentId");
    private static final Pattern SOURCE = Pattern.compile("\\[Source: .*?; line: (\\d+)(?:, column: (\\d+))?]");
    /** Where Jackson's message says a limit comes from, as in ", from `StreamReadConstraints.getMaxStringLength()`". */
    private static final Pattern LIMIT_SOURCE = Pattern.compile(", from `[^`]*`");

    private ImportReader() {
    }

    /** @throws OcidiffException (usage) when {@code file} is missing or a folder: checked before any is read */
    public static void requireFile(Path file) {
        if (Files.isDirectory(file)) {
            throw OcidiffException.usage(file + ": is a folder; name the files in it, e.g. " + file.resolve("*.json"));
        }
        if (!Files.isRegularFile(file)) {
            throw OcidiffException.usage(file + ": not found");
        }
    }

    /** Streams the canonical resources of {@code file} for {@code region}; returns how many. */
    public static long read(Path file, String region, Consumer<CanonicalResource> sink) {
        requireFile(file);
        try (JsonParser parser = JSON.getFactory().createParser(open(file))) {
            try {
                JsonToken first = parser.nextToken();
                long count;
                if (first == JsonToken.START_ARRAY) {
                    count = items(parser, file, region, sink);
                } else if (first == JsonToken.START_OBJECT) {
                    count = findItems(parser, file, region, sink, 0);
                } else {
                    throw malformed(file, parser.currentLocation(), "expected a JSON array or object");
                }
                requireEnd(parser, file);
                return count;
            } catch (StreamConstraintsException e) {
                // A limit Jackson keeps (a string of 20 million characters, nesting 1,000 deep) carries no position.
                throw malformed(file, parser.currentLocation(), LIMIT_SOURCE.matcher(e.getOriginalMessage()).replaceAll("")
                        + ": no Resource Search results look like that");
            }
        } catch (JsonProcessingException e) {
            throw malformed(file, e.getLocation(), withoutSource(e.getOriginalMessage()));
        } catch (EOFException e) {
            // Only a gzip stream ends early: a file cut short in copying, say.
            throw malformed(file, null, "the gzip data is cut short (" + e.getMessage() + ")");
        } catch (ZipException e) {
            throw malformed(file, null, "the gzip data is corrupt (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw OcidiffException.runtime(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** The file's text: decompressed when it starts with gzip's magic bytes. */
    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /**
     * Nothing may follow the document: a second one, or the rest of something else, means the file is not the
     * inventory it seems. Reading to the end is also what makes gzip check its trailer (CRC and length).
     */
    private static void requireEnd(JsonParser parser, Path file) throws IOException {
        JsonLocation at;
        try {
            if (parser.nextToken() == null) {
                return;
            }
            at = parser.currentTokenLocation();
        } catch (JsonProcessingException e) {
            at = e.getLocation(); // not JSON at all: where the parser gave up on it
        }
        throw malformed(file, at, "content after the JSON document");
    }

    /** Jackson's message with its own locations ("[Source: REDACTED ...; line: 1, column: 2]") as just the position. */
    private static String withoutSource(String message) {
        return SOURCE.matcher(message)
                .replaceAll(m -> "line " + m.group(1) + (m.group(2) == null ? "" : ", column " + m.group(2)));
    }

    /** Inside an object: descends into "data", reads "items", skips everything else. */
    private static long findItems(JsonParser parser, Path file, String region, Consumer<CanonicalResource> sink, int depth)
            throws IOException {
        long count = -1;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("items") && value == JsonToken.START_ARRAY) {
                count = items(parser, file, region, sink);
            } else if (name.equals("opc-next-page") && value == JsonToken.VALUE_STRING) {
                // What the OCI CLI writes without --all: the first page, the rest read as deleted.
                throw malformed(file, parser.currentLocation(), "it holds one page of the results of several"
                        + " (\"opc-next-page\"); save them all with oci search resource structured-search --all");
            } else if (name.equals("data") && value == JsonToken.START_OBJECT && depth == 0) {
                count = findItems(parser, file, region, sink, depth + 1);
            } else {
                parser.skipChildren();
            }
        }
        if (count < 0 && depth == 0) {
            throw malformed(file, parser.currentLocation(), "no \"items\" array (expected [...], {\"items\": [...]}"
                    + " or the OCI CLI's {\"data\": {\"items\": [...]}})");
        }
        return count;
    }

    private static long items(JsonParser parser, Path file, String region, Consumer<CanonicalResource> sink)
            throws IOException {
        long count = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation at = parser.currentLocation();
            JsonNode item = JSON.readTree(parser);
            if (item == null || !item.isObject()) {
                throw malformed(file, at, "item " + (count + 1) + " is not an object");
            }
            ObjectNode camel = camelCaseTopLevel((ObjectNode) item);
            for (String field : REQUIRED) {
                if (!camel.hasNonNull(field)) {
                    throw malformed(file, at, "item " + (count + 1) + " has no \"" + field + "\"");
                }
            }
            sink.accept(Canonicalizer.of(camel, region));
            count++;
        }
        return count;
    }

    /**
     * The OCI CLI writes model attributes in kebab-case; only the top level is renamed, since tag
     * namespaces, tag keys and additional details are user data whose keys must stay as they are.
     */
    static ObjectNode camelCaseTopLevel(ObjectNode item) {
        ObjectNode out = JSON.createObjectNode();
        List<String> names = new ArrayList<>();
        item.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            out.set(camel(name), item.get(name));
        }
        return out;
    }

    private static String camel(String kebab) {
        StringBuilder out = new StringBuilder(kebab.length());
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static OcidiffException malformed(Path file, JsonLocation at, String problem) {
        String where = at == null ? "" : ": line " + at.getLineNr() + ", column " + at.getColumnNr();
        return OcidiffException.usage(file + where + ": " + problem + "; nothing was imported");
    }
}
