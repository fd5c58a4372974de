package io.github.ocidiff.store;

import static io.github.ocidiff.store.jooq.Tables.RESOURCE_INTERVAL;
import static io.github.ocidiff.store.jooq.Tables.RESOURCE_VERSION;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.upper;
import static org.jooq.impl.DSL.val;

import io.github.ocidiff.store.jooq.Indexes;
import io.github.ocidiff.store.jooq.tables.ResourceInterval;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Index;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Record3;
import org.jooq.ResultQuery;
import org.jooq.SelectConditionStep;
import org.jooq.impl.SQLDataType;

/**
 * Reads of resource_interval, each through an index on an interval bound so that no query scans the
 * whole history, and each streamed: a million resources never sit in memory.
 */
final class IntervalQueries {

    /** Rows the driver fetches at a time; H2 itself spills larger results to disk. */
    private static final int FETCH_SIZE = 1000;

    private static final ResourceInterval I = RESOURCE_INTERVAL;
    private static final List<Field<?>> COLUMNS = List.of(I.OCID, I.REGION, I.RESOURCE_TYPE, I.COMPARTMENT_ID,
            I.LIFECYCLE_STATE, I.DISPLAY_NAME, I.SHA256, I.BLOCK_ID, I.BLOCK_LINE, RESOURCE_VERSION.BODY);
    /** Versions stored before blocks (migration V7) are found by their SHA-256. */
    private static final Condition LEGACY_VERSION =
            I.BLOCK_ID.isNull().and(ShortKeys.hasSha(RESOURCE_VERSION, I.SHA256));
    private static final Index BY_VALID_TO = Indexes.RESOURCE_INTERVAL_VALID_TO;
    private static final Index BY_OCID_KEY = Indexes.RESOURCE_INTERVAL_OCID_KEY;
    /** OCIDs a query of {@link #wentBefore} looks up: a statement's cost spread, an IN list H2 plans quickly. */
    private static final int WENT_BATCH = 500;
    private static final Index BY_VALID_FROM = Indexes.RESOURCE_INTERVAL_VALID_FROM;
    private static final ResourceInterval BY_KEY = I.as("by_key");

    private IntervalQueries() {
    }

    /** The distinct resource types of all intervals: a scan of them all, for a command run by hand. */
    /** Whether some version of a resource of {@code type} (in any case) is stored: quick when one is. */
    static boolean holdsType(DSLContext dsl, String type) {
        return dsl.fetchExists(selectOne().from(I).where(upper(I.RESOURCE_TYPE).eq(type.toUpperCase(Locale.ROOT))));
    }

    static List<String> resourceTypes(DSLContext dsl) {
        return dsl.selectDistinct(I.RESOURCE_TYPE).from(I).where(I.RESOURCE_TYPE.isNotNull()).orderBy(I.RESOURCE_TYPE)
                .fetch(I.RESOURCE_TYPE);
    }

    /**
     * The state at snapshot {@code s}: intervals with valid_from <= s < valid_to. Read as the open
     * intervals and those ending after s, both by the valid_to index: the cost is the latest state plus
     * the changes since s, never the history before s.
     */
    static void forEachAt(DSLContext dsl, long s, Consumer<StoredResource> consumer) {
        VersionBlocks.Reader blocks = new VersionBlocks.Reader(dsl);
        stream(resources(dsl, BY_VALID_TO, I.VALID_TO.isNull().and(I.VALID_FROM.le(s))), blocks, consumer);
        stream(resources(dsl, BY_VALID_TO, I.VALID_TO.gt(s).and(I.VALID_FROM.le(s))), blocks, consumer);
    }

    /** One open interval, as {@link #forEachOpen} reads it. */
    interface OpenInterval {
        void accept(long rowId, String ocid, byte[] sha256, String region, String compartmentId);
    }

    /**
     * The open intervals (the latest state), a million rows read once per snapshot. jOOQ's query, read as
     * a plain JDBC result in H2's lazy mode: rows come as H2 finds them instead of being gathered into a
     * temporary result first, and without a jOOQ record each, which together halve the time.
     */
    static void forEachOpen(DSLContext dsl, OpenInterval consumer) {
        forEachOpen(dsl, BY_VALID_TO, I.VALID_TO.isNull(), consumer);
    }

    /**
     * The intervals snapshot {@code s} opened (all open still), read as {@link #forEachOpen} reads.
     *
     * @param most whether they are most of the table (a first snapshot), which is then read in its own
     *             order rather than through the valid_from index: a million rows in 2.5 s instead of 4
     */
    static void forEachOpenedAt(DSLContext dsl, long s, boolean most, OpenInterval consumer) {
        forEachOpen(dsl, most ? null : BY_VALID_FROM, I.VALID_FROM.eq(inline(s)), consumer);
    }

