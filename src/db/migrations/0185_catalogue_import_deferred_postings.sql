-- MARC import speed (issue 17, ADR 0007 addendum 5): a bulk path for large imports that defers the postings
-- and title pairs of newly inserted records and builds them set-wise, sorted, after a run of batches.
--
-- The insert trigger of 0017/0152/0176 writes ~17 postings and ~5 title pairs per record, batch by batch, in
-- the order of `unnest` (by record, then word): every entry is a descent to a random leaf of a B-tree that at
-- 1M records is far larger than shared_buffers. A transaction that sets `catalogue.defer_postings = 'on'`
-- (SET LOCAL; only the MARC import's bulk path does) makes the trigger queue the records' `seq` instead — one
-- append to a small table, in the same transaction as the records, so a crash leaves every committed record
-- either indexed or queued. `catalogue_postings_flush(n)` then indexes up to n queued records in one
-- statement per table, inserted in key order (`ORDER BY word, seq`): consecutive entries land on the same
-- leaf, each touched leaf is written once.
--
-- The row path (every other write, and small imports) is unchanged but for the same key order in its inserts.
-- The update and delete triggers are untouched: an update of a queued record writes its postings through the
-- row-level update trigger, and the flush skips what already exists — both come from the record's current
-- row; a deleted queued record has no row to join and is just dequeued.

CREATE TABLE catalogue_postings_pending (
  seq bigint PRIMARY KEY
);

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
    FROM d, unnest(d.words) AS w(word) WHERE length(w.word) <= 100
    ORDER BY w.word, d.seq;
  INSERT INTO catalogue_title_pairs (pair, seq)
    SELECT t.pair, n.seq FROM new_rows n, catalogue_title_pairs_of_title(n.search_title) AS t(pair)
    WHERE n.published
    ORDER BY t.pair, n.seq;
  RETURN NULL;
END $$;

-- Indexes up to `lim` queued records (lowest seq first); answers how many were dequeued. Queued rows another
-- transaction is flushing are skipped. The records are share-locked first, so an edit running now waits until
-- their postings exist (its row trigger then replaces them), and the inserts read their committed state.
--
-- A queued record edited before the flush may already have its postings, or its pairs: the update trigger
-- writes all of a published record's postings whenever it fires, and all its pairs when the title or
-- publication changed — so a record has all or none of each. One probe per record (its first word, its first
-- pair) tells which; plain inserts in key order follow (ON CONFLICT would make every entry a speculative
-- insertion: a second index descent and WAL record per posting).
-- The sort of a chunk (~17 postings per record) runs in memory rather than in temporary files.
CREATE FUNCTION catalogue_postings_flush(lim integer) RETURNS integer LANGUAGE plpgsql
SET work_mem = '64MB' AS $$
DECLARE
  seqs bigint[];
BEGIN
  SELECT array_agg(q.seq ORDER BY q.seq) INTO seqs FROM (
    SELECT p.seq FROM catalogue_postings_pending p ORDER BY p.seq LIMIT lim FOR UPDATE SKIP LOCKED) q;
  IF seqs IS NULL THEN
    RETURN 0;
  END IF;
  PERFORM 1 FROM catalogue_records r WHERE r.seq = ANY(seqs) FOR SHARE;
  INSERT INTO catalogue_postings (word, seq, type, unit_num, language, decade, availability)
    WITH d AS MATERIALIZED (
      SELECT n.seq, n.type, u.num, n.language, n.decade, catalogue_availability_mask(n.availability) AS mask,
        ARRAY(SELECT x FROM unnest(tsvector_to_array(n.search_vector)) AS x WHERE length(x) <= 100) AS words
      FROM catalogue_records n JOIN units u ON u.id = n.unit_id WHERE n.seq = ANY(seqs) AND n.published)
    SELECT w.word, d.seq, d.type, d.num, d.language, d.decade, d.mask
    FROM d, unnest(d.words) AS w(word)
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_postings e WHERE e.word = d.words[1] AND e.seq = d.seq)
    ORDER BY w.word, d.seq;
  INSERT INTO catalogue_title_pairs (pair, seq)
    WITH d AS MATERIALIZED (
      SELECT n.seq, ARRAY(SELECT catalogue_title_pairs_of_title(n.search_title)) AS pairs
      FROM catalogue_records n WHERE n.seq = ANY(seqs) AND n.published)
    SELECT t.pair, d.seq FROM d, unnest(d.pairs) AS t(pair)
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_title_pairs e WHERE e.pair = d.pairs[1] AND e.seq = d.seq)
    ORDER BY t.pair, d.seq;
  DELETE FROM catalogue_postings_pending p WHERE p.seq = ANY(seqs);
  RETURN cardinality(seqs);
END $$;
