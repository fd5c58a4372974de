-- Versions are written in blocks: the canonical JSON of up to 32 versions, one per line (canonical JSON
-- has no raw line break), compressed together as one Zstandard frame with the same dictionary. An
-- interval names its version by block and line. One row per version cost a first night of a million
-- resources a million inserts into H2's copy-on-write B-tree, and building the SHA-256 key over them at
-- its commit; a block also compresses better, as a page's resources share compartments, tags and names
-- (a store of a million after a night: 417 MB instead of 654). Versions are no longer shared by content: a
-- resource back to an earlier content stores it again, which a change costs anyway. Versions written
-- before stay in resource_version and are read as before: an interval without a block names its
-- version there by SHA-256. H2 commits each DDL statement, so every statement may run again; adding the
-- columns copies the intervals table once (about a minute per million resources).
CREATE TABLE IF NOT EXISTS version_block (
    id             BIGINT PRIMARY KEY,
    -- The snapshot that wrote it: deleting the latest snapshot deletes its blocks with it.
    first_snapshot BIGINT NOT NULL,
    body           VARBINARY NOT NULL
);
CREATE INDEX IF NOT EXISTS version_block_first_snapshot ON version_block (first_snapshot);

-- NULL for a version stored before blocks (in resource_version, by sha256).
ALTER TABLE resource_interval ADD COLUMN IF NOT EXISTS block_id BIGINT;
ALTER TABLE resource_interval ADD COLUMN IF NOT EXISTS block_line INT;
-- Pruning keeps a block while an interval names it. Block ids grow with every block written, so new
-- intervals append to this index rather than dirty its pages at random.
CREATE INDEX IF NOT EXISTS resource_interval_block ON resource_interval (block_id);

-- Where a staged resource's version is: an earlier sighting's, or the block the commit writes for it.
ALTER TABLE snapshot_staging ADD COLUMN IF NOT EXISTS block_id BIGINT;
ALTER TABLE snapshot_staging ADD COLUMN IF NOT EXISTS block_line INT;
