-- Catalogue interoperability: the OAI-PMH provider's item list (with persistent deletions), the OAI-PMH
-- harvester (sources, runs) and the administrator-managed allow-list of hosts the server may fetch from.

-- Harvested records are a fourth provenance.
ALTER TABLE catalogue_records DROP CONSTRAINT IF EXISTS catalogue_records_source_check;
ALTER TABLE catalogue_records ADD CONSTRAINT catalogue_records_source_check
  CHECK (source IN ('manual', 'marc', 'csv', 'oai'));

-- Every record that is or ever was published, as the OAI-PMH provider lists it. Kept by the triggers below, so
-- no write path can forget it: publishing inserts, any change to a published record (or its holdings) moves
-- its datestamp, unpublishing or deleting turns it into a tombstone (`deleted`, policy "persistent": kept
-- forever), republishing revives it. `seq` is the record's immutable insertion order: resumption tokens page
-- by it, so a record changed during a harvest keeps its place and is listed exactly once.
CREATE TABLE catalogue_oai_items (
  record_id text PRIMARY KEY,
  seq bigint NOT NULL UNIQUE,
  unit_id text NOT NULL,
  type text NOT NULL,
  datestamp timestamptz NOT NULL,
  deleted boolean NOT NULL DEFAULT false
);
CREATE INDEX catalogue_oai_items_datestamp_idx ON catalogue_oai_items (datestamp, seq);
CREATE INDEX catalogue_oai_items_unit_idx ON catalogue_oai_items (unit_id, seq);
CREATE INDEX catalogue_oai_items_type_idx ON catalogue_oai_items (type, seq);

INSERT INTO catalogue_oai_items (record_id, seq, unit_id, type, datestamp, deleted)
  SELECT id, seq, unit_id, type, updated_at, false FROM catalogue_records WHERE published;

-- Statement-level triggers with transition tables: a batch import of 1,000 records costs one statement here.
CREATE FUNCTION catalogue_oai_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO catalogue_oai_items (record_id, seq, unit_id, type, datestamp, deleted)
    SELECT n.id, n.seq, n.unit_id, n.type, clock_timestamp(), false FROM new_rows n WHERE n.published
  ON CONFLICT (record_id) DO UPDATE SET unit_id = EXCLUDED.unit_id, type = EXCLUDED.type,
    datestamp = EXCLUDED.datestamp, deleted = false;
  RETURN NULL;
END $$;

CREATE FUNCTION catalogue_oai_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Published now (and changed): listed with a new datestamp.
  INSERT INTO catalogue_oai_items (record_id, seq, unit_id, type, datestamp, deleted)
    SELECT n.id, n.seq, n.unit_id, n.type, clock_timestamp(), false
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.published AND (o.* IS DISTINCT FROM n.*)
  ON CONFLICT (record_id) DO UPDATE SET unit_id = EXCLUDED.unit_id, type = EXCLUDED.type,
    datestamp = EXCLUDED.datestamp, deleted = false;
  -- Unpublished: a tombstone.
  UPDATE catalogue_oai_items i SET deleted = true, datestamp = clock_timestamp()
    FROM new_rows n WHERE i.record_id = n.id AND NOT n.published AND NOT i.deleted;
  RETURN NULL;
END $$;

CREATE FUNCTION catalogue_oai_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE catalogue_oai_items i SET deleted = true, datestamp = clock_timestamp()
    FROM old_rows o WHERE i.record_id = o.id AND NOT i.deleted;
  RETURN NULL;
END $$;

-- Holdings are part of the MARCXML (852): changing them moves the record's datestamp. Items already stamped in
-- this transaction (a record inserted together with its holdings) are left alone: no second write.
CREATE FUNCTION catalogue_oai_on_holdings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE catalogue_oai_items i SET datestamp = clock_timestamp()
    WHERE NOT i.deleted AND i.datestamp < transaction_timestamp() AND i.record_id IN (
      SELECT record_id FROM changed_holdings);
  RETURN NULL;
END $$;

CREATE TRIGGER catalogue_oai_insert AFTER INSERT ON catalogue_records
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_oai_on_insert();
CREATE TRIGGER catalogue_oai_update AFTER UPDATE ON catalogue_records
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION catalogue_oai_on_update();
CREATE TRIGGER catalogue_oai_delete AFTER DELETE ON catalogue_records
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_oai_on_delete();
CREATE TRIGGER catalogue_oai_holdings_insert AFTER INSERT ON catalogue_holdings
  REFERENCING NEW TABLE AS changed_holdings FOR EACH STATEMENT EXECUTE FUNCTION catalogue_oai_on_holdings();
CREATE TRIGGER catalogue_oai_holdings_delete AFTER DELETE ON catalogue_holdings
  REFERENCING OLD TABLE AS changed_holdings FOR EACH STATEMENT EXECUTE FUNCTION catalogue_oai_on_holdings();

-- Hosts the server may fetch from (OAI-PMH sources, later other remote data): exact host names or
-- `*.example.vn`. Managed by root-unit administrators; see docs/decisions/0005-safe-fetch.md.
CREATE TABLE catalogue_fetch_allowlist (
  pattern text PRIMARY KEY CHECK (pattern ~ '^(\*\.)?[a-z0-9.:-]{1,253}$'),
  note text CHECK (note IS NULL OR length(note) <= 300),
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE catalogue_harvest_sources (
  id text PRIMARY KEY,
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  base_url text NOT NULL CHECK (base_url ~ '^https?://' AND length(base_url) <= 500),
  metadata_prefix text NOT NULL CHECK (metadata_prefix IN ('oai_dc', 'marcxml')),
  set_spec text CHECK (set_spec IS NULL OR length(set_spec) <= 200),
  -- Harvested records belong to this unit (the one that curates the source) and are published or not.
  unit_id text NOT NULL REFERENCES units(id),
  publish boolean NOT NULL DEFAULT true,
  schedule text NOT NULL DEFAULT 'daily' CHECK (schedule IN ('manual', 'daily', 'weekly')),
  enabled boolean NOT NULL DEFAULT true,
  -- The responseDate of the last completed run's first response: the next run asks `from` there.
  last_datestamp text,
  last_run_at timestamptz,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE catalogue_harvest_runs (
  id text PRIMARY KEY,
  source_id text NOT NULL REFERENCES catalogue_harvest_sources(id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  from_datestamp text,
  -- The first response's responseDate (becomes the source's last_datestamp when the run completes).
  response_date text,
  -- The token of the next page after the last committed one: a restarted run continues there.
  resumption_token text,
  complete_list_size integer,
  pages integer NOT NULL DEFAULT 0,
  processed integer NOT NULL DEFAULT 0,
  imported integer NOT NULL DEFAULT 0,
  updated integer NOT NULL DEFAULT 0,
  skipped integer NOT NULL DEFAULT 0,
  deleted integer NOT NULL DEFAULT 0,
  failed integer NOT NULL DEFAULT 0,
  errors jsonb NOT NULL DEFAULT '[]'::jsonb,
  failure text,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX catalogue_harvest_runs_source_idx ON catalogue_harvest_runs (source_id, created_at DESC);
-- At most one unfinished run per source.
CREATE UNIQUE INDEX catalogue_harvest_runs_active_idx ON catalogue_harvest_runs (source_id)
  WHERE status IN ('queued', 'running');
