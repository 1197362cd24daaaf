-- Commemorative days are read by every events month view and kept per process (plan module,
-- commemorative-days.server.ts); any write to them, by any process or by hand, tells every process to forget
-- its copy. Sent at commit, once per transaction (identical payloads are folded), never on rollback.
CREATE FUNCTION notify_commemorative_days_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('commemorative_days_changed', '*');
  RETURN NULL;
END
$$;

CREATE TRIGGER commemorative_days_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON commemorative_days
  FOR EACH STATEMENT EXECUTE FUNCTION notify_commemorative_days_change();
