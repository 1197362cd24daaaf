-- Images on catalogue records (museum objects, digitised documents: ordered pages) and virtual exhibitions:
-- an ordered story of sections (heading, text) holding catalogue objects and uploaded images. Every image
-- carries a Vietnamese alt text (required, checked here too) and optional English alt text and captions.
-- Image bytes and their derivatives live in stored_files (0008); these tables only place them.

CREATE TABLE catalogue_record_images (
  id text PRIMARY KEY,
  record_id text NOT NULL REFERENCES catalogue_records(id) ON DELETE CASCADE,
  file_id text NOT NULL REFERENCES stored_files(id),
  -- 0-based order of the pages/views; rewritten as a whole on every reorder.
  position integer NOT NULL CHECK (position >= 0),
  alt_vi text NOT NULL CHECK (length(btrim(alt_vi)) BETWEEN 1 AND 500),
  alt_en text CHECK (alt_en IS NULL OR length(alt_en) <= 500),
  caption_vi text CHECK (caption_vi IS NULL OR length(caption_vi) <= 2000),
  caption_en text CHECK (caption_en IS NULL OR length(caption_en) <= 2000),
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX catalogue_record_images_record_idx ON catalogue_record_images (record_id, position);

CREATE TABLE exhibitions (
  id text PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 120),
  unit_id text NOT NULL REFERENCES units(id),
  title_vi text NOT NULL CHECK (length(btrim(title_vi)) BETWEEN 1 AND 300),
  title_en text CHECK (title_en IS NULL OR length(title_en) <= 300),
  summary_vi text CHECK (summary_vi IS NULL OR length(summary_vi) <= 4000),
  summary_en text CHECK (summary_en IS NULL OR length(summary_en) <= 4000),
  start_date date,
  end_date date CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  published_at timestamptz,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX exhibitions_unit_idx ON exhibitions (unit_id);
CREATE INDEX exhibitions_published_idx ON exhibitions (published_at DESC) WHERE status = 'published';

CREATE TABLE exhibition_sections (
  id text PRIMARY KEY,
  exhibition_id text NOT NULL REFERENCES exhibitions(id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  heading_vi text NOT NULL CHECK (length(btrim(heading_vi)) BETWEEN 1 AND 300),
  heading_en text CHECK (heading_en IS NULL OR length(heading_en) <= 300),
  body_vi text CHECK (body_vi IS NULL OR length(body_vi) <= 20000),
  body_en text CHECK (body_en IS NULL OR length(body_en) <= 20000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX exhibition_sections_exhibition_idx ON exhibition_sections (exhibition_id, position);

-- A section shows catalogue objects (with their own images) and images uploaded for the exhibition.
CREATE TABLE exhibition_items (
  id text PRIMARY KEY,
  section_id text NOT NULL REFERENCES exhibition_sections(id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  record_id text REFERENCES catalogue_records(id) ON DELETE CASCADE,
  file_id text REFERENCES stored_files(id),
  alt_vi text CHECK (alt_vi IS NULL OR length(alt_vi) <= 500),
  alt_en text CHECK (alt_en IS NULL OR length(alt_en) <= 500),
  caption_vi text CHECK (caption_vi IS NULL OR length(caption_vi) <= 2000),
  caption_en text CHECK (caption_en IS NULL OR length(caption_en) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((record_id IS NULL) <> (file_id IS NULL)),
  CHECK (file_id IS NULL OR length(btrim(coalesce(alt_vi, ''))) > 0)
);
CREATE INDEX exhibition_items_section_idx ON exhibition_items (section_id, position);
CREATE INDEX exhibition_items_record_idx ON exhibition_items (record_id) WHERE record_id IS NOT NULL;
