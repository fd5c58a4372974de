-- Staging rows are numbered by the store's writer instead of an identity column: H2 records a sequence's
-- progress in its catalogue, which it holds locked while it builds an index, and the keys a first night
-- leaves out are built beside the next night's crawl (see DeferredKeys), which stages as it goes; a
-- staging insert then waited for the catalogue and timed out. Staging is empty between snapshots (a
-- crashed one's rows are discarded by the next open anyway), so the table is made anew.
DROP TABLE IF EXISTS snapshot_staging;
CREATE TABLE snapshot_staging (
    -- Arrival order within the snapshot, from 1.
    id                BIGINT PRIMARY KEY,
    ocid              VARCHAR NOT NULL,
    -- 0 when reported by the scope of the resource's own compartment, which wins over other scopes.
    preference        TINYINT NOT NULL,
    scope_region      VARCHAR NOT NULL,
    scope_compartment VARCHAR NOT NULL,
    sha256            BINARY(32) NOT NULL,
    -- The compressed JSON when this content was not stored yet, else NULL; stored on commit.
    body              VARBINARY,
    resource_type     VARCHAR,
    compartment_id    VARCHAR,
    lifecycle_state   VARCHAR,
    display_name      VARCHAR,
    -- Where a staged resource's version is: an earlier sighting's, or the block the commit writes for it.
    block_id          BIGINT,
    block_line        INT
);
-- Dropped while a snapshot is written and built in one pass before it is committed.
CREATE INDEX snapshot_staging_ocid ON snapshot_staging (ocid);
