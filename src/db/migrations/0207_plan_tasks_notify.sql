-- Answers of GET /api/v1/plan/tasks are kept per process for at most API_CACHE_TTL_MS (plan module,
-- work/task-page-cache.server.ts, ADR 0013); any write to what such an answer is made of — the tasks, their
-- units and yearly instances, and the unit tree (names, codes, and the parents that decide a user's scope) —
-- tells every process to forget them. Sent at commit, once per transaction (identical payloads are folded),
-- never on rollback; by any writer: the app, background jobs, other instances, SQL typed by hand.
CREATE FUNCTION notify_plan_tasks_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('plan_tasks_changed', '*');
  RETURN NULL;
END
$$;

CREATE TRIGGER plan_tasks_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_tasks
  FOR EACH STATEMENT EXECUTE FUNCTION notify_plan_tasks_change();
CREATE TRIGGER plan_task_units_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_task_units
  FOR EACH STATEMENT EXECUTE FUNCTION notify_plan_tasks_change();
CREATE TRIGGER plan_task_instances_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_task_instances
  FOR EACH STATEMENT EXECUTE FUNCTION notify_plan_tasks_change();
CREATE TRIGGER units_plan_tasks_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON units
  FOR EACH STATEMENT EXECUTE FUNCTION notify_plan_tasks_change();
