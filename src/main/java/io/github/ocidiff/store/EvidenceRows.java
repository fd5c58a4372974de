package io.github.ocidiff.store;

import static io.github.ocidiff.store.SnapshotRows.utc;
import static io.github.ocidiff.store.jooq.Tables.AUDIT_EVENT;
import static io.github.ocidiff.store.jooq.Tables.AUDIT_MATCH;
import static io.github.ocidiff.store.jooq.Tables.AUDIT_WINDOW;

import io.github.ocidiff.store.jooq.tables.records.AuditWindowRecord;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** The audit_window, audit_event and audit_match tables: attribution evidence per snapshot pair. */
final class EvidenceRows {

    /** Event ids a statement deleting orphans names at once. */
    private static final int ORPHAN_BATCH = 1_000;

    private EvidenceRows() {
    }

    /** Replaces the evidence of a pair: a re-run of the same report re-reads Audit and keeps what it found. */
    static void save(DSLContext tx, long from, long to, AuditEvidence evidence) {
        deleteWindows(tx, AUDIT_WINDOW.FROM_SNAPSHOT.eq(from).and(AUDIT_WINDOW.TO_SNAPSHOT.eq(to)));
        tx.insertInto(AUDIT_WINDOW)
                .set(AUDIT_WINDOW.FROM_SNAPSHOT, from)
                .set(AUDIT_WINDOW.TO_SNAPSHOT, to)
                .set(AUDIT_WINDOW.START_TIME, utc(evidence.start()))
                .set(AUDIT_WINDOW.END_TIME, utc(evidence.end()))
                .set(AUDIT_WINDOW.FETCHED_AT, utc(evidence.fetchedAt()))
                .set(AUDIT_WINDOW.EVENTS_READ, evidence.eventsRead())
                .set(AUDIT_WINDOW.WRITE_EVENTS, evidence.writeEvents())
                .set(AUDIT_WINDOW.FAILURES, evidence.failures().isEmpty() ? null : String.join("\n", evidence.failures()))
                .execute();
        // Each table's rows in the order of its keys: inserted in random order, a night of 90,000 changes
        // rewrote the pages of their B-trees over and over within the transaction, and left the store file four
        // times its size until its compact rewrite.
        // By position, not the events themselves: the attributor's list makes each event's JSON as it is read.
        List<StoredAuditEvent> all = evidence.events();
        Map<String, Integer> byId = new TreeMap<>();
        Set<List<String>> matches = new TreeSet<>(Comparator.<List<String>, String>comparing(m -> m.get(0))
                .thenComparing(m -> m.get(1)));
        for (int i = 0; i < all.size(); i++) {
            StoredAuditEvent e = all.get(i);
            byId.putIfAbsent(e.eventId(), i);
            matches.add(List.of(e.ocid(), e.eventId()));
        }
        for (int i : byId.values()) {
            StoredAuditEvent e = all.get(i);
            // An event may be kept already for another pair; looked up through its primary key.
            tx.mergeInto(AUDIT_EVENT)
                    .using(DSL.selectOne())
                    .on(AUDIT_EVENT.EVENT_ID.eq(e.eventId()))
                    .whenNotMatchedThenInsert(AUDIT_EVENT.EVENT_ID, AUDIT_EVENT.EVENT_TIME, AUDIT_EVENT.REGION,
                            AUDIT_EVENT.BODY_ZSTD)
                    .values(e.eventId(), utc(e.eventTime()), e.region(), JsonBodies.compress(e.json()))
                    .execute();
        }
        // The pair's matches went with its window (ON DELETE CASCADE), so they are inserted, once each, not
        // merged: H2 would look a MERGE up through the (from, to) index and scan all of the pair's matches
        // for each one, quadratic in the events kept.
        for (List<String> match : matches) {
            tx.insertInto(AUDIT_MATCH, AUDIT_MATCH.FROM_SNAPSHOT, AUDIT_MATCH.TO_SNAPSHOT, AUDIT_MATCH.OCID,
                            AUDIT_MATCH.EVENT_ID)
                    .values(from, to, match.get(0), match.get(1))
                    .execute();
        }
    }

    /** What was read for a pair and how many events it matched, without the events. */
    static Optional<EvidenceWindow> window(DSLContext dsl, long from, long to) {
        AuditWindowRecord window = dsl.selectFrom(AUDIT_WINDOW)
                .where(AUDIT_WINDOW.FROM_SNAPSHOT.eq(from), AUDIT_WINDOW.TO_SNAPSHOT.eq(to)).fetchOne();
        if (window == null) {
            return Optional.empty();
        }
        List<String> failures = window.getFailures() == null ? List.of()
                : Arrays.asList(window.getFailures().split("\n"));
        int matched = dsl.fetchCount(AUDIT_MATCH, AUDIT_MATCH.FROM_SNAPSHOT.eq(from), AUDIT_MATCH.TO_SNAPSHOT.eq(to));
        return Optional.of(new EvidenceWindow(window.getStartTime().toInstant(), window.getEndTime().toInstant(),
                window.getFetchedAt().toInstant(), window.getEventsRead(), window.getWriteEvents(), failures, matched));
    }

    /** The events kept for a pair, one at a time, by resource, then time. */
    static void forEachEvent(DSLContext dsl, long from, long to, Consumer<StoredAuditEvent> consumer) {
        try (Cursor<? extends Record> rows = dsl.select(AUDIT_MATCH.OCID, AUDIT_EVENT.EVENT_ID, AUDIT_EVENT.EVENT_TIME,
                        AUDIT_EVENT.REGION, AUDIT_EVENT.BODY, AUDIT_EVENT.BODY_ZSTD)
                .from(AUDIT_MATCH).join(AUDIT_EVENT).on(AUDIT_EVENT.EVENT_ID.eq(AUDIT_MATCH.EVENT_ID))
                .where(AUDIT_MATCH.FROM_SNAPSHOT.eq(from), AUDIT_MATCH.TO_SNAPSHOT.eq(to))
                .orderBy(AUDIT_MATCH.OCID, AUDIT_EVENT.EVENT_TIME, AUDIT_EVENT.EVENT_ID)
                .fetchSize(1000).fetchLazy()) {
            rows.forEach(r -> consumer.accept(event(r)));
        }
    }

