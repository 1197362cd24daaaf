-- "Công dân học tập" criteria are edited per year on a form (issue 14): each year's scheme carries a version so a
-- stale form is refused (409). A year never saved reads as version 1 (the defaults); the first save stores 2.
ALTER TABLE citizen_schemes ADD COLUMN version integer NOT NULL DEFAULT 2 CHECK (version >= 2);
