-- A record's title pairs are deleted (unpublished, retitled) by their key, (pair, seq), one probe a pair.
-- The update trigger (0176) wrote `t.pair IN (SELECT catalogue_title_pairs_of_title(...))`: PostgreSQL plans
-- that as a join with an unknown number of pairs (a set-returning function: 1,000 rows estimated), and on a
-- catalogue of a few thousand records it chose to hash the pairs and scan the whole table for the record's
-- `seq` — ~9 ms a record on PGlite (25,000 pairs), 18 s of the 20 s an unpublish of 1,920 records took
-- (catalogue/search/search-docs.int.test.ts; EXPLAIN ANALYZE, trigger times). `= ANY(ARRAY(...))` is an
-- array of known values, probed in the primary key like the postings' delete just above it, at any size.
CREATE OR REPLACE FUNCTION catalogue_postings_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.published THEN
    DELETE FROM catalogue_postings p
      WHERE p.seq = OLD.seq AND p.word = ANY(tsvector_to_array(OLD.search_vector));
  END IF;
  IF NEW.published THEN
    INSERT INTO catalogue_postings (word, seq, type, unit_num, language, decade, availability)
      SELECT w.word, NEW.seq, NEW.type, u.num, NEW.language, NEW.decade,
        catalogue_availability_mask(NEW.availability)
      FROM units u, unnest(tsvector_to_array(NEW.search_vector)) AS w(word)
      WHERE u.id = NEW.unit_id AND length(w.word) <= 100;
  END IF;
  -- The pairs hold only the title words and publication (an availability change leaves them alone).
  IF (OLD.published, OLD.search_title) IS DISTINCT FROM (NEW.published, NEW.search_title) THEN
    IF OLD.published THEN
      DELETE FROM catalogue_title_pairs t
        WHERE t.seq = OLD.seq AND t.pair = ANY(ARRAY(SELECT catalogue_title_pairs_of_title(OLD.search_title)));
    END IF;
    IF NEW.published THEN
      INSERT INTO catalogue_title_pairs (pair, seq)
        SELECT t.pair, NEW.seq FROM catalogue_title_pairs_of_title(NEW.search_title) AS t(pair);
    END IF;
  END IF;
  RETURN NULL;
END $$;
