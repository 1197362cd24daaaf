-- Shared infrastructure: a job queue in PostgreSQL (claimed with FOR UPDATE SKIP LOCKED, so several server
-- instances can run it and each job runs once), in-app notifications, and stored files (uploads).

CREATE TABLE jobs (
  id text PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- At most one job per key, ever: "send reminder R14 for report X", "run schedule S for slot 2026-11-27".
  -- This is what makes a job exactly-once across instances: the second enqueue is a no-op.
  dedupe_key text UNIQUE,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5 CHECK (max_attempts > 0),
  -- A running job whose lease expired (the process died) is claimed again.
  locked_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE status IN ('queued', 'running');
CREATE INDEX jobs_kind_idx ON jobs (kind, created_at DESC);

CREATE TABLE notifications (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind text NOT NULL,
  -- Rendered in the reader's language at display time: a catalogue key and its parameters.
  message_key text NOT NULL,
  params jsonb NOT NULL DEFAULT '{}'::jsonb,
  link text CHECK (link IS NULL OR link LIKE '/%'),
  dedupe_key text UNIQUE,
  read_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);

CREATE TABLE stored_files (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('evidence', 'image')),
  visibility text NOT NULL CHECK (visibility IN ('public', 'private')),
  mime text NOT NULL,
  extension text NOT NULL,
  size bigint NOT NULL CHECK (size >= 0),
  sha256 text NOT NULL,
  -- The name the uploader's file had, cleaned (no path, no control characters); shown, never used as a path.
  original_name text NOT NULL,
  width integer,
  height integer,
  -- Derivatives generated for images: {"thumb": {"width":…, "height":…, "size":…}, …}.
  variants jsonb NOT NULL DEFAULT '{}'::jsonb,
  unit_id text REFERENCES units(id),
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stored_files_unit_idx ON stored_files (unit_id);
