package io.github.ocidiff.config;

import java.util.Arrays;
import java.util.Locale;

/** The kinds of change a suppress rule can name: the report's change kinds, and transient resources. */
public enum RuleKind {
    CREATED, DELETED, MODIFIED, MOVED, TRANSIENT;

    static RuleKind parse(Section s, String key, String value, String rule) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw s.invalid(key, "one of " + String.join(", ", Arrays.stream(values()).map(Enum::name).toList())
                    + " in " + rule, value);
        }
    }
}
