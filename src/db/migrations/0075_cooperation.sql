-- International cooperation (issue 16, plan section V): foreign partners (organisation, ISO 3166-1 country),
-- activities with them (study visits, delegations sent or received, international events attended) with
-- dates, participants (staff accounts and named outside people), outcomes, linked plan task instances, and
-- documents (uploaded through the files module, checked by content).

CREATE TABLE coop_partners (
  id text PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  website text CHECK (website IS NULL OR website ~ '^https?://'),
  note text NOT NULL DEFAULT '',
  search_folded text NOT NULL DEFAULT '',
  created_by text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE coop_activities (
  id text PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units(id),
  kind text NOT NULL CHECK (kind IN ('study_visit', 'delegation_sent', 'delegation_received', 'event_attended')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  partner_ids text[] NOT NULL DEFAULT '{}',
  staff_user_ids text[] NOT NULL DEFAULT '{}',
  external_names text[] NOT NULL DEFAULT '{}',
  outcomes text NOT NULL DEFAULT '',
  plan_instance_ids text[] NOT NULL DEFAULT '{}',
  search_folded text NOT NULL DEFAULT '',
  created_by text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on)
);
CREATE INDEX coop_activities_starts_idx ON coop_activities (starts_on DESC);
CREATE INDEX coop_activities_plan_idx ON coop_activities USING gin (plan_instance_ids);
CREATE INDEX coop_activities_staff_idx ON coop_activities USING gin (staff_user_ids);

CREATE TABLE coop_documents (
  id text PRIMARY KEY,
  activity_id text NOT NULL REFERENCES coop_activities(id) ON DELETE CASCADE,
  file_id text NOT NULL REFERENCES stored_files(id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX coop_documents_activity_idx ON coop_documents (activity_id);
