-- What the command line narrowed a snapshot to (`snapshot --region R --compartment C`), below what the
-- configuration covers: NULL when not narrowed on that axis. A narrowed snapshot of today does not stand
-- in for tonight's full one, and is no base for the nightly report (see SnapshotJob, DailyJob).
-- IF NOT EXISTS: the latest migration may run again (see OpenIntervalFileTest).
ALTER TABLE snapshot ADD COLUMN IF NOT EXISTS narrowed_regions VARCHAR ARRAY;
ALTER TABLE snapshot ADD COLUMN IF NOT EXISTS narrowed_compartments VARCHAR ARRAY;
