package io.github.ocidiff.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Consumer;

/** Offset paging over in-memory lists, for sources small enough to hold, and over a source's Search items. */
public final class Pages {
    private Pages() {
    }

    /** Each Search item of a region that a query matches, a page of 1000 at a time, as the source pages them. */
    static void forEachResource(TenancySource source, String region, ResourceQuery query, Consumer<JsonNode> each) {
        Integer offset = 0;
        while (offset != null) {
            Page page = source.resources(region, query, offset, 1000);
            page.items().forEach(each);
            offset = page.items().isEmpty() ? null : page.nextOffset();
        }
    }

    public static Page slice(List<JsonNode> all, int offset, int limit) {
        int from = Math.min(offset, all.size());
        int to = (int) Math.min(all.size(), (long) from + limit);
        return new Page(all.subList(from, to), to < all.size() ? to : null);
    }
}
