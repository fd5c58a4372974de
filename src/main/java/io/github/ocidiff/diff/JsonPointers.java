package io.github.ocidiff.diff;

import java.util.ArrayList;
import java.util.List;

/** RFC 6901 JSON Pointers: tag keys are user-controlled and may hold {@code /} or {@code ~}. */
public final class JsonPointers {

    private JsonPointers() {
    }

    /** One reference token: {@code ~} first (as {@code ~0}), so that the {@code ~} of {@code ~1} is not escaped again. */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** The inverse of {@link #escape}: {@code ~1} first, so that {@code ~01} reads back as {@code ~1}. */
    public static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }

    /** The pointer to member {@code key} of the value at {@code parent} ("" is the whole document). */
    public static String child(String parent, String key) {
        return parent + "/" + escape(key);
    }

    /** The pointer to element {@code index} of the array at {@code parent}. */
    public static String child(String parent, int index) {
        return parent + "/" + index;
    }

    /** The reference tokens of a pointer, still escaped: "" → none, "/a~1b/0" → ["a~1b", "0"]. */
    public static List<String> tokens(String pointer) {
        if (pointer.isEmpty()) {
            return List.of();
        }
        if (pointer.charAt(0) != '/') {
            throw new IllegalArgumentException("a JSON Pointer starts with /: " + pointer);
        }
        List<String> tokens = new ArrayList<>();
        int start = 1;
        for (int i = 1; i <= pointer.length(); i++) {
            if (i == pointer.length() || pointer.charAt(i) == '/') {
                tokens.add(pointer.substring(start, i));
                start = i + 1;
            }
        }
        return tokens;
    }

    /**
     * Whether a pattern's tokens cover a path's: the path is at or below the pattern, each {@code *}
     * token matching any one token. Token by token on the escaped form, so {@code a~1b} in a pattern
     * matches the tag key {@code a/b}.
     */
    public static boolean covers(List<String> pattern, List<String> path) {
        if (pattern.size() > path.size()) {
            return false;
        }
        for (int i = 0; i < pattern.size(); i++) {
            String p = pattern.get(i);
            if (!p.equals("*") && !p.equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }
}
