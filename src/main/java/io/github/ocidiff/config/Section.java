package io.github.ocidiff.config;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One map of config.yaml while it is bound to a record. Each typed read takes a key and its default,
 * expands {@code ${VAR}}, and names the full key path (e.g. {@code oci.retries.maxAttempts}) in any
 * error. The keys read are the valid keys of the map: any other key is reported as unknown, with
 * the closest valid spelling. An absent key, or one set to null, takes its default.
 */
final class Section {

    private static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");
    private static final Duration MAX_DURATION = Duration.ofHours(24);
    private static final String DURATION_EXPECTED =
            "a duration from 1ms to 24h like 500ms, 10s, 5m, 1h, or a whole number of seconds";

    private final String file;               // as shown in messages
    private final Path userHome;             // for ~ in paths
    private final UnaryOperator<String> env; // for ${VAR}
    private final String path;               // "" at the root, else like "oci.retries" or "rules.ignore[0]"
    private final JsonNode node;
    private final Set<String> known = new LinkedHashSet<>();

    private Section(String file, Path userHome, UnaryOperator<String> env, String path, JsonNode node) {
        this.file = file;
        this.userHome = userHome;
        this.env = env;
        this.path = path;
        this.node = node == null || node.isNull() || node.isMissingNode() ? EMPTY : node;
        if (!this.node.isObject()) {
            throw fail(path, "must be a map of keys (key: value lines), got " + describe(node));
        }
    }

    /** Binds a whole file; {@code file} names it in messages. */
    static <T> T bind(String file, JsonNode root, Path userHome, UnaryOperator<String> env, Function<Section, T> binder) {
        return new Section(file, userHome, env, "", root).finish(binder);
    }

    /** The sub-map {@code key}, bound by {@code binder}; all defaults when absent. */
    <T> T section(String key, Function<Section, T> binder) {
        return child(pathOf(key), value(key)).finish(binder);
    }

    /** The list of maps {@code key}, each bound by {@code binder}; empty when absent. */
    <T> List<T> list(String key, Function<Section, T> binder) {
        JsonNode items = value(key);
        if (items == null) {
            return List.of();
        }
        if (!items.isArray()) {
            throw invalid(key, "a list of maps (lines starting with \"- \")", items);
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String where = pathOf(key) + "[" + i + "]";
            if (item.isNull()) {
                throw fail(where, "must be a map of keys, got an empty item; remove the lone \"-\"");
            }
            out.add(child(where, item).finish(binder));
        }
        return List.copyOf(out);
    }

    /** A string; any scalar (number, boolean) reads as its text. */
    String string(String key, String defaultValue) {
        String value = scalar(key, "a string");
        return value == null ? defaultValue : value;
    }

    /** A string that may be unset: null when absent, null or blank (so {@code ${VAR:-}} can unset it). */
    String optionalString(String key) {
        String value = scalar(key, "a string");
        return value == null || value.isBlank() ? null : value;
    }

