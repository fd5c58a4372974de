package io.github.ocidiff.config;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${VAR}} and {@code ${VAR:-default}} in a config value, so that secrets and
 * per-host settings can stay out of config.yaml. As in the shell, the default also replaces an
 * empty value. The expansion is not expanded again.
 */
final class EnvSubstitution {

    private static final Pattern REFERENCE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(:-(.*))?", Pattern.DOTALL);

    private EnvSubstitution() {
    }

    /**
     * @param env looks a variable up; null when unset
     * @throws IllegalArgumentException with the problem and fix (never the value, which may be a secret)
     */
    static String apply(String text, UnaryOperator<String> env) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int start; (start = text.indexOf("${", from)) >= 0; ) {
            int end = text.indexOf('}', start);
            if (end < 0) {
                throw new IllegalArgumentException("has a \"${\" without its closing \"}\"; write ${NAME} or ${NAME:-default}");
            }
            out.append(text, from, start).append(lookup(text.substring(start + 2, end), env));
            from = end + 1;
        }
        return out.append(text, from, text.length()).toString();
    }

    private static String lookup(String reference, UnaryOperator<String> env) {
        Matcher m = REFERENCE.matcher(reference);
        if (!m.matches()) {
            throw new IllegalArgumentException("has a \"${...}\" that is not ${NAME} or ${NAME:-default}"
                    + " (NAME: letters, digits and _)");
        }
        if (m.group(3) != null && m.group(3).contains("${")) {
            // The first "}" ends the reference: a nested one would leave a stray "}" in the value.
            throw new IllegalArgumentException("has a ${...} inside a default, which is not expanded; write the"
                    + " default out, as in ${NAME:-value}");
        }
        String name = m.group(1);
        String value = env.apply(name);
        boolean hasDefault = m.group(2) != null;
        if (value == null || (value.isEmpty() && hasDefault)) {
            if (!hasDefault) {
                throw new IllegalArgumentException("environment variable " + name + " is not set; export it or write ${"
                        + name + ":-default}");
            }
            return m.group(3);
        }
        return value;
    }
}
