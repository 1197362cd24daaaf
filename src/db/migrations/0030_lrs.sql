-- The learning record store (xAPI 1.0.3): client credentials administrators issue per institution or tool,
-- the statements (immutable; voiding only flags the target), attachments by SHA-2, the three document
-- resources (state, activity profile, agent profile), and learners' yearly goals.

CREATE TABLE lrs_credentials (
  id text PRIMARY KEY,
  -- The Basic-auth user name (public, random); the secret is stored only as its SHA-256 (it is 32 random bytes).
  key text NOT NULL UNIQUE,
  secret_hash text NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  unit_id text REFERENCES units(id),
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  revoked_by text
);

-- Serial order of storage: inserts take a transaction-level advisory lock before drawing `seq`, so `seq`
-- order is commit order and a `more` cursor on `seq` neither repeats nor skips under concurrent inserts.
CREATE SEQUENCE lrs_statement_seq;

CREATE TABLE lrs_statements (
  id uuid PRIMARY KEY,
  seq bigint NOT NULL UNIQUE,
  -- The statement as stored (with stored, authority, version; timestamp filled in when absent).
  statement jsonb NOT NULL,
  -- The statement as received minus what the LRS may set, sorted: compared when the same id comes again.
  signature text NOT NULL,
  stored timestamptz NOT NULL,
  "timestamp" timestamptz NOT NULL,
  verb_id text NOT NULL,
  -- Filter keys (agent keys are `mbox:…`, `mbox_sha1sum:…`, `openid:…`, `account:<homePage>|<name>`).
  -- Direct: actor and object; related: also authority, instructor, team, context activities, sub-statement.
  -- A statement that targets another (StatementRef) also carries its target's keys (xAPI §2.1.3 filters).
  verbs text[] NOT NULL,
  agents text[] NOT NULL,
  related_agents text[] NOT NULL,
  activities text[] NOT NULL,
  related_activities text[] NOT NULL,
  registration uuid,
  voided boolean NOT NULL DEFAULT false,
  voids uuid,
  credential_id text,
  -- The platform's own reading of the statement, for the learner's record and the indicators.
  learner_id text,
  unit_id text,
  place_id text,
  commune text,
  category text,
  duration_seconds integer CHECK (duration_seconds IS NULL OR duration_seconds >= 0),
  has_attachments boolean NOT NULL DEFAULT false
);
CREATE INDEX lrs_statements_stored_idx ON lrs_statements (stored, seq);
CREATE INDEX lrs_statements_agents_idx ON lrs_statements USING gin (agents);
CREATE INDEX lrs_statements_related_agents_idx ON lrs_statements USING gin (related_agents);
CREATE INDEX lrs_statements_activities_idx ON lrs_statements USING gin (activities);
CREATE INDEX lrs_statements_related_activities_idx ON lrs_statements USING gin (related_activities);
CREATE INDEX lrs_statements_verbs_idx ON lrs_statements USING gin (verbs);
CREATE INDEX lrs_statements_registration_idx ON lrs_statements (registration) WHERE registration IS NOT NULL;
CREATE INDEX lrs_statements_learner_idx ON lrs_statements (learner_id, "timestamp") WHERE learner_id IS NOT NULL;
CREATE INDEX lrs_statements_unit_idx ON lrs_statements (unit_id, "timestamp") WHERE unit_id IS NOT NULL;

CREATE TABLE lrs_attachments (
  sha2 text PRIMARY KEY,
  content_type text NOT NULL,
  content bytea NOT NULL
);

-- State (activity + agent + optional registration), activity profiles (activity), agent profiles (agent).
-- Unused key parts are ''.
CREATE TABLE lrs_documents (
  kind text NOT NULL CHECK (kind IN ('state', 'activity_profile', 'agent_profile')),
  activity_id text NOT NULL DEFAULT '',
  agent_key text NOT NULL DEFAULT '',
  registration text NOT NULL DEFAULT '',
  doc_id text NOT NULL,
  content bytea NOT NULL,
  content_type text NOT NULL,
  etag text NOT NULL,
  updated timestamptz NOT NULL,
  PRIMARY KEY (kind, activity_id, agent_key, registration, doc_id)
);

CREATE TABLE lrs_goals (
  learner_id text NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  hours integer NOT NULL CHECK (hours BETWEEN 1 AND 2000),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (learner_id, year)
);
