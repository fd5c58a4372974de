package io.github.ocidiff.config;

import java.util.regex.Pattern;

/** Suppress rules and waivers have names: reports count per name, and errors and reviewers cite them. */
final class RuleNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private RuleNames() {
    }

    static String read(Section s, String what) {
        String name = s.optionalString("name");
        if (name == null) {
            throw s.error("name", "is required for every " + what + ", e.g. name: CHG-1234 or name: oke-node-pools");
        }
        if (!NAME.matcher(name).matches()) {
            throw s.invalid("name", "letters, digits, '.', '_' and '-' (a ticket id like CHG-1234)", name);
        }
        return name;
    }
}
