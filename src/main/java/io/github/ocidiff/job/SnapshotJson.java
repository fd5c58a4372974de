package io.github.ocidiff.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ocidiff.store.SnapshotInfo;

/** What a snapshot covers beside its plan, as `snapshots --format json` and evidence packs write it. */
public final class SnapshotJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotJson() {
    }

    /**
     * Sets {@code narrowedTo} (what the command line narrowed it to, or null) and {@code filled} (the earlier
     * snapshot of its day whose gaps it filled, what it took again and since when it holds the rest, or null).
     */
    public static void provenance(ObjectNode node, SnapshotInfo s) {
        node.set("narrowedTo", s.narrowing().isNone() ? NullNode.instance : JSON.valueToTree(s.narrowing()));
        node.set("filled", s.fill().<JsonNode>map(f -> {
            ObjectNode fill = node.objectNode().put("snapshotId", f.filledId());
            fill.set("retaken", JSON.valueToTree(f.retaken()));
            return fill.put("keptSince", f.since().toString());
        }).orElse(NullNode.instance));
    }
}
