-- A guest's own download of their data (issue 14): every try at a download link, for the rate limits — wrong or
-- expired links per client IP, downloads per request. Holds no contact; rows older than a day are pruned as new
-- ones arrive (privacy.guest-export.server.ts).
CREATE TABLE privacy_export_tries (
  at timestamptz NOT NULL,
  ip text,
  request_id text,
  ok boolean NOT NULL
);
CREATE INDEX privacy_export_tries_ip ON privacy_export_tries (ip, at) WHERE NOT ok;
CREATE INDEX privacy_export_tries_request ON privacy_export_tries (request_id, at) WHERE ok;
