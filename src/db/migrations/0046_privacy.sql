-- Personal data (issue 14, Law 91/2025/QH15, Decree 356/2025/NĐ-CP): public holidays as data for legal
-- deadlines in working days, and the data-subject requests staff answer against those deadlines.

CREATE TABLE public_holidays (
  day date PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- Seeded days are proposals until an administrator confirms the year's announcement (Tết, bridge days).
  confirmed boolean NOT NULL DEFAULT false
);

CREATE TABLE privacy_requests (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('access', 'correction', 'deletion', 'restriction', 'objection')),
  -- The account the request is about (account-page requests); no cross-module key.
  user_id text,
  channel text NOT NULL CHECK (channel IN ('account', 'guest-form')),
  details text NOT NULL DEFAULT '' CHECK (length(details) <= 4000),
  status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'done', 'rejected')),
  received_at timestamptz NOT NULL,
  -- Acknowledge/answer within 2 working days; complete within 15 (one extension of at most 15).
  reply_due date NOT NULL,
  complete_due date NOT NULL,
  extended boolean NOT NULL DEFAULT false,
  completed_at timestamptz,
  completed_by text,
  outcome text CHECK (outcome IS NULL OR length(outcome) <= 4000)
);
CREATE INDEX privacy_requests_open_idx ON privacy_requests (complete_due) WHERE status = 'received';
CREATE INDEX privacy_requests_user_idx ON privacy_requests (user_id);
