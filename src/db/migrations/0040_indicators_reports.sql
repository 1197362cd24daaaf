-- Indicators and official reports (issue 13). Indicator definitions are data kept by the focal point
-- (Phòng QLVH&GĐ): a value is computed by a module's named computation (indicator source), entered by units
-- with evidence (manual), or the ratio of two other indicators. Targets per indicator, year and unit (NULL =
-- the whole province). Reporting periods carry their own deadline and form sections; each unit's submission
-- is frozen (snapshot) when the focal point accepts it; generated documents keep every version.

CREATE TABLE indicator_definitions (
  id text PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9.-]{0,39}$'),
  name_vi text NOT NULL CHECK (length(btrim(name_vi)) BETWEEN 1 AND 300),
  name_en text NOT NULL CHECK (length(btrim(name_en)) BETWEEN 1 AND 300),
  measure text NOT NULL CHECK (measure IN ('people', 'times', 'events', 'items', 'hours', 'vnd', 'percent', 'count')),
  direction text NOT NULL CHECK (direction IN ('up', 'down')),
  -- How values combine over the years of a period: sum, average of years, the latest year, a distinct count
  -- over the whole period (the source counts each thing once), or the ratio (×100) of two indicators.
  aggregation text NOT NULL CHECK (aggregation IN ('sum', 'average', 'latest', 'distinct', 'ratio')),
  source_kind text NOT NULL CHECK (source_kind IN ('computed', 'manual', 'ratio')),
  source_key text,
  numerator_code text,
  denominator_code text,
  breakdowns text[] NOT NULL DEFAULT '{}',
  indicator_set text NOT NULL DEFAULT 'core' CHECK (indicator_set ~ '^[a-z0-9-]{1,40}$'),
  -- Where the indicator (and its seeded targets) comes from, e.g. "QĐ 1520/QĐ-TTg, 09/12/2022".
  citation text NOT NULL DEFAULT '',
  -- 'confirmed': the source's text says it; 'draft': likely/unverified, an editable default.
  status text NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'draft')),
  active boolean NOT NULL DEFAULT true,
  position integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT indicator_definitions_source CHECK (
    (source_kind = 'computed' AND source_key IS NOT NULL AND aggregation <> 'ratio')
    OR (source_kind = 'manual' AND source_key IS NULL AND aggregation <> 'ratio')
    OR (source_kind = 'ratio' AND aggregation = 'ratio' AND numerator_code IS NOT NULL AND denominator_code IS NOT NULL)
  )
);

CREATE TABLE indicator_targets (
  id text PRIMARY KEY,
  indicator_id text NOT NULL REFERENCES indicator_definitions(id) ON DELETE CASCADE,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  -- NULL = the whole province (the national target applied to Khánh Hòa).
  unit_id text REFERENCES units(id),
  target numeric NOT NULL,
  status text NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'draft')),
  citation text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX indicator_targets_uniq ON indicator_targets (indicator_id, year, coalesce(unit_id, ''));

-- Values units enter themselves (source_kind 'manual'), one per indicator, unit and year, with evidence (a link
-- or the number of the document that proves it). Saved from the unit's report form.
CREATE TABLE indicator_manual_values (
  id text PRIMARY KEY,
  indicator_id text NOT NULL REFERENCES indicator_definitions(id) ON DELETE CASCADE,
  unit_id text NOT NULL REFERENCES units(id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  value numeric NOT NULL,
  evidence text NOT NULL CHECK (length(btrim(evidence)) BETWEEN 1 AND 500),
  entered_by text,
  entered_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT indicator_manual_values_uniq UNIQUE (indicator_id, unit_id, year)
);

CREATE TABLE report_periods (
  id text PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  kind text NOT NULL CHECK (kind IN ('annual', 'midterm', 'five_year', 'final')),
  title_vi text NOT NULL CHECK (length(btrim(title_vi)) BETWEEN 1 AND 300),
  title_en text NOT NULL CHECK (length(btrim(title_en)) BETWEEN 1 AND 300),
  year_from integer NOT NULL CHECK (year_from BETWEEN 2000 AND 2100),
  year_to integer NOT NULL CHECK (year_to BETWEEN 2000 AND 2100),
  deadline date NOT NULL,
  -- The form's sections, in order: [{ "code": "I", "titleVi": "…", "titleEn": "…" }].
  sections jsonb NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT report_periods_years CHECK (year_from <= year_to)
);

CREATE TABLE report_submissions (
  id text PRIMARY KEY,
  period_id text NOT NULL REFERENCES report_periods(id) ON DELETE CASCADE,
  unit_id text NOT NULL REFERENCES units(id),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'accepted')),
  -- { "<section code>": "narrative" }
  narratives jsonb NOT NULL DEFAULT '{}',
  difficulties text NOT NULL DEFAULT '',
  proposals text NOT NULL DEFAULT '',
  -- { "<indicator code>": { "value": 12, "evidence": "https://… or document number" } }
  manual_values jsonb NOT NULL DEFAULT '{}',
  review_comment text,
  -- Frozen at acceptance: { "takenAt": "…", "values": { "<code>": number|null }, "manual": {…} }.
  snapshot jsonb,
  submitted_at timestamptz,
  submitted_by text,
  decided_at timestamptz,
  decided_by text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT report_submissions_period_unit UNIQUE (period_id, unit_id),
  CONSTRAINT report_submissions_snapshot CHECK ((status = 'accepted') = (snapshot IS NOT NULL))
);
CREATE INDEX report_submissions_unit_idx ON report_submissions (unit_id);

-- The submission's history: saves, submissions, returns with comments, acceptance.
CREATE TABLE report_submission_events (
  id text PRIMARY KEY,
  submission_id text NOT NULL REFERENCES report_submissions(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('save', 'submit', 'return', 'accept')),
  comment text,
  actor_id text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_submission_events_idx ON report_submission_events (submission_id, at);

-- One generation request (a job): its progress for the page without JavaScript.
CREATE TABLE report_generations (
  id text PRIMARY KEY,
  period_id text NOT NULL REFERENCES report_periods(id) ON DELETE CASCADE,
  -- NULL = the consolidated report of the Department; a unit = that unit's own report.
  unit_id text REFERENCES units(id),
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  error text,
  requested_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX report_generations_period_idx ON report_generations (period_id, created_at DESC);

CREATE TABLE report_documents (
  id text PRIMARY KEY,
  generation_id text NOT NULL REFERENCES report_generations(id) ON DELETE CASCADE,
  period_id text NOT NULL REFERENCES report_periods(id) ON DELETE CASCADE,
  unit_id text REFERENCES units(id),
  -- 1, 2, … per (period, unit, format): earlier versions stay downloadable.
  version integer NOT NULL,
  format text NOT NULL CHECK (format IN ('docx', 'xlsx', 'pdf')),
  file_name text NOT NULL,
  content bytea NOT NULL,
  size_bytes integer NOT NULL,
  checksum_sha256 text NOT NULL CHECK (checksum_sha256 ~ '^[0-9a-f]{64}$'),
  generator_version text NOT NULL,
  -- The figures the document shows (frozen values, live values, differences).
  snapshot jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX report_documents_version_uniq
  ON report_documents (period_id, coalesce(unit_id, ''), format, version);
