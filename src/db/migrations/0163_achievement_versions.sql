-- Achievements become editable in the back office (their automatic award rule, issue 14): every edit form
-- carries the version it was loaded with, and a save based on an older version is refused.
ALTER TABLE achievements ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
