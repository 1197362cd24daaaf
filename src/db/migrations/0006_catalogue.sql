-- Catalogue: one record model for books, serials, audiovisual, digitised documents, museum objects,
-- exhibitions, learning resources and heritage sites; holdings per unit; MARC import jobs; search.
--
-- Search design (see docs in src/modules/catalogue/catalogue.search.ts): the repository prepares
-- punctuation-free text, `vn_fold` folds it into a stored `simple` tsvector with a GIN index, a distinct-word
-- dictionary with a trigram index corrects typos before the full-text index is used, and ranking runs over a
-- bounded candidate set. pg_trgm lives in `public` and is referenced schema-qualified, so the same SQL works
-- when `search_path` is a per-test schema. Creating it can race between parallel migrations on one server.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
EXCEPTION WHEN unique_violation OR duplicate_object THEN NULL;
END $$;

CREATE TABLE catalogue_records (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  type text NOT NULL CHECK (type IN ('book', 'serial', 'audiovisual', 'digitised_document', 'museum_object',
    'exhibition', 'learning_resource', 'heritage_site')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 2000),
  creators text[] NOT NULL DEFAULT '{}',
  subjects text[] NOT NULL DEFAULT '{}',
  date_text text,
  year integer CHECK (year IS NULL OR year BETWEEN -3000 AND 2200),
  language text,
  description text,
  rights text,
  unit_id text NOT NULL REFERENCES units(id),
  isbn text,
  issn text,
  inventory_no text,
  control_number text,
  control_source text,
  published boolean NOT NULL DEFAULT false,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'marc', 'csv')),
  -- Hash of the imported content: re-importing an unchanged record is a no-op (no version bump).
  source_hash text,
  -- Availability of all holdings, kept by the repository whenever holdings change (cheap facet).
  availability text[] NOT NULL DEFAULT '{}',
  -- Search inputs prepared by the repository (NFC, punctuation removed): title, and creators + subjects +
  -- identifiers. `search_exact` is the same text lower-cased but NOT folded, space-padded, for ranking
  -- diacritics-exact matches above folded ones.
  search_title text NOT NULL DEFAULT '',
  search_extra text NOT NULL DEFAULT '',
  search_exact text NOT NULL DEFAULT '',
  search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, vn_fold(search_title)), 'A') ||
    setweight(to_tsvector('simple'::regconfig, vn_fold(search_extra)), 'B')
  ) STORED,
  -- Vietnamese alphabetical order (a ă â … đ …, tones second) encoded to compare bytewise under "C".
  title_sort text NOT NULL DEFAULT '',
  decade integer GENERATED ALWAYS AS ((year / 10) * 10) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX catalogue_records_search_idx ON catalogue_records USING gin (search_vector);
CREATE INDEX catalogue_records_unit_idx ON catalogue_records (unit_id);
CREATE INDEX catalogue_records_control_idx ON catalogue_records (control_number, control_source)
  WHERE control_number IS NOT NULL;
CREATE INDEX catalogue_records_isbn_idx ON catalogue_records (isbn) WHERE isbn IS NOT NULL;
-- Browsing without a query: newest first and title order walk these indexes with a keyset.
CREATE INDEX catalogue_records_newest_idx ON catalogue_records (year DESC NULLS LAST, seq DESC) WHERE published;
CREATE INDEX catalogue_records_title_idx ON catalogue_records (title_sort COLLATE "C", seq) WHERE published;

CREATE TABLE catalogue_holdings (
  id text PRIMARY KEY,
  record_id text NOT NULL REFERENCES catalogue_records(id) ON DELETE CASCADE,
  unit_id text NOT NULL REFERENCES units(id),
  call_number text,
  location text,
  barcode text,
  availability text NOT NULL DEFAULT 'available' CHECK (availability IN ('available', 'on_loan',
    'reference_only', 'in_storage', 'on_display')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX catalogue_holdings_record_idx ON catalogue_holdings (record_id);

-- Distinct folded words of all records, for typo correction (trigram) and autocomplete (prefix).
CREATE TABLE catalogue_words (
  word text PRIMARY KEY,
  ndoc integer NOT NULL DEFAULT 1
);
CREATE INDEX catalogue_words_trgm_idx ON catalogue_words USING gin (word public.gin_trgm_ops);
CREATE INDEX catalogue_words_prefix_idx ON catalogue_words (word text_pattern_ops);

CREATE TABLE catalogue_import_jobs (
  id text PRIMARY KEY,
  file_name text NOT NULL,
  format text NOT NULL CHECK (format IN ('iso2709', 'marcxml')),
  file_path text,
  file_size bigint NOT NULL DEFAULT 0,
  unit_id text NOT NULL REFERENCES units(id),
  publish boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  total integer,
  processed integer NOT NULL DEFAULT 0,
  imported integer NOT NULL DEFAULT 0,
  updated integer NOT NULL DEFAULT 0,
  skipped integer NOT NULL DEFAULT 0,
  failed integer NOT NULL DEFAULT 0,
  errors jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Byte offset (ISO 2709) or record index (MARCXML) after the last committed batch: a restart resumes here.
  resume_offset bigint NOT NULL DEFAULT 0,
  failure text,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX catalogue_import_jobs_created_idx ON catalogue_import_jobs (created_at DESC);
