-- Commendations (issue 16): supporting evidence of a nomination as uploaded files (PDF, DOCX, pictures),
-- checked by content by the files module and stored private; only staff who may read the nomination
-- download them. Links (evidence_urls) stay for evidence published elsewhere.

CREATE TABLE comm_evidence (
  id text PRIMARY KEY,
  nomination_id text NOT NULL REFERENCES comm_nominations(id) ON DELETE CASCADE,
  file_id text NOT NULL REFERENCES stored_files(id),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  caption text NOT NULL DEFAULT '' CHECK (length(caption) <= 300),
  added_by text,
  added_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX comm_evidence_nomination_idx ON comm_evidence (nomination_id, added_at);
