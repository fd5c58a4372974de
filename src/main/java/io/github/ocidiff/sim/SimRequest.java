package io.github.ocidiff.sim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request as the simulator's APIs see it: the region from the path prefix, the path below it
 * split into decoded segments, decoded query parameters, lower-case headers and the body.
 */
record SimRequest(String method, String region, List<String> segments, Map<String, String> query,
        Map<String, String> headers, byte[] body) {

    /** A request header by lower-case name, or null. */
    String header(String name) {
        return headers.get(name);
    }


    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    String segment(int i) {
        return i < segments.size() ? segments.get(i) : null;
    }

    boolean is(String method, int segmentCount) {
        return this.method.equals(method) && segments.size() == segmentCount;
    }

    String param(String name) {
        return query.get(name);
    }

    int intParam(String name, int defaultValue, int min, int max) {
        String value = query.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw SimError.badRequest("InvalidParameter", name + " must be from " + min + " to " + max + ".");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw SimError.badRequest("InvalidParameter", name + " must be an integer.");
        }
    }

    /** The offset encoded in an opc-next-page token, 0 when absent. */
    int pageOffset() {
        String page = query.get("page");
        if (page == null || page.isEmpty()) {
            return 0;
        }
        return PageToken.decode(page);
    }
}
