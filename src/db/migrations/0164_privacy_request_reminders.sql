-- Reminders to the staff who answer data-subject requests (issue 14): one row per request, stage and deadline
-- reminded of, claimed before anything is sent, so a re-run of the daily job (or two runners at once) never
-- reminds twice. An extension moves the completion deadline, which is a new deadline to be reminded of.
CREATE TABLE privacy_request_reminders (
  request_id text NOT NULL REFERENCES privacy_requests(id),
  stage text NOT NULL CHECK (stage IN ('reply-soon', 'complete-soon', 'complete-overdue')),
  due_day date NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (request_id, stage, due_day)
);
