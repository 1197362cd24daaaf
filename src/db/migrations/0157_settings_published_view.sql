-- The settings module publishes (ADR 0014) the few settings other modules read inside their own statements:
-- today the staff two-step rule, which the session lookup reads in the same statement (issue 17). A plain
-- projection with a key filter, so the planner folds it into the query that names it. Everything else in
-- `settings` stays private to the module (its port reads and writes it).
CREATE VIEW setting_directory AS
  SELECT key, value, updated_at
  FROM settings
  WHERE key IN ('auth.require_mfa_for_staff');