    boolean bool(String key, boolean defaultValue) {
        String value = scalar(key, "true or false");
        if (value == null) {
            return defaultValue;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, "true or false", value);
        };
    }

    int integer(String key, int defaultValue, int min, int max) {
        String expected = "an integer from " + min + " to " + max;
        String value = scalar(key, expected);
        if (value == null) {
            return defaultValue;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n >= min && n <= max) {
                return (int) n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw invalid(key, expected, value);
    }

    /** A duration such as {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}; a bare number means seconds. */
    Duration duration(String key, String defaultValue) {
        String value = scalar(key, DURATION_EXPECTED);
        Duration duration = parseDuration(value == null ? defaultValue : value.trim());
        if (duration == null || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw invalid(key, DURATION_EXPECTED, value);
        }
        return duration;
    }

    /** A file path; a leading {@code ~} is the user's home. Relative paths stay relative to the working directory. */
    Path path(String key, String defaultValue) {
        String value = scalar(key, "a file path");
        String text = value == null ? defaultValue : value;
        try {
            if (!text.isBlank()) {
                return text.equals("~") ? userHome
                        : text.startsWith("~/") ? userHome.resolve(text.substring(2))
                        : Path.of(text);
            }
        } catch (InvalidPathException e) {
            // reported below
        }
        throw invalid(key, "a file path", text);
    }

    /** One of an enum's constants, written in lower or upper case, with - or _ between words. */
    <E extends Enum<E>> E choice(String key, E defaultValue) {
        E[] constants = defaultValue.getDeclaringClass().getEnumConstants();
        String expected = "one of " + Arrays.stream(constants)
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        String value = scalar(key, expected);
        if (value == null) {
            return defaultValue;
        }
        String name = value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E constant : constants) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw invalid(key, expected, value);
    }

    /** A list of non-empty strings; empty when absent. A single value is not a list: it is an error. */
    List<String> strings(String key) {
        return strings(key, List.of());
    }

    /** A list of non-empty strings, {@code defaults} when absent (an explicit [] stays empty). */
    List<String> strings(String key, List<String> defaults) {
        JsonNode items = value(key);
        if (items == null) {
            return defaults;
        }
        if (!items.isArray()) {
            throw invalid(key, "a list of strings, like [a, b] or lines starting with \"- \"", items);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String where = pathOf(key) + "[" + i + "]";
            JsonNode item = items.get(i);
            if (item.isContainerNode() || item.isNull()) {
                throw fail(where, "must be a string, got " + describe(item));
            }
            String text = expand(where, item);
            if (text.isBlank()) {
                throw fail(where, "must not be empty; remove the item");
            }
            out.add(text);
        }
        return List.copyOf(out);
    }

    /**
     * Fails on the first key of this map that no read asked for. Binders that check one key against
     * another call it first, so that a misspelt key is reported as such rather than as a missing one.
     */
    void checkKeys() {
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!known.contains(key)) {
                String hint = Spelling.closest(key, known)
                        .map(k -> "did you mean \"" + k + "\"?")
                        .orElseGet(() -> known.isEmpty() ? "remove it" : "valid keys here: " + String.join(", ", known));
                throw new ConfigException(file + ": unknown key \"" + pathOf(key) + "\"; " + hint);
            }
        }
    }

    /** The full path of a key of this map, for messages: {@code publish.email.enabled}. */
    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** An error about {@code key}: "file: key.path: problem". */
    ConfigException error(String key, String problem) {
        return fail(pathOf(key), problem);
    }

    /** An error about the value of {@code key}: "file: key.path: must be expected, got "value"". */
    ConfigException invalid(String key, String expected, String value) {
        // A value read from the environment may be a secret (a password in the wrong key): shown as written.
        JsonNode written = node.get(key);
        String got = written != null && written.isTextual() && written.textValue().contains("${")
                ? quote(written.textValue()) + " (its variables not shown)" : quote(value);
        return error(key, "must be " + expected + ", got " + got);
    }

    private ConfigException invalid(String key, String expected, JsonNode value) {
        return error(key, "must be " + expected + ", got " + describe(value));
    }

    private ConfigException fail(String where, String problem) {
        return new ConfigException(file + ": " + (where.isEmpty() ? "" : where + ": ") + problem);
    }

    private Section child(String where, JsonNode value) {
        return new Section(file, userHome, env, where, value);
    }

    private <T> T finish(Function<Section, T> binder) {
        T result = binder.apply(this);
        checkKeys();
        return result;
    }

    /** The value of {@code key}, marking the key valid; null when absent or null. */
    private JsonNode value(String key) {
        known.add(key);
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    /** The expanded text of a scalar, or null when absent; a map or list is an error. */
    private String scalar(String key, String expected) {
        JsonNode value = value(key);
        if (value == null) {
            return null;
        }
        if (value.isContainerNode()) {
            throw invalid(key, expected, value);
        }
        return expand(pathOf(key), value);
    }

    private String expand(String where, JsonNode scalar) {
        if (!scalar.isTextual()) {
            return scalar.asText();
        }
        try {
            return EnvSubstitution.apply(scalar.textValue(), env);
        } catch (IllegalArgumentException e) {
            throw fail(where, e.getMessage());
        }
    }

    private static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    private static String describe(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isObject()) {
            return "a map";
        }
        if (value.isArray()) {
            return "a list";
        }
        return value.isTextual() ? quote(value.textValue()) : value.asText();
    }

    /** A value as a one-line, JSON-escaped, quoted string, cut short if long. */
    private static String quote(String value) {
        String shown = value.length() > 80 ? value.substring(0, 77) + "..." : value;
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(shown)) + "\"";
    }
}
