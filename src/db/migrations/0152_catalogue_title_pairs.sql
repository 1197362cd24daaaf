-- Catalogue search, long queries (issue 17, ADR 0007 addendum 2): postings of adjacent title word pairs.
--
-- A pasted title made only of common words walked the rarest word's postings (2–4 % of the records) with a
-- probe per row, because the words together are rare. The rarest adjacent pair of such a title is ~0.2 %:
-- `catalogue_title_pairs(pair, seq)` holds one row per distinct adjacent pair of folded title words
-- ('lich su') of a published record. The search walks each word's postings only up to a budget per stratum
-- and finds the rest of a long query's best matches (its title, words adjacent) through the rarest pair.
-- Narrow on purpose (no facet columns): the facets of a pair match come from its word's posting.

-- Adjacent pairs of the title words: the title is weight A of search_vector (0018), positions 1..n.
CREATE FUNCTION catalogue_title_pairs_of(v tsvector) RETURNS SETOF text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  WITH t AS (SELECT u.lexeme, p.pos FROM unnest(v) AS u, unnest(u.positions, u.weights) AS p(pos, w)
    WHERE p.w = 'A')
  SELECT DISTINCT a.lexeme || ' ' || b.lexeme FROM t a JOIN t b ON b.pos = a.pos + 1
  WHERE length(a.lexeme) + length(b.lexeme) <= 100
$$;

CREATE TABLE catalogue_title_pairs (
  pair text NOT NULL,
  seq bigint NOT NULL
);
INSERT INTO catalogue_title_pairs (pair, seq)
  SELECT t.pair, r.seq FROM catalogue_records r, catalogue_title_pairs_of(r.search_vector) AS t(pair)
  WHERE r.published;
ALTER TABLE catalogue_title_pairs ADD PRIMARY KEY (pair, seq);

-- Kept by the postings triggers (0017), one statement per written batch for inserts and deletes.
CREATE OR REPLACE FUNCTION catalogue_postings_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO catalogue_postings (word, seq, type, unit_num, language, decade, availability)
    WITH d AS MATERIALIZED (
      SELECT n.seq, n.type, u.num, n.language, n.decade, catalogue_availability_mask(n.availability) AS mask,
        tsvector_to_array(n.search_vector) AS words
      FROM new_rows n JOIN units u ON u.id = n.unit_id WHERE n.published)
    SELECT w.word, d.seq, d.type, d.num, d.language, d.decade, d.mask
    FROM d, unnest(d.words) AS w(word) WHERE length(w.word) <= 100;
  INSERT INTO catalogue_title_pairs (pair, seq)
    SELECT t.pair, n.seq FROM new_rows n, catalogue_title_pairs_of(n.search_vector) AS t(pair)
    WHERE n.published;
  RETURN NULL;
END $$;

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
  IF (OLD.published, OLD.search_vector) IS DISTINCT FROM (NEW.published, NEW.search_vector) THEN
    IF OLD.published THEN
      DELETE FROM catalogue_title_pairs t
        WHERE t.seq = OLD.seq AND t.pair IN (SELECT catalogue_title_pairs_of(OLD.search_vector));
    END IF;
    IF NEW.published THEN
      INSERT INTO catalogue_title_pairs (pair, seq)
        SELECT t.pair, NEW.seq FROM catalogue_title_pairs_of(NEW.search_vector) AS t(pair);
    END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION catalogue_postings_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM catalogue_postings p
    USING old_rows o, unnest(tsvector_to_array(o.search_vector)) AS w(word)
    WHERE o.published AND p.word = w.word AND p.seq = o.seq;
  DELETE FROM catalogue_title_pairs t
    USING old_rows o, catalogue_title_pairs_of(o.search_vector) AS x(pair)
    WHERE o.published AND t.pair = x.pair AND t.seq = o.seq;
  RETURN NULL;
END $$;
