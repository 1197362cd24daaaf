-- Inspections (issue 16, plan section VI): inspection plans (which units, when, what), visits with findings,
-- follow-up actions with an owner and a deadline, and their closure. Overdue open follow-ups show on the
-- owner's dashboard.

CREATE TABLE insp_plans (
  id text PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units(id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  subject text NOT NULL DEFAULT '',
  target_unit_ids text[] NOT NULL DEFAULT '{}',
  planned_from date NOT NULL,
  planned_to date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_at timestamptz,
  plan_instance_ids text[] NOT NULL DEFAULT '{}',
  search_folded text NOT NULL DEFAULT '',
  created_by text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (planned_to >= planned_from)
);
CREATE INDEX insp_plans_from_idx ON insp_plans (planned_from DESC);

CREATE TABLE insp_visits (
  id text PRIMARY KEY,
  plan_id text NOT NULL REFERENCES insp_plans(id) ON DELETE CASCADE,
  unit_id text NOT NULL REFERENCES units(id),
  visited_on date NOT NULL,
  findings text NOT NULL DEFAULT '',
  created_by text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX insp_visits_plan_idx ON insp_visits (plan_id);

CREATE TABLE insp_followups (
  id text PRIMARY KEY,
  visit_id text NOT NULL REFERENCES insp_visits(id) ON DELETE CASCADE,
  plan_id text NOT NULL REFERENCES insp_plans(id) ON DELETE CASCADE,
  unit_id text NOT NULL REFERENCES units(id),
  action text NOT NULL CHECK (length(action) BETWEEN 1 AND 2000),
  owner_id text,
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_on date,
  closure_note text NOT NULL DEFAULT '',
  created_by text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'closed') = (closed_on IS NOT NULL))
);
CREATE INDEX insp_followups_plan_idx ON insp_followups (plan_id);
CREATE INDEX insp_followups_open_idx ON insp_followups (due_on) WHERE status = 'open';
