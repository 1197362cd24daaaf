-- Event feeds and follows: private calendar-feed tokens (one per user, revocable), the allow-list of partner
-- hosts and the community-calendar subscriptions whose events are copied into `events` with source='external'
-- (external_source_id = the subscription, external_uid = the partner's UID), and what citizens follow.

CREATE TABLE calendar_feed_tokens (
  user_id text PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  -- SHA-256 of the secret in the feed URL; the secret itself is shown once and never stored.
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz
);

-- Hosts staff may subscribe to: exact host names or `*.example.vn`; kept by root administrators.
CREATE TABLE calendar_allowed_hosts (
  pattern text PRIMARY KEY CHECK (length(pattern) BETWEEN 1 AND 253),
  note text NOT NULL DEFAULT '',
  added_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE calendar_subscriptions (
  id text PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units(id),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  url text NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2000),
  -- Category given to the imported events (partner feeds rarely use ours).
  category text NOT NULL DEFAULT 'other' CHECK (category IN
    ('reading', 'heritage', 'digital_skills', 'talk', 'exhibition_opening', 'class', 'other')),
  active boolean NOT NULL DEFAULT true,
  last_fetched_at timestamptz,
  last_status text CHECK (last_status IS NULL OR last_status IN ('ok', 'error')),
  last_error text,
  last_event_count integer,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT calendar_subscriptions_unit_url UNIQUE (unit_id, url)
);

CREATE TABLE follows (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  target_kind text NOT NULL CHECK (target_kind IN ('unit', 'place', 'category')),
  target_id text NOT NULL CHECK (length(target_id) BETWEEN 1 AND 64),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT follows_once UNIQUE (user_id, target_kind, target_id)
);
CREATE INDEX follows_target_idx ON follows (target_kind, target_id);

-- Feeds and the month view read published sessions by time.
CREATE INDEX IF NOT EXISTS event_sessions_event_idx ON event_sessions (event_id);
CREATE INDEX events_updated_idx ON events (updated_at) WHERE status = 'published';
