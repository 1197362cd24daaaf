-- "Công dân học tập" (QĐ 677/QĐ-TTg): the yearly scheme (criteria as data, because the official criteria
-- and weights are unverified), the citizens' self-assessments with evidence drawn from their learning record,
-- and the review by the commune's unit, whose recognition is issued as a credential.

CREATE TABLE citizen_schemes (
  year integer PRIMARY KEY CHECK (year BETWEEN 2020 AND 2100),
  -- [{key, labelVi, labelEn, source, pointsPerUnit, max, min, pathIds?}], maxima summing to 100.
  criteria jsonb NOT NULL,
  pass_total integer NOT NULL DEFAULT 80 CHECK (pass_total BETWEEN 1 AND 100),
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE citizen_assessments (
  id text PRIMARY KEY,
  -- A learner id (the account holder's own profile); no cross-module key.
  learner_id text NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 2020 AND 2100),
  -- The unit that reviews (the commune's cultural centre, library …) and the commune as the citizen gave it.
  unit_id text NOT NULL REFERENCES units(id),
  commune text NOT NULL CHECK (length(btrim(commune)) BETWEEN 1 AND 120),
  -- Evidence from the record at submission: {criterionKey: {value, points}}.
  evidence jsonb NOT NULL,
  manual_evidence text NOT NULL DEFAULT '' CHECK (length(manual_evidence) <= 4000),
  manual_points integer CHECK (manual_points IS NULL OR manual_points BETWEEN 0 AND 100),
  total integer NOT NULL CHECK (total BETWEEN 0 AND 100),
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'recognised', 'rejected')),
  submitted_at timestamptz NOT NULL,
  reviewed_at timestamptz,
  reviewed_by text,
  review_note text CHECK (review_note IS NULL OR length(review_note) <= 4000),
  credential_id text,
  UNIQUE (learner_id, year)
);
CREATE INDEX citizen_assessments_unit_idx ON citizen_assessments (unit_id, status, year);
CREATE INDEX citizen_assessments_recognised_idx ON citizen_assessments (reviewed_at) WHERE status = 'recognised';
