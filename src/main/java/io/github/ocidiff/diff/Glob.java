package io.github.ocidiff.diff;

import java.util.regex.Pattern;

/** A name pattern: {@code *} matches any run of characters, everything else itself. */
final class Glob {
    private final Pattern pattern;

    Glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            regex.append(regex.isEmpty() ? "" : ".*").append(Pattern.quote(part));
        }
        this.pattern = Pattern.compile(regex.toString());
    }

    boolean matches(String text) {
        return text != null && pattern.matcher(text).matches();
    }
}
