-- Inactive accounts (issue 14): the notice sent to a person before their inactive account is erased. Erasure
-- waits until a notice sent after the account's last activity is at least the notice period old; signing in
-- again makes the notice void (the account's last activity is then later than the notice).
CREATE TABLE privacy_inactivity_notices (
  user_id text PRIMARY KEY,
  notified_at timestamptz NOT NULL,
  channel text NOT NULL,
  -- Set when the account was erased through the deletion path (the row then holds only the pseudonymous id).
  erased_at timestamptz
);
