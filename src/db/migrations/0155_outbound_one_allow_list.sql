-- One outbound-fetch allow-list (ADR 0014, issue 11): the hosts the server may fetch from, one table with the
-- purpose each entry allows (OAI-PMH harvest sources, partner calendars), owned by the outbound module. The two
-- tables the features created (0013 calendars, 0014 harvest) are carried over row for row and dropped; each
-- purpose keeps the rules its table had (harvest: host-pattern syntax and a note of at most 300 characters;
-- calendars: a note always present, '' when none was given).
CREATE TABLE outbound_allowed_hosts (
  purpose text NOT NULL CHECK (purpose IN ('harvest', 'calendar')),
  pattern text NOT NULL CHECK (length(pattern) BETWEEN 1 AND 253),
  note text,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (purpose, pattern),
  CONSTRAINT outbound_allowed_hosts_harvest_pattern
    CHECK (purpose <> 'harvest' OR pattern ~ '^(\*\.)?[a-z0-9.:-]{1,253}$'),
  CONSTRAINT outbound_allowed_hosts_harvest_note
    CHECK (purpose <> 'harvest' OR note IS NULL OR length(note) <= 300),
  CONSTRAINT outbound_allowed_hosts_calendar_note CHECK (purpose <> 'calendar' OR note IS NOT NULL)
);

INSERT INTO outbound_allowed_hosts (purpose, pattern, note, created_by, created_at)
  SELECT 'harvest', pattern, note, created_by, created_at FROM catalogue_fetch_allowlist;
INSERT INTO outbound_allowed_hosts (purpose, pattern, note, created_by, created_at)
  SELECT 'calendar', pattern, note, added_by, created_at FROM calendar_allowed_hosts;

DROP TABLE catalogue_fetch_allowlist;
DROP TABLE calendar_allowed_hosts;
