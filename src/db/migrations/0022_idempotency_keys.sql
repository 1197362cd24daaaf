-- One effect per creating request: a back-office form's one-time token or an API `Idempotency-Key` is claimed
-- in the same transaction as the row it creates, so a double click, a resubmit after a timeout or a retried
-- API call answers with the first outcome instead of creating a duplicate. Rows older than a day are pruned
-- by the daily housekeeping job (and an expired key may be claimed again).
CREATE TABLE idempotency_keys (
  scope text NOT NULL,
  actor text NOT NULL,
  key text NOT NULL,
  request_hash text,
  status integer,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, actor, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

-- A signed-in citizen holds at most one live registration per event (per session for session-by-session
-- events), whatever key each form submission carried; cancelling frees the place for a new registration.
-- Duplicates made before this rule keep the first registration; later ones are cancelled and their seats freed.
CREATE TEMP TABLE duplicate_registrations ON COMMIT DROP AS
  SELECT id, event_id, session_id, status, party_size FROM (
    SELECT id, event_id, session_id, status, party_size,
           row_number() OVER (PARTITION BY event_id, coalesce(session_id, ''), user_id ORDER BY arrival) AS n
    FROM event_registrations WHERE user_id IS NOT NULL AND status <> 'cancelled'
  ) ranked WHERE n > 1;
UPDATE event_registrations SET status = 'cancelled', cancelled_at = now(), updated_at = now()
  WHERE id IN (SELECT id FROM duplicate_registrations);
UPDATE events e SET confirmed_seats = e.confirmed_seats - d.seats
  FROM (SELECT event_id, sum(party_size) AS seats FROM duplicate_registrations
        WHERE status = 'confirmed' AND session_id IS NULL GROUP BY event_id) d
  WHERE e.id = d.event_id;
UPDATE event_sessions s SET confirmed_seats = s.confirmed_seats - d.seats
  FROM (SELECT session_id, sum(party_size) AS seats FROM duplicate_registrations
        WHERE status = 'confirmed' AND session_id IS NOT NULL GROUP BY session_id) d
  WHERE s.id = d.session_id;
CREATE UNIQUE INDEX event_registrations_one_per_user
  ON event_registrations (event_id, coalesce(session_id, ''), user_id)
  WHERE user_id IS NOT NULL AND status <> 'cancelled';
