-- Published learning paths in the OAI-PMH provider (contributed to the catalogue's provider through the
-- learning module's `oaiSources`, so the catalogue never reads these tables). Like catalogue_oai_items
-- (0014): every path that is or ever was published, kept by a trigger so no write path can forget it.
-- Publishing lists it, any change to a published path (edits, and step changes, which touch the path) moves its
-- datestamp, unpublishing or deleting turns it into a tombstone (`deleted`, policy "persistent"), publishing
-- again revives it. `seq` is the item's immutable insertion order: resumption tokens page by it.
CREATE TABLE learning_oai_items (
  path_id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  unit_id text NOT NULL,
  datestamp timestamptz NOT NULL,
  deleted boolean NOT NULL DEFAULT false
);
CREATE INDEX learning_oai_items_datestamp_idx ON learning_oai_items (datestamp, seq);
CREATE INDEX learning_oai_items_unit_idx ON learning_oai_items (unit_id, seq);

INSERT INTO learning_oai_items (path_id, unit_id, datestamp, deleted)
  SELECT id, unit_id, updated_at, false FROM learning_paths WHERE status = 'published'
  ORDER BY published_at, id;

CREATE FUNCTION learning_oai_on_path() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE learning_oai_items SET deleted = true, datestamp = clock_timestamp()
      WHERE path_id = OLD.id AND NOT deleted;
  ELSIF NEW.status = 'published' THEN
    IF TG_OP = 'INSERT' OR OLD IS DISTINCT FROM NEW THEN
      INSERT INTO learning_oai_items (path_id, unit_id, datestamp, deleted)
        VALUES (NEW.id, NEW.unit_id, clock_timestamp(), false)
      ON CONFLICT (path_id) DO UPDATE SET unit_id = EXCLUDED.unit_id, datestamp = EXCLUDED.datestamp,
        deleted = false;
    END IF;
  ELSE
    UPDATE learning_oai_items SET deleted = true, datestamp = clock_timestamp()
      WHERE path_id = NEW.id AND NOT deleted;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER learning_oai_path AFTER INSERT OR UPDATE OR DELETE ON learning_paths
  FOR EACH ROW EXECUTE FUNCTION learning_oai_on_path();
