package io.github.ocidiff.store;

import static io.github.ocidiff.store.jooq.Tables.RESOURCE_INTERVAL;
import static io.github.ocidiff.store.jooq.Tables.RESOURCE_VERSION;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.github.ocidiff.store.jooq.Indexes;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.jooq.DSLContext;
import org.jooq.Index;

/**
 * The store's two keys of random values, resource_interval's (OCID key) and resource_version's (SHA-256
 * key), which a snapshot into an empty store leaves out while it loads: H2 builds an index in one sorted
 * pass, where a million random inserts dirty most pages of its B-tree between two background saves, which
 * then rewrite them all (a first night of a million resources spent most of its time there).
 * <p>
 * Nothing a first night's commit does needs them unless it staged rows, so it leaves them out too. The
 * next snapshot builds them on a thread of its own while its crawl waits for Search's answers (at the
 * commit of a first night of a million they took 3-4.5 s of its wall time, on the same two cores; a small
 * store builds them before the crawl's first page, see Store), and whatever reads through them first in
 * the meantime (a resource's history, pruning) builds them at once. H2 locks the table for the build, so a
 * snapshot leaves resource_interval alone while it runs ({@link #building}).
 * One per open store; thread-safe.
 */
final class DeferredKeys {

    private static final List<Index> KEYS =
            List.of(Indexes.RESOURCE_INTERVAL_OCID_KEY, Indexes.RESOURCE_VERSION_SHA_KEY);

    private final DSLContext dsl;
    /** Whether a key is missing, built or not yet. */
    private volatile boolean pending;
    /** The build {@link #buildBehind} started, until {@link #require} waited for it. */
    private volatile CompletableFuture<Void> build;

    private DeferredKeys(DSLContext dsl, boolean pending) {
        this.dsl = dsl;
        this.pending = pending;
    }

    /**
     * The keys of a store just opened: built at once when it holds no resource (a first night cut short,
     * emptied), else left to be built when needed if a first night left them out (or a crash, their build).
     */
    static DeferredKeys of(DSLContext dsl) {
        DeferredKeys keys = new DeferredKeys(dsl, !missing(dsl).isEmpty());
        keys.requireIfEmpty();
        return keys;
    }

    /** Builds the missing keys if the store holds no resource, which takes no time: at rest, the schema is the migrations'. */
    synchronized void requireIfEmpty() {
        if (pending && !dsl.fetchExists(RESOURCE_INTERVAL)) {
            require();
        }
    }

    /** Drops the keys if the store holds no resource yet; a snapshot into it is about to load. */
    synchronized void dropIfEmpty() {
        if (dsl.fetchExists(RESOURCE_INTERVAL) || dsl.fetchExists(RESOURCE_VERSION)) {
            return;
        }
        for (Index key : KEYS) {
            dsl.dropIndexIfExists(key).execute();
        }
        pending = true;
    }

    /** Whether a key is missing (being built or not): {@link #require} before reading or updating through one. */
    boolean pending() {
        return pending;
    }

    /** Starts building the missing keys on a thread of {@code executor}, unless none is missing or it started. */
    synchronized void buildBehind(Executor executor) {
        if (pending && build == null) {
            build = CompletableFuture.runAsync(() -> {
                create(dsl);
                pending = false;
            }, executor);
        }
    }

    /** Whether the keys are being built now, H2 holding resource_interval locked for it. */
    boolean building() {
        CompletableFuture<Void> running = build;
        return running != null && !running.isDone();
    }

    /**
     * Makes sure the keys exist: waits for the build {@link #buildBehind} started, or builds them now.
     * DDL, so outside any transaction. A build that failed is tried once more here.
     */
    synchronized void require() {
        if (!pending) {
            return;
        }
        CompletableFuture<Void> started = build;
        build = null;
        if (started != null) {
            try {
                started.join();
                return;
            } catch (CompletionException e) {
                // Tried again below, on this thread, where a failure is the caller's to report.
            }
        }
        create(dsl);
        pending = false;
    }

    /** Waits for a build {@link #buildBehind} started to end, whatever its outcome: before undoing a snapshot. */
    synchronized void awaitBuild() {
        CompletableFuture<Void> started = build;
        if (started != null) {
            started.exceptionally(e -> null).join();
        }
    }

    private static void create(DSLContext dsl) {
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