    /** The attributed pairs lying within [from, to], each as {from, to}, by their 'from' then 'to'. */
    static List<long[]> pairsWithin(DSLContext dsl, long from, long to) {
        return dsl.select(AUDIT_WINDOW.FROM_SNAPSHOT, AUDIT_WINDOW.TO_SNAPSHOT).from(AUDIT_WINDOW)
                .where(AUDIT_WINDOW.FROM_SNAPSHOT.ge(from), AUDIT_WINDOW.TO_SNAPSHOT.le(to))
                .orderBy(AUDIT_WINDOW.FROM_SNAPSHOT, AUDIT_WINDOW.TO_SNAPSHOT)
                .fetch(r -> new long[] {r.value1(), r.value2()});
    }

    /** The attributed pairs that share some snapshots with [from, to] but reach beyond it, by 'from' then 'to'. */
    static List<long[]> pairsOverlapping(DSLContext dsl, long from, long to) {
        return dsl.select(AUDIT_WINDOW.FROM_SNAPSHOT, AUDIT_WINDOW.TO_SNAPSHOT).from(AUDIT_WINDOW)
                .where(AUDIT_WINDOW.FROM_SNAPSHOT.lt(to), AUDIT_WINDOW.TO_SNAPSHOT.gt(from),
                        AUDIT_WINDOW.FROM_SNAPSHOT.lt(from).or(AUDIT_WINDOW.TO_SNAPSHOT.gt(to)))
                .orderBy(AUDIT_WINDOW.FROM_SNAPSHOT, AUDIT_WINDOW.TO_SNAPSHOT)
                .fetch(r -> new long[] {r.value1(), r.value2()});
    }

    /** Every stored event of one resource, with the pair it was matched for, oldest first. */
    static List<PairedAuditEvent> forResource(DSLContext dsl, String ocid) {
        return dsl.select(AUDIT_MATCH.FROM_SNAPSHOT, AUDIT_MATCH.TO_SNAPSHOT, AUDIT_MATCH.OCID, AUDIT_EVENT.EVENT_ID,
                        AUDIT_EVENT.EVENT_TIME, AUDIT_EVENT.REGION, AUDIT_EVENT.BODY, AUDIT_EVENT.BODY_ZSTD)
                .from(AUDIT_MATCH).join(AUDIT_EVENT).on(AUDIT_EVENT.EVENT_ID.eq(AUDIT_MATCH.EVENT_ID))
                .where(AUDIT_MATCH.OCID.eq(ocid))
                .orderBy(AUDIT_EVENT.EVENT_TIME, AUDIT_EVENT.EVENT_ID)
                .fetch(r -> new PairedAuditEvent(r.get(AUDIT_MATCH.FROM_SNAPSHOT), r.get(AUDIT_MATCH.TO_SNAPSHOT),
                        event(r)));
    }

    /** Removes the evidence of every pair with {@code snapshotId} at either end (the snapshot is going). */
    static void deleteFor(DSLContext tx, long snapshotId) {
        deleteWindows(tx, AUDIT_WINDOW.FROM_SNAPSHOT.eq(snapshotId).or(AUDIT_WINDOW.TO_SNAPSHOT.eq(snapshotId)));
    }

    /**
     * Deletes the evidence of the pairs {@code which} selects: their windows, their matches with them, and the
     * events no other pair matches. Only those pairs' events are looked at: a pass over every event kept, as
     * each night's save and pruning made, grows with the history (a year at 10,000 changes a night keeps
     * millions of them).
     */
    static void deleteWindows(DSLContext tx, Condition which) {
        List<String> events = tx.selectDistinct(AUDIT_MATCH.EVENT_ID).from(AUDIT_MATCH).join(AUDIT_WINDOW)
                .on(AUDIT_WINDOW.FROM_SNAPSHOT.eq(AUDIT_MATCH.FROM_SNAPSHOT),
                        AUDIT_WINDOW.TO_SNAPSHOT.eq(AUDIT_MATCH.TO_SNAPSHOT))
                .where(which)
                .fetch(AUDIT_MATCH.EVENT_ID);
        tx.deleteFrom(AUDIT_WINDOW).where(which).execute();
        for (int from = 0; from < events.size(); from += ORPHAN_BATCH) {
            tx.deleteFrom(AUDIT_EVENT)
                    .where(AUDIT_EVENT.EVENT_ID.in(events.subList(from, Math.min(events.size(), from + ORPHAN_BATCH))))
                    .andNotExists(DSL.selectOne().from(AUDIT_MATCH)
                            .where(AUDIT_MATCH.EVENT_ID.eq(AUDIT_EVENT.EVENT_ID)))
                    .execute();
        }
    }

    private static StoredAuditEvent event(Record r) {
        return new StoredAuditEvent(r.get(AUDIT_MATCH.OCID), r.get(AUDIT_EVENT.EVENT_ID),
                r.get(AUDIT_EVENT.EVENT_TIME).toInstant(), r.get(AUDIT_EVENT.REGION), body(r));
    }

    /** An event's JSON: compressed since migration V10, as text before. */
    private static String body(Record r) {
        String text = r.get(AUDIT_EVENT.BODY);
        return text != null ? text : JsonBodies.decompress(r.get(AUDIT_EVENT.BODY_ZSTD));
    }
}
