-- Commendations (issue 16, plan section VI): nominations of collectives and individuals with their
-- achievements and supporting evidence, review, and the decision (number, date, level). Decided ones that
-- are models or good practices (mô hình hay, cách làm sáng tạo) make the public honour roll.

CREATE TABLE comm_nominations (
  id text PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units(id),
  nominee_kind text NOT NULL CHECK (nominee_kind IN ('collective', 'individual')),
  nominee_name text NOT NULL CHECK (length(nominee_name) BETWEEN 1 AND 300),
  nominee_unit_id text REFERENCES units(id),
  category text NOT NULL CHECK (category IN ('model', 'practice', 'achievement')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  achievements text NOT NULL DEFAULT '',
  evidence_urls text[] NOT NULL DEFAULT '{}',
  plan_instance_ids text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'nominated' CHECK (status IN ('nominated', 'review', 'decided', 'rejected')),
  review_note text NOT NULL DEFAULT '',
  decision_number text,
  decision_date date,
  level text CHECK (level IS NULL OR level IN ('department', 'province', 'ministry', 'government')),
  search_folded text NOT NULL DEFAULT '',
  created_by text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'decided') = (decision_number IS NOT NULL AND decision_date IS NOT NULL AND level IS NOT NULL))
);
CREATE INDEX comm_nominations_decided_idx ON comm_nominations (decision_date DESC) WHERE status = 'decided';
