-- Evidence files for the values a unit enters by hand in its report (issue 13): each a private stored file
-- (checked by content by the files module), attached to the unit's submission and one manual indicator, seen by
-- the unit and the focal point, and listed in the report's annex.
CREATE TABLE report_evidence_files (
  id text PRIMARY KEY,
  submission_id text NOT NULL REFERENCES report_submissions(id) ON DELETE CASCADE,
  indicator_code text NOT NULL CHECK (length(indicator_code) BETWEEN 1 AND 64),
  file_id text NOT NULL,
  -- SHA-256 of the file: the same file attached twice to the same value (a second press) is kept once.
  file_sha256 text NOT NULL,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  uploaded_by text,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT report_evidence_files_once UNIQUE (submission_id, indicator_code, file_sha256)
);
CREATE INDEX report_evidence_files_submission_idx ON report_evidence_files (submission_id, indicator_code);
