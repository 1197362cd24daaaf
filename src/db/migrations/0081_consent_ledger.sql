-- Consent ledger (Law 91/2025/QH15): every consent given or withdrawn, append-only, with the purpose, the
-- version of the notice shown, when, through which channel and by whom (the guardian for a child). Guests are
-- identified only by an HMAC of their contact, never in clear.
CREATE TABLE consent_ledger (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id text NOT NULL UNIQUE,
  purpose text NOT NULL CHECK (purpose ~ '^[a-z][a-z0-9_.-]{1,60}$'),
  action text NOT NULL CHECK (action IN ('given', 'withdrawn')),
  -- The person the consent is about: a learner id, or a guest's contact hash.
  learner_id text,
  contact_hash text,
  -- Who acted: the account (a guardian for a child), null for a guest.
  actor_user_id text,
  -- What it was about (an event registration id …), optional.
  subject_ref text,
  notice_version text NOT NULL CHECK (length(notice_version) BETWEEN 1 AND 100),
  channel text NOT NULL CHECK (channel IN ('web', 'account', 'guest-form', 'desk', 'api')),
  at timestamptz NOT NULL,
  CHECK (learner_id IS NOT NULL OR contact_hash IS NOT NULL)
);
CREATE INDEX consent_ledger_learner_idx ON consent_ledger (learner_id, purpose, seq);
CREATE INDEX consent_ledger_contact_idx ON consent_ledger (contact_hash, purpose, seq);

CREATE FUNCTION consent_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'consent_ledger is append-only';
END $$;
CREATE TRIGGER consent_ledger_no_update BEFORE UPDATE OR DELETE ON consent_ledger
  FOR EACH ROW EXECUTE FUNCTION consent_ledger_append_only();

-- The exact wording of each notice version, so the ledger proves what was shown.
CREATE TABLE consent_notices (
  purpose text NOT NULL,
  version text NOT NULL,
  text_vi text NOT NULL CHECK (length(text_vi) BETWEEN 1 AND 8000),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (purpose, version)
);

-- Requests from people without an account (guests), verified by a code to the phone or e-mail they used.
ALTER TABLE privacy_requests ADD COLUMN contact text
  CHECK (contact IS NULL OR length(contact) BETWEEN 3 AND 254);
ALTER TABLE privacy_requests ADD CONSTRAINT privacy_requests_guest_contact
  CHECK (channel <> 'guest-form' OR contact IS NOT NULL);

-- One-time codes for the guest request form, through the learners module's code store.
ALTER TABLE learner_codes DROP CONSTRAINT learner_codes_purpose_check;
ALTER TABLE learner_codes ADD CONSTRAINT learner_codes_purpose_check
  CHECK (purpose IN ('sign-in', 'verify', 'privacy-request'));
