package io.github.ocidiff.store;

import static io.github.ocidiff.store.jooq.Tables.RESOURCE_INTERVAL;
import static io.github.ocidiff.store.jooq.Tables.RESOURCE_VERSION;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.github.ocidiff.store.jooq.Indexes;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Index;

/**
 * The store's two keys of random values, resource_interval's (OCID key) and resource_version's (SHA-256
 * key), which a snapshot into an empty store leaves out while it loads and builds at its commit: H2
 * builds an index in one sorted pass, where a million random inserts dirty most pages of its B-tree
 * between two background saves, which then rewrite them all (a first night of a million resources
 * spent most of its time there). Nothing reads by these keys while an empty store is loaded: new
 * resources are only appended, and readers only see committed snapshots.
 */
final class DeferredKeys {

    private static final List<Index> KEYS =
            List.of(Indexes.RESOURCE_INTERVAL_OCID_KEY, Indexes.RESOURCE_VERSION_SHA_KEY);

    private DeferredKeys() {
    }

    /** Drops the keys if the store holds no resource yet. */
    static void dropIfEmpty(DSLContext dsl) {
        if (dsl.fetchExists(RESOURCE_INTERVAL) || dsl.fetchExists(RESOURCE_VERSION)) {
            return;
        }
        for (Index key : KEYS) {
            dsl.dropIndexIfExists(key).execute();
        }
    }

    /**
     * Builds the keys that are missing: at the commit or abandon of a snapshot that dropped them, and when
     * a store is opened after one crashed; two lookups when none is. DDL, so outside any transaction.
     */
    static void restore(DSLContext dsl) {
        for (Index key : missing(dsl)) {
            dsl.createIndex(key).on(key.getTable(), key.getFields()).execute();
        }
    }

    /** The keys the store lacks now. */
    static List<Index> missing(DSLContext dsl) {
        return KEYS.stream().filter(key -> !dsl.fetchExists(table(name("INFORMATION_SCHEMA", "INDEXES")),
                field(name("INDEX_NAME")).eq(key.getName()),
                field(name("TABLE_NAME")).eq(key.getTable().getName()))).toList();
    }
}
