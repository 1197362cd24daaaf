-- The program plan: tasks (both appendices of the source plan, plus tasks added later), the units that lead
-- or coordinate each task, the yearly instances a task expands into, and the commemorative days.

CREATE TABLE plan_tasks (
  id text PRIMARY KEY,
  -- Stable key of a source row (`PL1-III-2`); NULL for tasks added in the app.
  source_key text UNIQUE,
  origin text NOT NULL DEFAULT 'source' CHECK (origin IN ('source', 'added')),
  phase text NOT NULL CHECK (phase IN ('2023-2025', '2025-2030')),
  section text NOT NULL CHECK (section IN ('I', 'II', 'III', 'IV', 'V', 'VI', 'VII')),
  section_title text NOT NULL,
  number integer NOT NULL CHECK (number > 0),
  content text NOT NULL,
  product text NOT NULL,
  -- The raw unit cells as written in the source; group descriptions stay here as text.
  lead_units_text text NOT NULL DEFAULT '',
  coordinating_units_text text NOT NULL DEFAULT '',
  -- Group descriptions in those cells that are not one unit ("Các phòng chuyên môn, đơn vị liên quan").
  lead_groups text[] NOT NULL DEFAULT '{}',
  coordinating_groups text[] NOT NULL DEFAULT '{}',
  time_text text NOT NULL DEFAULT '',
  time_kind text NOT NULL CHECK (time_kind IN ('range', 'year', 'yearly', 'unspecified')),
  time_from integer,
  time_to integer,
  -- Folded (no diacritics, lower-case) content and product for search: `hoa` finds "hóa".
  search_folded text GENERATED ALWAYS AS (vn_fold(content || ' ' || product)) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT plan_tasks_source_key_origin CHECK ((origin = 'source') = (source_key IS NOT NULL)),
  CONSTRAINT plan_tasks_time_shape CHECK (
    (time_kind = 'range' AND time_from IS NOT NULL AND time_to IS NOT NULL AND time_from <= time_to)
    OR (time_kind = 'year' AND time_from IS NOT NULL AND time_to = time_from)
    OR (time_kind IN ('yearly', 'unspecified') AND time_from IS NULL AND time_to IS NULL)
  ),
  CONSTRAINT plan_tasks_number_unique UNIQUE (phase, section, number)
);
CREATE INDEX plan_tasks_order_idx ON plan_tasks (phase, section, number);

CREATE TABLE plan_task_units (
  task_id text NOT NULL REFERENCES plan_tasks(id) ON DELETE CASCADE,
  unit_id text NOT NULL REFERENCES units(id),
  role text NOT NULL CHECK (role IN ('lead', 'coordinating')),
  position integer NOT NULL DEFAULT 0,
  PRIMARY KEY (task_id, unit_id, role)
);
CREATE INDEX plan_task_units_unit_idx ON plan_task_units (unit_id);

CREATE TABLE plan_task_instances (
  id text PRIMARY KEY,
  task_id text NOT NULL REFERENCES plan_tasks(id) ON DELETE CASCADE,
  year integer NOT NULL CHECK (year BETWEEN 2023 AND 2030),
  due_date date,
  -- Progress reporting owns the status vocabulary; the seed only creates 'not_started' instances.
  status text NOT NULL DEFAULT 'not_started',
  -- True when the year was inferred (the source left the time cell empty), not read from the source.
  year_inferred boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT plan_task_instances_task_year UNIQUE (task_id, year)
);
CREATE INDEX plan_task_instances_year_idx ON plan_task_instances (year);

CREATE TABLE commemorative_days (
  id text PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  month integer NOT NULL CHECK (month BETWEEN 1 AND 12),
  day integer NOT NULL CHECK (day BETWEEN 1 AND 31),
  -- Last day of a multi-day observance (the 1–7 October week); NULL for a single day.
  end_month integer CHECK (end_month BETWEEN 1 AND 12),
  end_day integer CHECK (end_day BETWEEN 1 AND 31),
  source_note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT commemorative_days_end_pair CHECK ((end_month IS NULL) = (end_day IS NULL))
);
