-- Guest event-registration consents reach the consent ledger from a job after commit (issue 14): writing the
-- ledger inside the registration burst exhausted the pool. The registration row is its own outbox: a guest
-- registration is written with `consent_ledger_due`, and the `events.consent-ledger` job appends the ledger
-- entry and clears the flag in one transaction (so each consent is recorded exactly once).
ALTER TABLE event_registrations ADD COLUMN consent_ledger_due boolean NOT NULL DEFAULT false;
-- Guest consents taken before this migration are recorded too (with the time they were given).
UPDATE event_registrations SET consent_ledger_due = true WHERE consent_text IS NOT NULL AND user_id IS NULL;
CREATE INDEX event_registrations_consent_due_idx ON event_registrations (arrival) WHERE consent_ledger_due;
