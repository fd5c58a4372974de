-- resource_version's primary key gets a name, like resource_interval's: a snapshot into an empty store
-- drops both while it loads and builds them in one sorted pass at its commit (DeferredKeys), since a
-- million inserts of random keys (SHA-256, OCID) into them rewrote most of their B-tree pages on every
-- background save. They may be missing while such a snapshot runs, or after it crashed until the next
-- open restores them, which it does right after migrating.
ALTER TABLE resource_version DROP PRIMARY KEY;
ALTER TABLE resource_version ADD CONSTRAINT resource_version_pk PRIMARY KEY (sha256);
