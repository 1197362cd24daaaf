-- Retention of inactive learner accounts (issue 14, Law 91/2025/QH15 storage limitation): when the account was
-- last used. Sessions are deleted on expiry, so their last_seen_at cannot tell; this column outlives them. It is
-- written at most once per day per account (the actor resolver on a signed-in request, and the learning record
-- when an activity is recorded), never moved backwards. Existing accounts start from their latest session or
-- their creation.
ALTER TABLE users ADD COLUMN last_active_at timestamptz;
UPDATE users u SET last_active_at = greatest(u.created_at,
  coalesce((SELECT max(s.last_seen_at) FROM sessions s WHERE s.user_id = u.id), u.created_at));
ALTER TABLE users ALTER COLUMN last_active_at SET DEFAULT now();
ALTER TABLE users ALTER COLUMN last_active_at SET NOT NULL;
CREATE INDEX users_last_active_idx ON users (last_active_at);
