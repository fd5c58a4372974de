package io.github.ocidiff.store;

import static io.github.ocidiff.store.jooq.Tables.COMPARTMENT_TREE;
import static io.github.ocidiff.store.jooq.Tables.SNAPSHOT_COMPARTMENTS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.ocidiff.crawl.Canonicalizer;
import io.github.ocidiff.crawl.Compartment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The compartment tree of each snapshot, stored once per distinct tree. */
final class CompartmentRows {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CompartmentRows() {
    }

    static void save(DSLContext tx, long snapshotId, List<Compartment> compartments) {
        ArrayNode array = JSON.createArrayNode();
        compartments.stream().sorted(Comparator.comparing(Compartment::id)).forEach(c -> array.addObject()
                .put("id", c.id()).put("parentId", c.parentId()).put("name", c.name()).put("path", c.path()));
        String json = write(array);
        byte[] sha = Sha256.bytes(Canonicalizer.sha256(json));
        tx.mergeInto(COMPARTMENT_TREE).using(DSL.selectOne()).on(COMPARTMENT_TREE.SHA256.eq(sha))
                .whenNotMatchedThenInsert(COMPARTMENT_TREE.SHA256, COMPARTMENT_TREE.BODY)
                .values(sha, JsonBodies.compress(json))
                .execute();
        tx.deleteFrom(SNAPSHOT_COMPARTMENTS).where(SNAPSHOT_COMPARTMENTS.SNAPSHOT_ID.eq(snapshotId)).execute();
        tx.insertInto(SNAPSHOT_COMPARTMENTS)
                .set(SNAPSHOT_COMPARTMENTS.SNAPSHOT_ID, snapshotId)
                .set(SNAPSHOT_COMPARTMENTS.TREE_SHA256, sha)
                .execute();
        deleteOrphanTrees(tx);
    }

    static Optional<List<Compartment>> find(DSLContext dsl, long snapshotId) {
        return dsl.select(COMPARTMENT_TREE.BODY).from(SNAPSHOT_COMPARTMENTS)
                .join(COMPARTMENT_TREE).on(COMPARTMENT_TREE.SHA256.eq(SNAPSHOT_COMPARTMENTS.TREE_SHA256))
                .where(SNAPSHOT_COMPARTMENTS.SNAPSHOT_ID.eq(snapshotId))
                .fetchOptional(COMPARTMENT_TREE.BODY)
                .map(body -> read(JsonBodies.decompress(body)));
    }

    static void deleteFor(DSLContext tx, long snapshotId) {
        tx.deleteFrom(SNAPSHOT_COMPARTMENTS).where(SNAPSHOT_COMPARTMENTS.SNAPSHOT_ID.eq(snapshotId)).execute();
        deleteOrphanTrees(tx);
    }

    private static void deleteOrphanTrees(DSLContext tx) {
        tx.deleteFrom(COMPARTMENT_TREE).where(DSL.notExists(DSL.selectOne().from(SNAPSHOT_COMPARTMENTS)
                .where(SNAPSHOT_COMPARTMENTS.TREE_SHA256.eq(COMPARTMENT_TREE.SHA256)))).execute();
    }

    private static List<Compartment> read(String json) {
        try {
            List<Compartment> compartments = new ArrayList<>();
            for (JsonNode c : JSON.readTree(json)) {
                compartments.add(new Compartment(c.path("id").asText(), c.path("parentId").textValue(),
                        c.path("name").asText(), c.path("path").asText()));
            }
            return compartments;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored compartment tree is damaged", e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
