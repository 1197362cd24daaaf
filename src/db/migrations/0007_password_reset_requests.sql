-- Requests for password-reset mail, counted to throttle them per address and per client IP (mail flooding).
CREATE TABLE password_reset_requests (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  email text NOT NULL,
  ip text
);
CREATE INDEX password_reset_requests_email_idx ON password_reset_requests (email, at);
CREATE INDEX password_reset_requests_ip_idx ON password_reset_requests (ip, at);
CREATE INDEX password_reset_requests_at_idx ON password_reset_requests (at);
