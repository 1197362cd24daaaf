-- Every editable entity carries an optimistic version (catalogue records, exhibitions, plan reports, budget
-- lines and harvest sources already do). A save names the version it was loaded with; the write happens only
-- while the stored version is still that one and then grows it by one, so a stale save is refused (409)
-- instead of silently overwriting the other editor's change. Hours and exceptions of a place bump the
-- place's version.
ALTER TABLE events ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0);
ALTER TABLE places ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0);
ALTER TABLE mobile_library_routes ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0);
ALTER TABLE units ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0);
ALTER TABLE plan_task_instances ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0);
