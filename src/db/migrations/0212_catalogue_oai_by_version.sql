-- The OAI-PMH update trigger (0181) compared 29 stored columns of the old and the new row on every update of a
-- record, the source MARC (large, TOASTed: read and compared in full) included, and so on every lend and return
-- (an availability-only update). It now compares two small columns: a record's exposed metadata changed exactly
-- when its `version` or `updated_at` moved.
--
-- Every writer moves them: the edit (catalogue.repository updateRecord: imports, re-imports, edits, merges,
-- publish and suppress go through it) and the harvest's unpublish (harvest.repository unpublishHarvested) set
-- `version = version + 1, updated_at = now()`; lending and holdings write only `availability` (not an edit,
-- 0091; holdings themselves move the datestamp through their own triggers, 0014). So that this stays true of a
-- writer that forgets (a later statement, a migration, an UPDATE by hand), a BEFORE trigger moves them for any
-- UPDATE that names a stored column other than availability, version and updated_at in its SET list and moves
-- neither itself. `UPDATE OF` is decided by the statement's target list, not by comparing values: an
-- availability-only update does not fire it at all. A test holds its column list equal to the table's stored
-- columns (circulation/circulation.availability-postings.int.test.ts), so a column added later must be added
-- here (a new migration).
CREATE OR REPLACE FUNCTION catalogue_record_edit_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  NEW.updated_at := now();
  RETURN NEW;
END $$;
-- Written to run again as it is (bench:circulation replays 0181 and then this between its variants).
DROP TRIGGER IF EXISTS catalogue_record_edit_stamp ON catalogue_records;
CREATE TRIGGER catalogue_record_edit_stamp BEFORE UPDATE OF id, seq, type, title, creators, subjects, date_text,
    year, language, description, rights, unit_id, isbn, issn, inventory_no, control_number, control_source,
    published, details, source, source_hash, search_title, search_extra, search_exact, title_sort, created_at,
    source_marc
  ON catalogue_records FOR EACH ROW
  WHEN (OLD.version = NEW.version AND OLD.updated_at = NEW.updated_at)
  EXECUTE FUNCTION catalogue_record_edit_stamp();

DROP TRIGGER catalogue_oai_update ON catalogue_records;
CREATE TRIGGER catalogue_oai_update AFTER UPDATE ON catalogue_records FOR EACH ROW
  WHEN (OLD.version IS DISTINCT FROM NEW.version OR OLD.updated_at IS DISTINCT FROM NEW.updated_at)
  EXECUTE FUNCTION catalogue_oai_on_update();
