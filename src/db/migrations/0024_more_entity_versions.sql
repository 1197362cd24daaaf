-- The rest of the editable entities carry an optimistic version (0023 did events, places, routes, units and
-- plan task instances): a save names the version it was loaded with, the write happens only while the stored
-- version is still that one and then grows it by one; a stale save is refused (409).
ALTER TABLE plan_tasks ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0);
ALTER TABLE exhibition_sections ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0);
ALTER TABLE catalogue_record_images ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0);
-- Site settings: a settings page saves its keys together; the first key's version stands for the page
-- (a missing row counts as version 1).
ALTER TABLE settings ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0);
