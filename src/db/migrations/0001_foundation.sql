-- Foundation: text folding, settings, the unit tree with history, append-only audit log, mail outbox.

CREATE OR REPLACE FUNCTION vn_fold(input text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(lower(translate(
    regexp_replace(normalize(input, NFD), '[\u0300-\u036f]', '', 'g'),
    'đĐ', 'dd')), '\s+', ' ', 'g'))
$$;

CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Units: the current state of each unit. Renames, moves, merges and closures are kept in unit_history.
CREATE TABLE units (
  id text PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  short_name text,
  kind text NOT NULL,
  parent_id text REFERENCES units(id),
  valid_from date NOT NULL,
  valid_to date,
  merged_into_id text REFERENCES units(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT units_no_self_parent CHECK (parent_id IS NULL OR parent_id <> id),
  CONSTRAINT units_valid_range CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX units_parent_idx ON units (parent_id);

CREATE TABLE unit_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units(id),
  change text NOT NULL CHECK (change IN ('create', 'rename', 'move', 'merge', 'close', 'reopen')),
  effective_on date NOT NULL,
  old_name text,
  new_name text,
  old_parent_id text,
  new_parent_id text,
  merged_into_id text,
  note text,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX unit_history_unit_idx ON unit_history (unit_id, effective_on);

-- Audit log: append-only. No update or delete path exists in code; the trigger refuses them in SQL too.
CREATE TABLE audit_log (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id text,
  actor_label text,
  unit_id text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  before jsonb,
  after jsonb,
  request_id text
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);

CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- Mail goes here when no SMTP server is configured; administrators can read it.
CREATE TABLE mail_outbox (
  id text PRIMARY KEY,
  to_address text NOT NULL,
  subject text NOT NULL,
  body_text text NOT NULL,
  body_html text,
  purpose text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  error text
);
CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at DESC);
