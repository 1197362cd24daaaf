-- Catalogue: CSV/XLSX (spreadsheet) import for museums and cultural centres. An upload becomes a draft import
-- holding the file's columns and the column → field mapping staff choose on the mapping screen; starting it
-- runs a resumable job that commits batches of rows together with their progress and row errors.
CREATE TABLE catalogue_tabular_imports (
  id text PRIMARY KEY,
  file_name text NOT NULL,
  format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
  -- CSV only: the detected encoding and delimiter (the file is decoded the same way on every run).
  encoding text CHECK (encoding IS NULL OR encoding IN ('utf-8', 'utf-8-bom', 'windows-1258')),
  delimiter text CHECK (delimiter IS NULL OR delimiter IN (',', ';', E'\t', '|')),
  file_path text,
  file_size bigint NOT NULL DEFAULT 0,
  sha256 text NOT NULL,
  unit_id text NOT NULL REFERENCES units(id),
  publish boolean NOT NULL DEFAULT false,
  default_type text NOT NULL DEFAULT 'book',
  -- The header row as read from the file, and {"<column index>": "<field>"} chosen on the mapping screen.
  columns jsonb NOT NULL DEFAULT '[]'::jsonb,
  mapping jsonb NOT NULL DEFAULT '{}'::jsonb,
  total_rows integer NOT NULL DEFAULT 0,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'queued', 'running', 'done', 'failed', 'cancelled')),
  processed integer NOT NULL DEFAULT 0,
  imported integer NOT NULL DEFAULT 0,
  updated integer NOT NULL DEFAULT 0,
  skipped integer NOT NULL DEFAULT 0,
  failed integer NOT NULL DEFAULT 0,
  warnings integer NOT NULL DEFAULT 0,
  -- Data rows (after the header) consumed by committed batches: a restart skips exactly these.
  resume_row integer NOT NULL DEFAULT 0,
  failure text,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX catalogue_tabular_imports_created_idx ON catalogue_tabular_imports (created_at DESC);

-- The validation report: one line per bad (or flagged) row, with the row number staff see in their
-- spreadsheet and a message key translated when shown.
CREATE TABLE catalogue_tabular_row_issues (
  import_id text NOT NULL REFERENCES catalogue_tabular_imports(id) ON DELETE CASCADE,
  row_number integer NOT NULL,
  severity text NOT NULL CHECK (severity IN ('error', 'warning')),
  message_key text NOT NULL,
  params jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (import_id, row_number, severity, message_key)
);

-- Matching re-imported rows: inventory number within the unit, and unchanged rows by content hash.
CREATE INDEX catalogue_records_inventory_idx ON catalogue_records (unit_id, inventory_no)
  WHERE inventory_no IS NOT NULL;
CREATE INDEX catalogue_records_source_hash_idx ON catalogue_records (source_hash)
  WHERE source_hash IS NOT NULL;

-- Search: a narrow copy of what counting and facets read (ADR 0006). Counting a common word visited up to
-- 10,001 rows of catalogue_records (~840 bytes each, so most of the table's pages); the same rows here are
-- ~250 bytes: the facet columns and the folded words without positions (`strip`, enough for @@ with & and |).
-- Kept by statement-level triggers (one INSERT … SELECT per written batch, not one per row).
CREATE TABLE catalogue_search_docs (
  seq bigint PRIMARY KEY REFERENCES catalogue_records(seq) ON DELETE CASCADE,
  published boolean NOT NULL,
  type text NOT NULL,
  unit_id text NOT NULL,
  language text,
  decade integer,
  availability text[] NOT NULL,
  lexemes tsvector NOT NULL
);
CREATE INDEX catalogue_search_docs_lexemes_idx ON catalogue_search_docs USING gin (lexemes);

INSERT INTO catalogue_search_docs (seq, published, type, unit_id, language, decade, availability, lexemes)
  SELECT seq, published, type, unit_id, language, decade, availability, strip(search_vector)
  FROM catalogue_records;

CREATE FUNCTION catalogue_search_docs_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO catalogue_search_docs (seq, published, type, unit_id, language, decade, availability, lexemes)
    SELECT n.seq, n.published, n.type, n.unit_id, n.language, n.decade, n.availability, strip(n.search_vector)
    FROM changed_rows n
  ON CONFLICT (seq) DO UPDATE SET published = EXCLUDED.published, type = EXCLUDED.type,
    unit_id = EXCLUDED.unit_id, language = EXCLUDED.language, decade = EXCLUDED.decade,
    availability = EXCLUDED.availability, lexemes = EXCLUDED.lexemes;
  RETURN NULL;
END $$;

CREATE TRIGGER catalogue_search_docs_insert AFTER INSERT ON catalogue_records
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_search_docs_sync();
CREATE TRIGGER catalogue_search_docs_update AFTER UPDATE ON catalogue_records
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_search_docs_sync();
