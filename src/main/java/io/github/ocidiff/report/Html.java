package io.github.ocidiff.report;

/** HTML escaping for the HTML report and the report mail, whose every value (names, tags, paths, actors) comes from the tenancy. */
public final class Html {
    private Html() {
    }

    /**
     * The text escaped for element content and for double- or single-quoted attribute values alike, so
     * callers cannot pick the wrong one. Control characters other than tab, LF and CR are not allowed in
     * HTML and become U+FFFD.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
