-- Registration bursts (issue 17) and family members as registrants (issue 12).
--
-- A seat is now taken by one conditional statement (the seat counter's UPDATE … WHERE seats fit, in the same
-- statement as the registration's INSERT), so the row lock lasts one statement instead of a whole transaction.
-- One live registration per person and event (or session) was one per account (0022); with family members
-- as registrants it is one per learner: the account holder (learner_id NULL or their own id) or each family
-- member they registered. Existing rows have learner_id NULL, so the new index holds whatever the old one held.
ALTER TABLE event_registrations ADD COLUMN learner_id text;
DROP INDEX event_registrations_one_per_user;
CREATE UNIQUE INDEX event_registrations_one_live_per_learner
  ON event_registrations (event_id, coalesce(session_id, ''), coalesce(learner_id, user_id))
  WHERE user_id IS NOT NULL AND status <> 'cancelled';
CREATE INDEX event_registrations_learner_idx ON event_registrations (learner_id) WHERE learner_id IS NOT NULL;

-- The registration row is its own outbox: a ticket mail is due until the mailer has taken it (after commit,
-- off the request path), so a crash between commit and mail only delays the mail to the next sweep.
ALTER TABLE event_registrations ADD COLUMN ticket_mail_due boolean NOT NULL DEFAULT false;
ALTER TABLE event_registrations ADD COLUMN mail_locale text NOT NULL DEFAULT 'vi'
  CHECK (mail_locale IN ('vi', 'en'));
CREATE INDEX event_registrations_mail_due_idx ON event_registrations (arrival) WHERE ticket_mail_due;

-- Month views and feeds ask for sessions overlapping a window [from, to): a range index answers that without
-- walking every earlier session (the starts_at index only bounds one side).
CREATE INDEX event_sessions_during_idx ON event_sessions USING gist (tstzrange(starts_at, ends_at));
