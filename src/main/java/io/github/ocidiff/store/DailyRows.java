package io.github.ocidiff.store;

import static io.github.ocidiff.store.SnapshotRows.utc;
import static io.github.ocidiff.store.jooq.Tables.DAILY_REPORT;

import io.github.ocidiff.store.jooq.tables.records.DailyReportRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The daily_report table. */
final class DailyRows {

    private DailyRows() {
    }

    /** Records (or re-records, after a re-run) the day's report, keeping what was already published. */
    static void written(DSLContext dsl, LocalDate day, long snapshotId, Long baseSnapshotId, Path reportDir, Instant at) {
        dsl.mergeInto(DAILY_REPORT)
                .using(DSL.selectOne())
                .on(DAILY_REPORT.UTC_DAY.eq(day))
                .whenMatchedThenUpdate()
                .set(DAILY_REPORT.SNAPSHOT_ID, snapshotId)
                .set(DAILY_REPORT.BASE_SNAPSHOT_ID, baseSnapshotId)
                .set(DAILY_REPORT.REPORT_DIR, reportDir.toString())
                .set(DAILY_REPORT.WRITTEN_AT, utc(at))
                .whenNotMatchedThenInsert(DAILY_REPORT.UTC_DAY, DAILY_REPORT.SNAPSHOT_ID, DAILY_REPORT.BASE_SNAPSHOT_ID,
                        DAILY_REPORT.REPORT_DIR, DAILY_REPORT.WRITTEN_AT)
                .values(day, snapshotId, baseSnapshotId, reportDir.toString(), utc(at))
                .execute();
    }

    static void uploaded(DSLContext dsl, LocalDate day, Instant at, String note) {
        dsl.update(DAILY_REPORT).set(DAILY_REPORT.UPLOADED_AT, utc(at)).set(DAILY_REPORT.UPLOAD_NOTE, note)
                .where(DAILY_REPORT.UTC_DAY.eq(day)).execute();
    }

    static void mailed(DSLContext dsl, LocalDate day, Instant at, String note) {
        dsl.update(DAILY_REPORT).set(DAILY_REPORT.MAILED_AT, utc(at)).set(DAILY_REPORT.MAIL_NOTE, note)
                .where(DAILY_REPORT.UTC_DAY.eq(day)).execute();
    }

    /** Forgets what was published for the day, so that --republish sends it again. */
    static void unpublished(DSLContext dsl, LocalDate day) {
        dsl.update(DAILY_REPORT).setNull(DAILY_REPORT.UPLOADED_AT).setNull(DAILY_REPORT.UPLOAD_NOTE)
                .setNull(DAILY_REPORT.MAILED_AT).setNull(DAILY_REPORT.MAIL_NOTE)
                .where(DAILY_REPORT.UTC_DAY.eq(day)).execute();
    }

    static Optional<DailyReport> find(DSLContext dsl, LocalDate day) {
        return dsl.selectFrom(DAILY_REPORT).where(DAILY_REPORT.UTC_DAY.eq(day)).fetchOptional(DailyRows::report);
    }

    /** Every recorded day, oldest first. */
    static List<DailyReport> all(DSLContext dsl) {
        return dsl.selectFrom(DAILY_REPORT).orderBy(DAILY_REPORT.UTC_DAY).fetch(DailyRows::report);
    }

    static int deleteBefore(DSLContext tx, LocalDate day) {
        return tx.deleteFrom(DAILY_REPORT).where(DAILY_REPORT.UTC_DAY.lt(day)).execute();
    }

    private static DailyReport report(DailyReportRecord r) {
        return new DailyReport(r.getUtcDay(), r.getSnapshotId(), r.getBaseSnapshotId(), Path.of(r.getReportDir()),
                r.getWrittenAt().toInstant(), instant(r.getUploadedAt()), r.getUploadNote(), instant(r.getMailedAt()),
                r.getMailNote());
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
