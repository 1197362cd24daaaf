-- Events: what a unit organises (a talk, an exhibition opening, a weekly class), its sessions (every event has
-- at least one; a weekly series has several), registrations with a waitlist, attendance (check-ins of
-- registered people and walk-ins) and feedback. Seats are counted in `confirmed_seats` on the event (series
-- registration) or on the session (per-session registration), updated only while the event row is locked,
-- so concurrent registrations can never oversell.

CREATE TABLE events (
  id text PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units(id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description text NOT NULL DEFAULT '',
  category text NOT NULL CHECK (category IN
    ('reading', 'heritage', 'digital_skills', 'talk', 'exhibition_opening', 'class', 'other')),
  audience text[] NOT NULL DEFAULT '{}',
  place_id text REFERENCES places(id),
  online_url text CHECK (online_url IS NULL OR online_url ~ '^https?://'),
  time_zone text NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
  -- NULL = unlimited. 0 = takes no registrations (walk-in only).
  capacity integer CHECK (capacity IS NULL OR capacity >= 0),
  registration_mode text NOT NULL DEFAULT 'series' CHECK (registration_mode IN ('series', 'session')),
  registration_opens_at timestamptz,
  registration_closes_at timestamptz,
  price_vnd integer NOT NULL DEFAULT 0 CHECK (price_vnd >= 0),
  organiser_contact text NOT NULL DEFAULT '',
  image_file_id text REFERENCES stored_files(id),
  plan_instance_id text REFERENCES plan_task_instances(id),
  -- The weekly rule the sessions were generated from, kept to show and edit it: {weekdays, until, exceptions…}.
  recurrence jsonb,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'cancelled')),
  source text NOT NULL DEFAULT 'local' CHECK (source IN ('local', 'external')),
  external_source_id text,
  external_uid text,
  url text,
  -- Seats taken by confirmed whole-series registrations (registration_mode = 'series').
  confirmed_seats integer NOT NULL DEFAULT 0 CHECK (confirmed_seats >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_folded text GENERATED ALWAYS AS (vn_fold(title || ' ' || description)) STORED,
  CONSTRAINT events_window_order CHECK (
    registration_opens_at IS NULL OR registration_closes_at IS NULL OR registration_opens_at < registration_closes_at),
  CONSTRAINT events_external_uid UNIQUE (external_source_id, external_uid)
);
CREATE INDEX events_unit_idx ON events (unit_id);
CREATE INDEX events_place_idx ON events (place_id);
CREATE INDEX events_plan_instance_idx ON events (plan_instance_id) WHERE plan_instance_id IS NOT NULL;
CREATE INDEX events_category_idx ON events (category) WHERE status = 'published';

CREATE TABLE event_sessions (
  id text PRIMARY KEY,
  event_id text NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  cancelled boolean NOT NULL DEFAULT false,
  -- Seats taken by confirmed single-session registrations (registration_mode = 'session').
  confirmed_seats integer NOT NULL DEFAULT 0 CHECK (confirmed_seats >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT event_sessions_order CHECK (starts_at < ends_at),
  CONSTRAINT event_sessions_unique_start UNIQUE (event_id, starts_at)
);
CREATE INDEX event_sessions_starts_idx ON event_sessions (starts_at);

CREATE SEQUENCE event_registration_order;

CREATE TABLE event_registrations (
  id text PRIMARY KEY,
  event_id text NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  -- NULL = the whole series.
  session_id text REFERENCES event_sessions(id) ON DELETE CASCADE,
  user_id text REFERENCES users(id) ON DELETE SET NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  phone text,
  email text,
  party_size integer NOT NULL DEFAULT 1 CHECK (party_size BETWEEN 1 AND 10),
  status text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
  -- Arrival order (taken while the event row is locked): the waitlist is promoted in this order.
  arrival bigint NOT NULL DEFAULT nextval('event_registration_order'),
  ticket_code text NOT NULL UNIQUE,
  -- SHA-256 of the secrets sent by mail (cancellation link, feedback link); the secrets are never stored.
  cancel_token_hash text NOT NULL UNIQUE,
  feedback_token_hash text NOT NULL UNIQUE,
  idempotency_key text NOT NULL,
  consent_text text,
  consent_at timestamptz,
  checked_in_at timestamptz,
  promoted_at timestamptz,
  cancelled_at timestamptz,
  feedback_invited_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT event_registrations_contact CHECK (user_id IS NOT NULL OR phone IS NOT NULL OR email IS NOT NULL),
  CONSTRAINT event_registrations_idempotency UNIQUE (event_id, idempotency_key)
);
CREATE INDEX event_registrations_waitlist_idx ON event_registrations (event_id, arrival)
  WHERE status = 'waitlisted';
CREATE INDEX event_registrations_user_idx ON event_registrations (user_id) WHERE user_id IS NOT NULL;

-- One row per person or group checked in at a session: a registration (once per session) or a walk-in.
CREATE TABLE event_attendance (
  id text PRIMARY KEY,
  event_id text NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  session_id text NOT NULL REFERENCES event_sessions(id) ON DELETE CASCADE,
  registration_id text REFERENCES event_registrations(id) ON DELETE CASCADE,
  walk_in_name text,
  party_size integer NOT NULL DEFAULT 1 CHECK (party_size BETWEEN 1 AND 200),
  checked_in_at timestamptz NOT NULL DEFAULT now(),
  checked_in_by text,
  CONSTRAINT event_attendance_once UNIQUE (session_id, registration_id)
);
CREATE INDEX event_attendance_event_idx ON event_attendance (event_id);

CREATE TABLE event_feedback (
  id text PRIMARY KEY,
  event_id text NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  registration_id text NOT NULL UNIQUE REFERENCES event_registrations(id) ON DELETE CASCADE,
  rating integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment text NOT NULL DEFAULT '' CHECK (length(comment) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX event_feedback_event_idx ON event_feedback (event_id);
