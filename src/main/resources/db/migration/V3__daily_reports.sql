-- The nightly job's record of each UTC day: which snapshots its report compares, where it was written,
-- and what was published, so that a re-run resumes instead of publishing or mailing the day twice, and
-- a publication that failed is retried on the next run. Snapshot ids are not foreign keys: replacing a
-- same-day PARTIAL snapshot must not forget that the day was already published.
CREATE TABLE daily_report (
    utc_day          DATE PRIMARY KEY,
    snapshot_id      BIGINT NOT NULL,
    -- NULL for the first run's inventory report, which compares nothing.
    base_snapshot_id BIGINT,
    report_dir       VARCHAR NOT NULL,
    written_at       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    -- When the report went to Object Storage, or when it was decided that it would not (upload_note: why).
    uploaded_at      TIMESTAMP(9) WITH TIME ZONE,
    upload_note      VARCHAR,
    -- When the mail went out, or when it was decided that none would (mail_note says why).
    mailed_at        TIMESTAMP(9) WITH TIME ZONE,
    mail_note        VARCHAR
);
