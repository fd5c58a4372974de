-- Audit events kept as evidence are stored compressed, as resource versions are (Zstandard with the
-- store's dictionary): a night of 10,000 changes keeps some 10,000 events of a kilobyte or more each,
-- which as text grew the store faster than the night's snapshot did. Events kept before stay as text.
-- Each statement may run again: the latest migration may (see OpenIntervalFileTest).
ALTER TABLE audit_event ADD COLUMN IF NOT EXISTS body_zstd VARBINARY;
ALTER TABLE audit_event ALTER COLUMN body DROP NOT NULL;
ALTER TABLE audit_event DROP CONSTRAINT IF EXISTS audit_event_has_body;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_has_body CHECK (body IS NOT NULL OR body_zstd IS NOT NULL);
