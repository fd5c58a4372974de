-- Approved states for compliance reviews: a name pinning a snapshot, optionally narrowed to some
-- compartments and resource types. A pinned snapshot is never pruned nor replaced.
CREATE TABLE baseline (
    name           VARCHAR PRIMARY KEY,
    snapshot_id    BIGINT NOT NULL,
    note           VARCHAR,
    -- Comma-separated compartment selectors (OCID, name or path) and resource types; NULL = all.
    compartments   VARCHAR,
    resource_types VARCHAR,
    created_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT baseline_snapshot FOREIGN KEY (snapshot_id) REFERENCES snapshot (id)
);
