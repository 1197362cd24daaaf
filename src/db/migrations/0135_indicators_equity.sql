-- The equity view (issue 13): population per commune and year, loaded by an administrator from CSV (never
-- hard-coded). A commune is named as in the places data (the names learner profiles choose from). Re-importing
-- a file replaces the figures it names (idempotent); communes and years it does not name are left as they were.
CREATE TABLE indicator_commune_population (
  commune text NOT NULL CHECK (length(commune) BETWEEN 1 AND 120),
  year integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  population integer NOT NULL CHECK (population >= 0),
  source text NOT NULL DEFAULT '' CHECK (length(source) <= 300),
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (commune, year)
);
