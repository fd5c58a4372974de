package io.github.ocidiff.crawl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The canonical form of a resource, so that the same content always has the same bytes and hash:
 * keys sorted at every level, top-level nulls dropped, search-time fields ({@code searchContext})
 * dropped, the creation time as RFC 3339 UTC to the millisecond, and the region recorded. Unknown fields
 * are kept: it is made from the JSON that Resource Search answered (or a saved copy of it), not from the
 * SDK's model, which drops fields it does not know.
 *
 * <p>The text is what Jackson writes for the sorted tree (its escapes, its number forms), so stores keep
 * their hashes; it is written here directly because it is made for every resource of every night, and
 * Jackson's generator and a sorted copy of the tree cost more CPU than the SDK's own paging.
 */
public final class Canonicalizer {

    /**
     * The version of the canonical form: bumped whenever the same input makes a different text, so that
     * digests of Search answers taken by an older version are not trusted ({@link SearchedResource}).
     */
    static final int FORM = 1;

    /** Fields that describe the search, not the resource: they change without the resource changing. */
    private static final String SEARCH_ONLY = "searchContext";

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * What {@link java.time.Instant#toString} writes for a valid time of a 4-digit year to the millisecond:
     * no fraction for a whole second, else 3 digits. Months, days and hours out of range do not match, so
     * that such text goes to the parser, which refuses it, as before.
     */
    private static final Pattern CANONICAL_TIME = Pattern.compile(
            "\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\\d|2[0-8])T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.(?!000)\\d{3})?Z");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** A digest per thread: looking one up per resource showed in the crawl's profile. */
    static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final Comparator<Map.Entry<String, JsonNode>> BY_NAME = Map.Entry.comparingByKey();

    private Canonicalizer() {
    }

    /** From Resource Search JSON (camelCase): a page item as the API answers it, or a saved copy. */
    public static CanonicalResource of(ObjectNode raw, String region) {
        @SuppressWarnings("unchecked")
        Map.Entry<String, JsonNode>[] members = new Map.Entry[raw.size() + 1];
        int count = 0;
        for (Map.Entry<String, JsonNode> member : raw.properties()) {
            String name = member.getKey();
            if (!member.getValue().isNull() && !name.equals(SEARCH_ONLY) && !name.equals("region")) {
                members[count++] = member;
            }
        }
        members[count++] = Map.entry("region", TextNode.valueOf(region));
        Arrays.sort(members, 0, count, BY_NAME);
        // A new builder each time: one that once held a non-Latin-1 character stays two bytes a character.
        StringBuilder out = new StringBuilder(1024).append('{');
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(',');
            }
            String name = members[i].getKey();
            JsonNode value = members[i].getValue();
            string(out, name);
            out.append(':');
            if (name.equals("timeCreated") && value.isTextual()) {
                string(out, normalizedTime(value.textValue()));
            } else {
                value(out, value);
            }
        }
        String json = out.append('}').toString();
        return new CanonicalResource(text(raw, "identifier"), region, text(raw, "resourceType"),
                text(raw, "compartmentId"), text(raw, "lifecycleState"), text(raw, "displayName"), json, sha256(json));
    }

    /** The hex SHA-256 of a canonical JSON text. */
    public static String sha256(String json) {
        return HexFormat.of().formatHex(SHA_256.get().digest(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** A value below the top level: objects with their keys sorted, nulls kept. */
    private static void value(StringBuilder out, JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.append('{');
                if (!node.isEmpty()) {
                    @SuppressWarnings("unchecked")
                    Map.Entry<String, JsonNode>[] members = node.properties().toArray(new Map.Entry[0]);
                    Arrays.sort(members, BY_NAME);
                    for (int i = 0; i < members.length; i++) {
                        if (i > 0) {
                            out.append(',');
                        }
                        string(out, members[i].getKey());
                        out.append(':');
                        value(out, members[i].getValue());
                    }
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    value(out, node.get(i));
                }
                out.append(']');
            }
            case STRING -> string(out, node.textValue());
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> {
                if (node.isInt() || node.isLong()) {
                    out.append(node.longValue());
                } else {
                    // Other numbers (doubles, big numbers) as Jackson writes them.
                    out.append(jackson(node));
                }
            }
        }
    }

    /** A JSON string as Jackson escapes it: quote, backslash and control characters; the rest as is. */
    private static void string(StringBuilder out, String text) {
        out.append('"');
        int i = 0;
        while (i < text.length() && !escaped(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            // Nothing to escape, as nearly always: one bulk copy (appending a range copies char by char).
            out.append(text);
        } else {
            for (int j = 0; j < text.length(); j++) {
                char c = text.charAt(j);
                if (!escaped(c)) {
                    out.append(c);
                    continue;
                }
                out.append('\\');
                switch (c) {
                    case '"', '\\' -> out.append(c);
                    case '\b' -> out.append('b');
                    case '\t' -> out.append('t');
                    case '\n' -> out.append('n');
                    case '\f' -> out.append('f');
                    case '\r' -> out.append('r');
                    default -> out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                }
            }
        }
        out.append('"');
    }

    private static boolean escaped(char c) {
        return c < 0x20 || c == '"' || c == '\\';
    }

    /**
     * RFC 3339 in UTC to the millisecond (the precision of OCI's times, and of the SDK model from which
     * earlier versions made this form), so "…00.000Z", "…00Z" and "…00.000000+00:00" hash alike. A time
     * already in that form, as OCI writes them, is kept without parsing it: parsing showed in the profile.
     */
    static String normalizedTime(String text) {
        if (CANONICAL_TIME.matcher(text).matches()) {
            return text;
        }
        try {
            return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS).toString();
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    private static String text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String jackson(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
