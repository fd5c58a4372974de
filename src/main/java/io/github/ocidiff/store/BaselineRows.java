package io.github.ocidiff.store;

import static io.github.ocidiff.store.SnapshotRows.utc;
import static io.github.ocidiff.store.jooq.Tables.BASELINE;

import io.github.ocidiff.store.jooq.tables.records.BaselineRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** The baseline table. */
final class BaselineRows {

    private BaselineRows() {
    }

    static void insert(DSLContext dsl, Baseline b) {
        dsl.insertInto(BASELINE)
                .set(BASELINE.NAME, b.name())
                .set(BASELINE.SNAPSHOT_ID, b.snapshotId())
                .set(BASELINE.NOTE, b.note())
                .set(BASELINE.COMPARTMENTS, joined(b.compartments()))
                .set(BASELINE.RESOURCE_TYPES, joined(b.resourceTypes()))
                .set(BASELINE.CREATED_AT, utc(b.createdAt()))
                .execute();
    }

    static Optional<Baseline> find(DSLContext dsl, String name) {
        return dsl.selectFrom(BASELINE).where(BASELINE.NAME.eq(name)).fetchOptional(BaselineRows::baseline);
    }

    static List<Baseline> all(DSLContext dsl) {
        return dsl.selectFrom(BASELINE).orderBy(BASELINE.NAME).fetch(BaselineRows::baseline);
    }

    static boolean delete(DSLContext dsl, String name) {
        return dsl.deleteFrom(BASELINE).where(BASELINE.NAME.eq(name)).execute() > 0;
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }

    private static List<String> split(String value) {
        return value == null ? List.of() : Arrays.asList(value.split(","));
    }

    private static Baseline baseline(BaselineRecord r) {
        return new Baseline(r.getName(), r.getSnapshotId(), r.getNote(), split(r.getCompartments()),
                split(r.getResourceTypes()), r.getCreatedAt().toInstant());
    }
}