    /** @param index the index to read by, or null for none (the table in its own order) */
    private static void forEachOpen(DSLContext dsl, Index index, Condition condition, OpenInterval consumer) {
        String query = dsl.render(dsl.select(rowId(I), I.OCID, I.SHA256, I.REGION, I.COMPARTMENT_ID)
                .from(index == null ? I.useIndex() : I.useIndex(index.getName()))
                .where(condition));
        dsl.connection(c -> {
            try (Statement lazy = c.createStatement()) {
                lazy.execute("SET LAZY_QUERY_EXECUTION TRUE");
                try (PreparedStatement select = c.prepareStatement(query); ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        consumer.accept(rows.getLong(1), rows.getString(2), rows.getBytes(3), rows.getString(4),
                                rows.getString(5));
                    }
                } finally {
                    // The connection goes back to the pool, whose other users expect the default.
                    lazy.execute("SET LAZY_QUERY_EXECUTION FALSE");
                }
            }
        });
    }

    /**
     * The OCIDs of intervals given by row id, by region, of those whose region and lifecycle state {@code keep}
     * accepts; each row looked up by its key (see {@link #hasRowId}).
     */
    static Map<String, List<String>> ocidsByRegion(DSLContext dsl, long[] rowIds, BiPredicate<String, String> keep) {
        Map<String, List<String>> byRegion = new TreeMap<>();
        var query = dsl.select(I.OCID, I.REGION, I.LIFECYCLE_STATE).from(I.useIndex())
                .where(rowId(I).eq(param("rowId", 0L))).keepStatement(true);
        try (query) {
            for (long rowId : rowIds) {
                Record3<String, String, String> row = query.bind("rowId", rowId).fetchOne();
                if (row != null && keep.test(row.value2(), row.value3())) {
                    byRegion.computeIfAbsent(row.value2(), region -> new ArrayList<>()).add(row.value1());
                }
            }
        }
        return byRegion;
    }

    /**
     * H2's own key of a row: the open-interval index keeps it to find an interval again without its OCID.
     * A pseudo-column, so not among the generated ones.
     */
    static Field<Long> rowId(ResourceInterval table) {
        return table.rowid().coerce(SQLDataType.BIGINT);
    }

    /**
     * Finds the interval of a row id ({@code key}, used twice). H2 plans a bare _ROWID_ condition on a
     * secondary index and scans all of it; a table scan (USE INDEX ()) looks the row up by its key, and
     * its OCID key then leads the statement to that key's index.
     */
    static Condition hasRowId(ResourceInterval i, Field<Long> key) {
        return rowId(i).eq(key)
                .and(i.OCID_KEY.eq(select(BY_KEY.OCID_KEY).from(BY_KEY.useIndex()).where(rowId(BY_KEY).eq(key))));
    }

    /**
     * The resources whose content differs between snapshots {@code from < to}: the intervals valid at
     * {@code from} that end in (from, to], against those valid at {@code to} that start in (from, to],
     * merged by OCID; then the resources that lived only between the two (created after {@code from}, gone by
     * {@code to}), each with its last version ({@link IntervalEdge#livedBetween}). Other versions between the two
     * are not seen, and a resource that came back to the same content is no change.
     */
    static void forEachChange(DSLContext dsl, long from, long to, Consumer<IntervalEdge> consumer) {
        // Lower bounds as ">= from + 1", not "> from": H2 starts a range at the first key >= its bound and
        // filters out the equal ones, so "> from" would walk every interval opened at from, which for the
        // first snapshot is the whole tenancy.
        Condition before = I.VALID_TO.ge(from + 1).and(I.VALID_TO.le(to)).and(I.VALID_FROM.le(from));
        Condition after = I.VALID_FROM.ge(from + 1).and(I.VALID_FROM.le(to))
                .and(I.VALID_TO.isNull().or(I.VALID_TO.gt(to)));
        VersionBlocks.Reader blocks = new VersionBlocks.Reader(dsl);
        try (Cursor<Record> b = resources(dsl, BY_VALID_TO, before, I.VALID_TO).orderBy(I.OCID).fetchSize(FETCH_SIZE)
                .fetchLazy();
             Cursor<Record> a = resources(dsl, BY_VALID_FROM, after).orderBy(I.OCID).fetchSize(FETCH_SIZE).fetchLazy()) {
            Iterator<Record> beforeRows = b.iterator();
            Iterator<Record> afterRows = a.iterator();
            Record xRow = beforeRows.hasNext() ? beforeRows.next() : null;
            StoredResource x = next(xRow, blocks);
            StoredResource y = next(afterRows.hasNext() ? afterRows.next() : null, blocks);
            // Only a pair with snapshots between has resources that lived between: not a night's.
            Set<String> atEnds = to > from + 1 ? new HashSet<>() : null;
            List<IntervalEdge> wentEarly = new ArrayList<>(WENT_BATCH);
            while (x != null || y != null) {
                if (atEnds != null) {
                    if (x != null) {
                        atEnds.add(x.ocid());
                    }
                    if (y != null) {
                        atEnds.add(y.ocid());
                    }
                }
                int order = x == null ? 1 : y == null ? -1 : x.ocid().compareTo(y.ocid());
                if (order < 0) {
                    long ended = xRow.get(I.VALID_TO);
                    if (ended < to && atEnds != null) {
                        // It may have changed between (moved, then out of the plan): judged by its last version.
                        wentEarly.add(new IntervalEdge(x.ocid(), x, null, ended));
                        if (wentEarly.size() == WENT_BATCH) {
                            acceptLastVersions(dsl, wentEarly, to, blocks, consumer);
                        }
                    } else {
                        consumer.accept(new IntervalEdge(x.ocid(), x, null, ended));
                    }
                    xRow = beforeRows.hasNext() ? beforeRows.next() : null;
                    x = next(xRow, blocks);
                } else if (order > 0) {
                    consumer.accept(new IntervalEdge(y.ocid(), null, y));
                    y = next(afterRows.hasNext() ? afterRows.next() : null, blocks);
                } else {
                    if (!x.sha256().equals(y.sha256())) {
                        consumer.accept(new IntervalEdge(x.ocid(), x, y));
                    }
                    xRow = beforeRows.hasNext() ? beforeRows.next() : null;
                    x = next(xRow, blocks);
                    y = next(afterRows.hasNext() ? afterRows.next() : null, blocks);
                }
            }
            acceptLastVersions(dsl, wentEarly, to, blocks, consumer);
            if (atEnds != null) {
                forEachLivedBetween(dsl, from, to, atEnds, blocks, consumer);
            }
        }
    }

    /**
     * Passes on edges of resources whose version at 'from' ended before {@code to}, each with the snapshot its last
     * version ended at and, when that is another version (it changed in between), that version; then clears them.
     */
    private static void acceptLastVersions(DSLContext dsl, List<IntervalEdge> wentEarly, long to,
                                           VersionBlocks.Reader blocks, Consumer<IntervalEdge> consumer) {
        if (wentEarly.isEmpty()) {
            return;
        }
        List<String> ocids = wentEarly.stream().map(IntervalEdge::ocid).toList();
        Map<String, Record> lastRows = new HashMap<>();
        dsl.select(COLUMNS).select(I.VALID_FROM, I.VALID_TO).from(I.useIndex(BY_OCID_KEY.getName()))
                .leftJoin(RESOURCE_VERSION).on(LEGACY_VERSION)
                .where(ShortKeys.hasOcidIn(I, ocids)).and(I.VALID_TO.le(to))
                .forEach(row -> lastRows.merge(row.get(I.OCID), row,
                        (a, b) -> a.get(I.VALID_FROM) >= b.get(I.VALID_FROM) ? a : b));
        for (IntervalEdge edge : wentEarly) {
            Record last = lastRows.get(edge.ocid());
            consumer.accept(last == null || last.get(I.VALID_FROM) < edge.endedAt() ? edge
                    : new IntervalEdge(edge.ocid(), edge.before(), null, last.get(I.VALID_TO), next(last, blocks)));
        }
        wentEarly.clear();
    }

    /**
     * The resources none of whose intervals is valid at {@code from} or at {@code to} ({@code atEnds} holds those
     * that have one) but some began and ended between them, each with its last version and the snapshot that found
     * it gone.
     */
    private static void forEachLivedBetween(DSLContext dsl, long from, long to, Set<String> atEnds,
                                            VersionBlocks.Reader blocks, Consumer<IntervalEdge> consumer) {
        Condition between = I.VALID_FROM.ge(from + 1).and(I.VALID_FROM.le(to)).and(I.VALID_TO.le(to));
        try (Cursor<Record> rows = resources(dsl, BY_VALID_FROM, between, I.VALID_TO).orderBy(I.OCID, I.VALID_FROM)
                .fetchSize(FETCH_SIZE).fetchLazy()) {
            Record last = null;
            for (Record row : rows) {
                if (last != null && !last.get(I.OCID).equals(row.get(I.OCID))) {
                    livedBetween(last, atEnds, blocks, consumer);
                }
                last = row;
            }
            if (last != null) {
                livedBetween(last, atEnds, blocks, consumer);
            }
        }
    }

    private static void livedBetween(Record last, Set<String> atEnds, VersionBlocks.Reader blocks,
                                     Consumer<IntervalEdge> consumer) {
        if (!atEnds.contains(last.get(I.OCID))) {
            consumer.accept(IntervalEdge.livedBetween(next(last, blocks), last.get(I.VALID_TO)));
        }
    }

    /**
     * Every version of one resource, oldest first, through the OCID key. A version valid since a snapshot
     * that was pruned is valid since the first one kept (see {@link Pruning}).
     */
    static List<ResourceVersion> versionsOf(DSLContext dsl, String ocid) {
        long firstKept = SnapshotRows.firstCommittedId(dsl);
        VersionBlocks.Reader blocks = new VersionBlocks.Reader(dsl);
        return versionsOfQuery(dsl, ocid).fetch(r -> new ResourceVersion(Math.max(r.get(I.VALID_FROM), firstKept),
                r.get(I.VALID_TO), resource(r, blocks)));
    }

    /**
     * Of {@code ocids}, those a version of which began before {@code beforeId}, each with the snapshot it last went
     * at before then (the first without it): a resource 'from' did not hold that the store saw earlier is back, not
     * new. A query per {@link #WENT_BATCH} OCIDs: one each cost 70-170 us, seconds on a night of mass creation.
     */
    static Map<String, Long> wentBefore(DSLContext dsl, Collection<String> ocids, long beforeId) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ocids));
        Map<String, Long> went = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += WENT_BATCH) {
            List<String> batch = distinct.subList(from, Math.min(distinct.size(), from + WENT_BATCH));
            wentBeforeQuery(dsl, batch, beforeId).forEach(r -> went.put(r.value1(), r.value2()));
        }
        return went;
    }

    /** The query of {@link #wentBefore} for one batch: tests ask H2 how it plans it. */
    static ResultQuery<Record2<String, Long>> wentBeforeQuery(DSLContext dsl, List<String> ocids, long beforeId) {
        return dsl.select(I.OCID, max(I.VALID_TO)).from(I.useIndex(BY_OCID_KEY.getName()))
                .where(ShortKeys.hasOcidIn(I, ocids)).and(I.VALID_FROM.lt(beforeId)).and(I.VALID_TO.le(beforeId))
                .groupBy(I.OCID);
    }

    /** The query of {@link #versionsOf}: tests ask H2 how it plans it. */
    static ResultQuery<Record> versionsOfQuery(DSLContext dsl, String ocid) {
        return dsl.select(COLUMNS).select(I.VALID_FROM, I.VALID_TO)
                .from(I).leftJoin(RESOURCE_VERSION).on(LEGACY_VERSION)
                .where(ShortKeys.hasOcid(I, val(ocid)))
                .orderBy(I.VALID_FROM);
    }

    /**
     * @param index named because H2 estimates range selectivity without statistics and may otherwise pick
     *              the other bound's index, which scans the history on the wrong side of the snapshot
     */
    private static SelectConditionStep<Record> resources(DSLContext dsl, Index index, Condition condition,
                                                         Field<?>... more) {
        return dsl.select(COLUMNS).select(more)
                .from(I.useIndex(index.getName()))
                .leftJoin(RESOURCE_VERSION).on(LEGACY_VERSION)
                .where(condition);
    }

    private static void stream(SelectConditionStep<Record> query, VersionBlocks.Reader blocks,
                               Consumer<StoredResource> consumer) {
        try (Cursor<Record> rows = query.fetchSize(FETCH_SIZE).fetchLazy()) {
            rows.forEach(r -> consumer.accept(resource(r, blocks)));
        }
    }

    /**
     * A row of a diff's side, null at its end. Regions, types, compartments and states repeat from row to row: a diff
     * holds one copy of each rather than one per change, as the report of a night of 100,000 changes keeps
     * them until it is written.
     */
    private static StoredResource next(Record row, VersionBlocks.Reader blocks) {
        if (row == null) {
            return null;
        }
        StoredResource r = resource(row, blocks);
        return new StoredResource(r.ocid(), intern(r.region()), intern(r.resourceType()), intern(r.compartmentId()),
                intern(r.lifecycleState()), r.displayName(), r.sha256(), r.json());
    }

    private static String intern(String value) {
        return value == null ? null : value.intern();
    }

    private static StoredResource resource(Record r, VersionBlocks.Reader blocks) {
        Long block = r.get(I.BLOCK_ID);
        String json = block != null ? blocks.json(block, r.get(I.BLOCK_LINE))
                : JsonBodies.decompress(r.get(RESOURCE_VERSION.BODY));
        return new StoredResource(r.get(I.OCID), r.get(I.REGION), r.get(I.RESOURCE_TYPE), r.get(I.COMPARTMENT_ID),
                r.get(I.LIFECYCLE_STATE), r.get(I.DISPLAY_NAME), Sha256.hex(r.get(I.SHA256)), json);
    }
}
