-- MARC import speed (issue 17, ADR 0007 addendum 7): the row path's insert trigger writes postings and title
-- pairs in the order `unnest` gives them again, as 0176 did.
--
-- 0185 added `ORDER BY word, seq` / `ORDER BY pair, seq` to the insert trigger so that consecutive entries of
-- a batch land on the same leaf. Measured idle at 1M loaded it cost 3–18 % and gained nothing: a batch of
-- 1,000 records spreads its ~17,000 postings over most of the B-tree's leaves either way (one entry per leaf
-- or two), so the sort is pure CPU. The bulk path's flush keeps its sort (its chunks are 5× larger, and it
-- reads the records back in seq order anyway). Results are identical: the same rows are inserted.
CREATE OR REPLACE FUNCTION catalogue_postings_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('catalogue.defer_postings', true) = 'on' THEN
    INSERT INTO catalogue_postings_pending (seq) SELECT n.seq FROM new_rows n WHERE n.published;
    RETURN NULL;
  END IF;
  INSERT INTO catalogue_postings (word, seq, type, unit_num, language, decade, availability)
    WITH d AS MATERIALIZED (
      SELECT n.seq, n.type, u.num, n.language, n.decade, catalogue_availability_mask(n.availability) AS mask,
        tsvector_to_array(n.search_vector) AS words
      FROM new_rows n JOIN units u ON u.id = n.unit_id WHERE n.published)
    SELECT w.word, d.seq, d.type, d.num, d.language, d.decade, d.mask
    FROM d, unnest(d.words) AS w(word) WHERE length(w.word) <= 100;
  INSERT INTO catalogue_title_pairs (pair, seq)
    SELECT t.pair, n.seq FROM new_rows n, catalogue_title_pairs_of_title(n.search_title) AS t(pair)
    WHERE n.published;
  RETURN NULL;
END $$;
