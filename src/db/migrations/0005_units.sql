-- Units: codes are stable slugs; a merge leaves a row on both sides (the source's `merge`, the target's
-- `absorb` naming the source in merged_from_id) so either unit's history tells the whole story.

ALTER TABLE units
  ADD CONSTRAINT units_code_format CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  ADD CONSTRAINT units_merged_is_closed CHECK (merged_into_id IS NULL OR valid_to IS NOT NULL);

ALTER TABLE unit_history
  DROP CONSTRAINT unit_history_change_check,
  ADD CONSTRAINT unit_history_change_check
    CHECK (change IN ('create', 'rename', 'move', 'merge', 'absorb', 'close', 'reopen')),
  ADD COLUMN merged_from_id text REFERENCES units(id);

CREATE INDEX units_merged_into_idx ON units (merged_into_id) WHERE merged_into_id IS NOT NULL;
