-- Catalogue import speed (issue 17, ADR 0007 addendum 3): the title pairs (0152) come from the folded title
-- text instead of the tsvector.
--
-- `catalogue_title_pairs_of(tsvector)` unnested every lexeme's positions and self-joined them; it is STRICT,
-- so PostgreSQL could not inline it and ran it once per record as a separate function call. That was ~30 % of
-- the database time of a MARC import batch (auto_explain, 100k loaded). `search_title` is the folded title
-- words joined by single spaces (the app's `foldWordsText(wordsText(title))`), and the title weight of
-- `search_vector` is `to_tsvector('simple', search_title)`: its positions 1..n are exactly the words of
-- `search_title` in order, so the adjacent pairs are the adjacent words of the text. The text version is an
-- inlinable SQL function (not STRICT: a NULL title gives no rows), ~10× cheaper per record. A test holds the
-- two equal on titles in many scripts (catalogue/search/search-pairs-text.int.test.ts).
--
-- The two differ only on words the text-search parser splits or refuses, which the app's word split keeps
-- whole: `1e3n` (the parser reads a number `1e3`, then `n`), or a word over 2,047 bytes. Queries are split by
-- the app, so the text rule is the one a query's pairs are built by. The table is rebuilt under the new rule
-- (sorted, key after), so the delete and update triggers find every pair they must remove.

CREATE FUNCTION catalogue_title_pairs_of_title(title text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT DISTINCT w.a || ' ' || w.b FROM (
    SELECT x.word AS a, lead(x.word) OVER (ORDER BY x.n) AS b
    FROM unnest(string_to_array(title, ' ')) WITH ORDINALITY AS x(word, n) WHERE x.word <> ''
  ) w
  WHERE w.b IS NOT NULL AND length(w.a) + length(w.b) <= 100
$$;

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
    SELECT t.pair, n.seq FROM new_rows n, catalogue_title_pairs_of_title(n.search_title) AS t(pair)
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
  IF (OLD.published, OLD.search_title) IS DISTINCT FROM (NEW.published, NEW.search_title) THEN
    IF OLD.published THEN
      DELETE FROM catalogue_title_pairs t
        WHERE t.seq = OLD.seq AND t.pair IN (SELECT catalogue_title_pairs_of_title(OLD.search_title));
    END IF;
    IF NEW.published THEN
      INSERT INTO catalogue_title_pairs (pair, seq)
        SELECT t.pair, NEW.seq FROM catalogue_title_pairs_of_title(NEW.search_title) AS t(pair);
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
    USING old_rows o, catalogue_title_pairs_of_title(o.search_title) AS x(pair)
    WHERE o.published AND t.pair = x.pair AND t.seq = o.seq;
  RETURN NULL;
END $$;

ALTER TABLE catalogue_title_pairs DROP CONSTRAINT catalogue_title_pairs_pkey;
TRUNCATE catalogue_title_pairs;
INSERT INTO catalogue_title_pairs (pair, seq)
  SELECT t.pair, r.seq FROM catalogue_records r, catalogue_title_pairs_of_title(r.search_title) AS t(pair)
  WHERE r.published ORDER BY 1, 2;
ALTER TABLE catalogue_title_pairs ADD PRIMARY KEY (pair, seq);
