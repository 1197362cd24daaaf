-- Catalogue writes, faster (ADR 0007, "Writes"):
--  * The repository now stores `search_title` / `search_extra` already folded (the same `fold()` the query
--    side uses), so the stored vector no longer calls the regular-expression `vn_fold()` for every record
--    written: 16 µs of 150 µs per imported record on PostgreSQL.
--  * The GIN index on `search_vector` goes: every reader now uses the postings B-tree (0017), so it was only
--    a write cost (another ~16 µs per record and 88 MB at 1M records).
-- Triggers are off while existing rows are re-folded: the words do not change, so nothing downstream should.
ALTER TABLE catalogue_records DISABLE TRIGGER USER;
UPDATE catalogue_records SET search_title = vn_fold(search_title), search_extra = vn_fold(search_extra);
ALTER TABLE catalogue_records ENABLE TRIGGER USER;

-- These two triggers name the column (WHEN clauses); they come back unchanged afterwards.
DROP TRIGGER catalogue_postings_update ON catalogue_records;
DROP TRIGGER catalogue_oai_update ON catalogue_records;
ALTER TABLE catalogue_records DROP COLUMN search_vector;
ALTER TABLE catalogue_records ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple'::regconfig, search_title), 'A') ||
  setweight(to_tsvector('simple'::regconfig, search_extra), 'B')
) STORED;

CREATE TRIGGER catalogue_postings_update AFTER UPDATE ON catalogue_records FOR EACH ROW
  WHEN ((OLD.published, OLD.search_vector, OLD.type, OLD.unit_id, OLD.language, OLD.decade, OLD.availability)
    IS DISTINCT FROM (NEW.published, NEW.search_vector, NEW.type, NEW.unit_id, NEW.language, NEW.decade,
      NEW.availability))
  EXECUTE FUNCTION catalogue_postings_on_update();
CREATE TRIGGER catalogue_oai_update AFTER UPDATE ON catalogue_records FOR EACH ROW
  WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION catalogue_oai_on_update();
