-- A snapshot that filled the gaps of an earlier one of its day (`snapshot --region R` after a PARTIAL night):
-- that snapshot's id, and narrowed_regions / narrowed_compartments name what was taken again. The scopes
-- outside them keep the earlier snapshot's coverage and resources, so it stands for the whole plan. NULL for
-- any other snapshot. IF NOT EXISTS: the latest migration may run again (see OpenIntervalFileTest).
ALTER TABLE snapshot ADD COLUMN IF NOT EXISTS fills BIGINT;
