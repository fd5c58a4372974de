package io.github.ocidiff.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One page of items served by the simulator; {@code nextOffset} is null on the last page. */
public record Page(List<JsonNode> items, Integer nextOffset) {
    public Page {
        items = List.copyOf(items);
    }
}
