-- Signed-in pages kept per process (ADR 0013, "Signed-in page cache"): a page declares the tables its loaders
-- read (route `handle.pageCache.tables`), and every process forgets the pages that read a table as soon as
-- this channel names it. One notification per statement (not per row), sent at commit, never on rollback;
-- identical payloads in one transaction are sent once. Triggers, not calls in the use cases, so every writer is
-- covered: pages, the API, imports, background jobs, other instances and SQL run by hand.
CREATE FUNCTION notify_page_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('page_data_changed', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

-- The plan task list (/admin/plan/tasks): tasks, their units and yearly instances, and the unit directory
-- (names, codes, the tree that scopes what a user may read).
CREATE TRIGGER plan_tasks_page_data AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_tasks
  FOR EACH STATEMENT EXECUTE FUNCTION notify_page_data_change();
CREATE TRIGGER plan_task_units_page_data AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_task_units
  FOR EACH STATEMENT EXECUTE FUNCTION notify_page_data_change();
CREATE TRIGGER plan_task_instances_page_data AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_task_instances
  FOR EACH STATEMENT EXECUTE FUNCTION notify_page_data_change();
CREATE TRIGGER units_page_data AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON units
  FOR EACH STATEMENT EXECUTE FUNCTION notify_page_data_change();
