-- Failed attempts no longer lock an account (issue 10, item 5): limits are per account and client address, and
-- per address; an account on its own is only slowed down. Addresses an account has signed in from are
-- remembered so that its owner is not slowed by someone else's failures, and a notice of failed attempts is
-- mailed at most once a day.
CREATE INDEX login_failures_email_ip_idx ON login_failures (email, ip, at);

CREATE TABLE login_known_ips (
  email text NOT NULL,
  ip text NOT NULL,
  last_success_at timestamptz NOT NULL,
  PRIMARY KEY (email, ip)
);
CREATE INDEX login_known_ips_last_idx ON login_known_ips (last_success_at);

CREATE TABLE login_failure_notices (
  email text PRIMARY KEY,
  sent_at timestamptz NOT NULL
);
