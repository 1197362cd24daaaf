-- Restriction and objection (Law 91/2025/QH15, issue 14): once staff accept a data subject's restriction or
-- objection request, non-essential processing of that person stops (reminders, marketing notifications,
-- feedback invitations) until an administrator lifts it. The person is identified by their account id and/or
-- an HMAC of their contact (never the contact in clear), as in the consent ledger.
CREATE TABLE privacy_restrictions (
  id text PRIMARY KEY,
  request_id text NOT NULL UNIQUE REFERENCES privacy_requests(id),
  kind text NOT NULL CHECK (kind IN ('restriction', 'objection')),
  user_id text,
  contact_hashes text[] NOT NULL DEFAULT '{}',
  started_at timestamptz NOT NULL,
  lifted_at timestamptz,
  lifted_by text,
  CHECK (user_id IS NOT NULL OR cardinality(contact_hashes) > 0)
);
CREATE INDEX privacy_restrictions_user_idx ON privacy_restrictions (user_id) WHERE lifted_at IS NULL;
CREATE INDEX privacy_restrictions_contact_idx ON privacy_restrictions USING gin (contact_hashes)
  WHERE lifted_at IS NULL;
