package io.github.ocidiff.sim;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the subset of Resource Search's structured query language ocidiff uses:
 * {@code query all|Type[, Type] resources [return allAdditionalFields] [where C [|| C]...] [sorted by ...]}
 * where a condition is {@code compartmentId = 'ocid'} or {@code identifier = 'ocid'}, several of one kind
 * joined by {@code ||} (optionally in parentheses) selecting any of them, or {@code compartmentId != 'ocid'},
 * several joined by {@code &&} leaving each out.
 */
final class StructuredQuery {
    private static final Pattern QUERY = Pattern.compile(
            "(?is)\\s*query\\s+(.+?)\\s+resources(?:\\s+return\\s+allAdditionalFields)?"
                    + "(?:\\s+where\\s+(.+?))?(?:\\s+sorted\\s+by\\s+.+)?\\s*");
    private static final Pattern CONDITION = Pattern.compile("(?i)\\s*(compartmentId|identifier)\\s*=\\s*'([^']*)'\\s*");
    private static final Pattern EXCLUSION = Pattern.compile("(?i)\\s*compartmentId\\s*!=\\s*'([^']*)'\\s*");

    private StructuredQuery() {
    }

    static ResourceQuery parse(String text) {
        Matcher m = QUERY.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw SimError.badRequest("InvalidParameter", "Invalid structured query: " + text);
        }
        Set<String> types = new LinkedHashSet<>();
        String typeList = m.group(1).trim();
        if (!typeList.toLowerCase(Locale.ROOT).equals("all")) {
            for (String type : typeList.split(",")) {
                if (type.isBlank()) {
                    throw SimError.badRequest("InvalidParameter", "Empty resource type in query: " + text);
                }
                types.add(type.trim());
            }
        }
        Set<String> compartments = new LinkedHashSet<>();
        Set<String> excluded = new LinkedHashSet<>();
        Set<String> identifiers = new LinkedHashSet<>();
        if (m.group(2) != null && m.group(2).contains("!=")) {
            for (String clause : m.group(2).split("&&")) {
                Matcher c = EXCLUSION.matcher(clause.replace("(", " ").replace(")", " "));
                if (!c.matches()) {
                    throw SimError.badRequest("InvalidParameter", "Unsupported condition in query: " + clause.trim());
                }
                excluded.add(c.group(1));
            }
        } else if (m.group(2) != null) {
            for (String clause : m.group(2).split("\\|\\|")) {
                Matcher c = CONDITION.matcher(clause.replace("(", " ").replace(")", " "));
                if (!c.matches()) {
                    throw SimError.badRequest("InvalidParameter", "Unsupported condition in query: " + clause.trim());
                }
                (c.group(1).equalsIgnoreCase("identifier") ? identifiers : compartments).add(c.group(2));
            }
        }
        if (!compartments.isEmpty() && !identifiers.isEmpty()) {
            // Either of two lists joined by || would select their union, which ResourceQuery does not express.
            throw SimError.badRequest("InvalidParameter", "Unsupported query: compartmentId and identifier conditions"
                    + " together: " + text);
        }
        return new ResourceQuery(types, compartments, excluded, identifiers);
    }
}
