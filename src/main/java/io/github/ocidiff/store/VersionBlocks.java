package io.github.ocidiff.store;

import static io.github.ocidiff.store.jooq.Tables.VERSION_BLOCK;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Versions in blocks (migration V7): up to {@link #SIZE} canonical JSON texts, one per line, compressed
 * together. Block ids are handed out by the writer in the order blocks are written, so that the intervals'
 * block index grows at its end.
 */
final class VersionBlocks {

    /**
     * Versions per block. Larger blocks compress a little better, but reading one version decompresses its
     * whole block (at 32, some 20 KB of JSON): a diff of 1,000 changes in a store of a million took 214 ms
     * instead of 91 with a row per version.
     */
    static final int SIZE = 32;

    private final long snapshotId;
    private final String insert;
    private long nextId;

    /** @param snapshotId the snapshot writing the blocks, which deleting it deletes with it */
    VersionBlocks(DSLContext dsl, long snapshotId) {
        this.snapshotId = snapshotId;
        this.insert = dsl.render(dsl.insertInto(VERSION_BLOCK, VERSION_BLOCK.ID, VERSION_BLOCK.FIRST_SNAPSHOT,
                VERSION_BLOCK.BODY).values((Long) null, null, null));
        this.nextId = dsl.select(VERSION_BLOCK.ID.max()).from(VERSION_BLOCK).fetchOptional(0, Long.class)
                .map(max -> max + 1).orElse(1L);
    }

    /** The id of the next block; one thread at a time (the store thread, then the commit). */
    long take() {
        return nextId++;
    }

    /**
     * Inserts blocks {@code ids} (from {@link #take}) on the caller's connection, in its transaction, as one
     * batch: block {@code ids[b]} holds {@code texts.get(b)} in line order.
     */
    void insert(Connection connection, long[] ids, List<List<String>> texts) throws SQLException {
        for (List<String> block : texts) {
            for (String json : block) {
                if (json.indexOf('\n') >= 0) {
                    throw new IllegalArgumentException("a canonical JSON text has a line break: " + json);
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (int b = 0; b < ids.length; b++) {
                statement.setLong(1, ids[b]);
                statement.setLong(2, snapshotId);
                statement.setBytes(3, JsonBodies.compress(String.join("\n", texts.get(b))));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Reads versions by block and line for one stream of rows, keeping the last blocks it decompressed: rows
     * read in the order they were written find their block decompressed already. Only the line asked for
     * is decoded, as a diff reads one version of most blocks it opens.
     */
    static final class Reader {
        private static final int CACHED = 64;

        private final DSLContext dsl;
        private final String select;
        private final Map<Long, Block> blocks = new LinkedHashMap<>(CACHED * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Block> eldest) {
                return size() > CACHED;
            }
        };

        Reader(DSLContext dsl) {
            this.dsl = dsl;
            this.select = dsl.render(dsl.select(VERSION_BLOCK.BODY).from(VERSION_BLOCK)
                    .where(VERSION_BLOCK.ID.eq((Long) null)));
        }

        String json(long blockId, int line) {
            Block block = blocks.computeIfAbsent(blockId, this::load);
            if (line < 0 || line >= block.starts.length - 1) {
                throw new IllegalStateException("version block " + blockId + " has no line " + line);
            }
            int start = block.starts[line];
            return new String(block.text, start, block.starts[line + 1] - 1 - start, StandardCharsets.UTF_8);
        }

        /** Plain JDBC with the statement rendered once: jOOQ's rendering cost more than the decompression. */
        private Block load(long blockId) {
            byte[] body = dsl.connectionResult(c -> {
                try (PreparedStatement statement = c.prepareStatement(select)) {
                    statement.setLong(1, blockId);
                    try (ResultSet row = statement.executeQuery()) {
                        return row.next() ? row.getBytes(1) : null;
                    }
                }
            });
            if (body == null) {
                throw new IllegalStateException("version block " + blockId + " is missing");
            }
            return Block.of(JsonBodies.decompressBytes(body));
        }
    }

    /** A block's text and where each line starts ({@code starts[n]}: one past the end, as if a line break followed). */
    private record Block(byte[] text, int[] starts) {
        static Block of(byte[] text) {
            int lines = 1;
            for (byte b : text) {
                if (b == '\n') {
                    lines++;
                }
            }
            int[] starts = new int[lines + 1];
            int line = 1;
            for (int i = 0; i < text.length; i++) {
                if (text[i] == '\n') {
                    starts[line++] = i + 1;
                }
            }
            starts[lines] = text.length + 1;
            return new Block(text, starts);
        }
    }
}
