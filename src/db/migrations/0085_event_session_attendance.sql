-- Issue 13 (speed of indicators): each session keeps the number of people checked in (Σ party_size of its
-- attendance rows), maintained by statement-level triggers on event_attendance, so the events module's
-- attendance indicator sums sessions instead of scanning every attendance row. Exact: party_size >= 1, so
-- attendance_people > 0 exactly when the session has attendance rows.
ALTER TABLE event_sessions ADD COLUMN attendance_people bigint NOT NULL DEFAULT 0;

UPDATE event_sessions s SET attendance_people = a.people
  FROM (SELECT session_id, sum(party_size) AS people FROM event_attendance GROUP BY session_id) a
 WHERE a.session_id = s.id;

CREATE FUNCTION event_attendance_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE event_sessions s SET attendance_people = s.attendance_people + d.people
    FROM (SELECT session_id, sum(party_size) AS people FROM new_rows GROUP BY session_id) d
   WHERE d.session_id = s.id;
  RETURN NULL;
END $$;

CREATE FUNCTION event_attendance_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE event_sessions s SET attendance_people = s.attendance_people - d.people
    FROM (SELECT session_id, sum(party_size) AS people FROM old_rows GROUP BY session_id) d
   WHERE d.session_id = s.id;
  RETURN NULL;
END $$;

CREATE FUNCTION event_attendance_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE event_sessions s SET attendance_people = s.attendance_people + d.people
    FROM (SELECT session_id, sum(people) AS people FROM (
            SELECT session_id, party_size AS people FROM new_rows
            UNION ALL SELECT session_id, -party_size FROM old_rows) x GROUP BY session_id) d
   WHERE d.session_id = s.id AND d.people <> 0;
  RETURN NULL;
END $$;

CREATE TRIGGER event_attendance_people_ins AFTER INSERT ON event_attendance
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION event_attendance_added();
CREATE TRIGGER event_attendance_people_del AFTER DELETE ON event_attendance
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION event_attendance_removed();
CREATE TRIGGER event_attendance_people_upd AFTER UPDATE ON event_attendance
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION event_attendance_changed();
