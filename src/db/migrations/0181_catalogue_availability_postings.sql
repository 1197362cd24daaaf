-- A lend or a return that changes a record's availability summary (issue 15, catalogueHoldingsPort) is not an
-- edit of the record, and it now costs like one column:
--
--  * Postings. The update trigger (0017/0018) rebuilt a record's postings whenever any facet they hold changed,
--    availability included: ~17 deletes and ~17 inserts into the postings B-tree for every lend and return. It
--    now rebuilds only for words, publication, type, unit, language or decade; an availability-only change
--    sets the postings' availability mask in place (an UPDATE of the record's postings by (word, seq), only
--    when the mask changes). A change of availability together with another facet still rebuilds, with the
--    new mask. The functions stay as they are (0176): the insert path's triggers are not touched.
--  * OAI-PMH. The update trigger's WHEN (0091) built two JSON documents of the whole row (source MARC and the
--    search vector included) for every update, to leave availability out. It now compares the stored columns
--    one by one, availability (and the columns generated from the listed ones) left out: a test holds the list
--    equal to the table's columns, so a column added later must be added here
--    (circulation/circulation.availability-postings.int.test.ts).
DROP TRIGGER catalogue_postings_update ON catalogue_records;
CREATE TRIGGER catalogue_postings_update AFTER UPDATE ON catalogue_records FOR EACH ROW
  WHEN ((OLD.published, OLD.search_vector, OLD.type, OLD.unit_id, OLD.language, OLD.decade)
    IS DISTINCT FROM (NEW.published, NEW.search_vector, NEW.type, NEW.unit_id, NEW.language, NEW.decade))
  EXECUTE FUNCTION catalogue_postings_on_update();

CREATE FUNCTION catalogue_postings_on_availability() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE catalogue_postings p SET availability = catalogue_availability_mask(NEW.availability)
    WHERE p.word = ANY(tsvector_to_array(NEW.search_vector)) AND p.seq = NEW.seq;
  RETURN NULL;
END $$;
CREATE TRIGGER catalogue_postings_availability AFTER UPDATE OF availability ON catalogue_records FOR EACH ROW
  WHEN (NEW.published
    AND catalogue_availability_mask(OLD.availability) IS DISTINCT FROM catalogue_availability_mask(NEW.availability)
    AND (OLD.published, OLD.search_vector, OLD.type, OLD.unit_id, OLD.language, OLD.decade)
      IS NOT DISTINCT FROM (NEW.published, NEW.search_vector, NEW.type, NEW.unit_id, NEW.language, NEW.decade))
  EXECUTE FUNCTION catalogue_postings_on_availability();

DROP TRIGGER catalogue_oai_update ON catalogue_records;
CREATE TRIGGER catalogue_oai_update AFTER UPDATE ON catalogue_records FOR EACH ROW
  WHEN ((OLD.id, OLD.seq, OLD.type, OLD.title, OLD.creators, OLD.subjects, OLD.date_text, OLD.year, OLD.language,
      OLD.description, OLD.rights, OLD.unit_id, OLD.isbn, OLD.issn, OLD.inventory_no, OLD.control_number,
      OLD.control_source, OLD.published, OLD.details, OLD.source, OLD.source_hash, OLD.search_title,
      OLD.search_extra, OLD.search_exact, OLD.title_sort, OLD.created_at, OLD.updated_at, OLD.version,
      OLD.source_marc)
    IS DISTINCT FROM (NEW.id, NEW.seq, NEW.type, NEW.title, NEW.creators, NEW.subjects, NEW.date_text, NEW.year,
      NEW.language, NEW.description, NEW.rights, NEW.unit_id, NEW.isbn, NEW.issn, NEW.inventory_no,
      NEW.control_number, NEW.control_source, NEW.published, NEW.details, NEW.source, NEW.source_hash,
      NEW.search_title, NEW.search_extra, NEW.search_exact, NEW.title_sort, NEW.created_at, NEW.updated_at,
      NEW.version, NEW.source_marc))
  EXECUTE FUNCTION catalogue_oai_on_update();
