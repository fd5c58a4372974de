-- A snapshot that filled the gaps of an earlier one of its day (`snapshot --region R` after a PARTIAL night):
-- that snapshot's id, and narrowed_regions / narrowed_compartments name what was taken again. The scopes
-- outside them keep the earlier snapshot's coverage and resources, so it stands for the whole plan. NULL for
-- any other snapshot. IF NOT EXISTS: the latest migration may run again (see OpenIntervalFileTest).
ALTER TABLE snapshot ADD COLUMN IF NOT EXISTS fills BIGINT;
-- When the oldest of what it kept was collected: the filled snapshot's time (or what that one kept, for a fill
-- of a fill). Audit is read from then for the pair after it, whose changes there happened since.
ALTER TABLE snapshot ADD COLUMN IF NOT EXISTS fills_since TIMESTAMP(9) WITH TIME ZONE;
