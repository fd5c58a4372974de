-- What attribution found for a pair of snapshots, kept so that a report of old dates renders again
-- with its actors after Audit's retention has expired, without calling the API.

-- One row per attributed pair: the Audit window read and how completely.
CREATE TABLE audit_window (
    from_snapshot BIGINT NOT NULL,
    to_snapshot   BIGINT NOT NULL,
    start_time    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    end_time      TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    fetched_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    events_read   BIGINT NOT NULL,
    write_events  BIGINT NOT NULL,
    -- Scopes whose events could not be read, one "region compartment: reason" per line; NULL when none.
    failures      VARCHAR,
    CONSTRAINT audit_window_pk PRIMARY KEY (from_snapshot, to_snapshot),
    CONSTRAINT audit_window_from FOREIGN KEY (from_snapshot) REFERENCES snapshot (id),
    CONSTRAINT audit_window_to FOREIGN KEY (to_snapshot) REFERENCES snapshot (id)
);

-- Each matched Audit event once, as OCI's AuditEvent JSON (the fields ocidiff reads).
CREATE TABLE audit_event (
    event_id   VARCHAR PRIMARY KEY,
    event_time TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    region     VARCHAR NOT NULL,
    body       VARCHAR NOT NULL
);

-- Which events a pair's report attributed to which resource.
CREATE TABLE audit_match (
    from_snapshot BIGINT NOT NULL,
    to_snapshot   BIGINT NOT NULL,
    ocid          VARCHAR NOT NULL,
    event_id      VARCHAR NOT NULL,
    CONSTRAINT audit_match_pk PRIMARY KEY (from_snapshot, to_snapshot, ocid, event_id),
    CONSTRAINT audit_match_window FOREIGN KEY (from_snapshot, to_snapshot)
        REFERENCES audit_window (from_snapshot, to_snapshot) ON DELETE CASCADE,
    CONSTRAINT audit_match_event FOREIGN KEY (event_id) REFERENCES audit_event (event_id)
);
-- history <ocid> reads one resource's events across pairs.
CREATE INDEX audit_match_ocid ON audit_match (ocid);

-- The compartment tree (names and parents) each snapshot saw, stored once per distinct tree: reports
-- show compartment paths as they were, and a tree rarely changes from one night to the next.
CREATE TABLE compartment_tree (
    sha256 BINARY(32) PRIMARY KEY,
    body   VARBINARY NOT NULL
);

CREATE TABLE snapshot_compartments (
    snapshot_id BIGINT PRIMARY KEY,
    tree_sha256 BINARY(32) NOT NULL,
    CONSTRAINT snapshot_compartments_snapshot FOREIGN KEY (snapshot_id) REFERENCES snapshot (id),
    CONSTRAINT snapshot_compartments_tree FOREIGN KEY (tree_sha256) REFERENCES compartment_tree (sha256)
);
