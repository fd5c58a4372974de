package io.github.ocidiff.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Offset paging over in-memory lists, for sources small enough to hold. */
public final class Pages {
    private Pages() {
    }

    public static Page slice(List<JsonNode> all, int offset, int limit) {
        int from = Math.min(offset, all.size());
        int to = (int) Math.min(all.size(), (long) from + limit);
        return new Page(all.subList(from, to), to < all.size() ? to : null);
    }
}
