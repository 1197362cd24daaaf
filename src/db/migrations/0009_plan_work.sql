-- The plan as live work: each lead or coordinating unit's report on a yearly instance (assignee, progress,
-- workflow state, optimistic version), its evidence, the instance's history timeline, and the history of
-- edits to tasks. Also the default due dates of instances.

-- A "report task" is one whose deliverable (sản phẩm) is exactly "Báo cáo": the five tasks of section VII
-- (annual report, sơ kết 2025, sơ kết 5 năm 2027, tổng kết 2030). Their instances are due on 15 December;
-- every other instance on 30 November of its year. The officer can change any due date afterwards.
CREATE FUNCTION plan_default_due_date(p_task_id text, p_year integer) RETURNS date
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN vn_fold(t.product) = 'bao cao' THEN make_date(p_year, 12, 15)
              ELSE make_date(p_year, 11, 30) END
  FROM plan_tasks t WHERE t.id = p_task_id
$$;

CREATE FUNCTION plan_instance_default_due() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.due_date IS NULL THEN
    NEW.due_date := plan_default_due_date(NEW.task_id, NEW.year);
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER plan_task_instances_default_due BEFORE INSERT ON plan_task_instances
  FOR EACH ROW EXECUTE FUNCTION plan_instance_default_due();

UPDATE plan_task_instances SET due_date = plan_default_due_date(task_id, year) WHERE due_date IS NULL;
CREATE INDEX plan_task_instances_due_idx ON plan_task_instances (due_date);

-- One unit's part of one yearly instance. Created when the officer assigns it or the unit first records
-- progress. `version` grows by one on every write: a save carrying an older version is refused (409).
-- Workflow: draft → ready (staff asks the unit manager to submit) → submitted (manager) → approved or
-- returned (focal point); a returned report is edited again like a draft, with the comment visible.
CREATE TABLE plan_unit_reports (
  id text PRIMARY KEY,
  instance_id text NOT NULL REFERENCES plan_task_instances(id) ON DELETE CASCADE,
  unit_id text NOT NULL REFERENCES units(id),
  assignee_id text REFERENCES users(id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'not_started'
    CHECK (status IN ('not_started', 'in_progress', 'done', 'not_done')),
  status_reason text,
  percent integer NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
  narrative text NOT NULL DEFAULT '',
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'ready', 'submitted', 'approved', 'returned')),
  return_comment text,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  submitted_at timestamptz,
  approved_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT plan_unit_reports_instance_unit UNIQUE (instance_id, unit_id),
  CONSTRAINT plan_unit_reports_not_done_reason CHECK (status <> 'not_done' OR status_reason IS NOT NULL)
);
CREATE INDEX plan_unit_reports_unit_idx ON plan_unit_reports (unit_id);
CREATE INDEX plan_unit_reports_assignee_idx ON plan_unit_reports (assignee_id);

-- Evidence of a report: an uploaded file (files module), a web link, or a link to another record of the
-- platform ({type, id}: an event, an exhibition, a training, a news article).
CREATE TABLE plan_evidence (
  id text PRIMARY KEY,
  report_id text NOT NULL REFERENCES plan_unit_reports(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('file', 'link', 'record')),
  title text NOT NULL,
  file_id text REFERENCES stored_files(id),
  url text,
  record_type text CHECK (record_type IN ('event', 'exhibition', 'training', 'news')),
  record_id text,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT plan_evidence_shape CHECK (
    (kind = 'file' AND file_id IS NOT NULL AND url IS NULL AND record_id IS NULL)
    OR (kind = 'link' AND url IS NOT NULL AND file_id IS NULL AND record_id IS NULL)
    OR (kind = 'record' AND record_type IS NOT NULL AND record_id IS NOT NULL AND file_id IS NULL AND url IS NULL)
  )
);
CREATE INDEX plan_evidence_report_idx ON plan_evidence (report_id);

-- The instance's timeline: assignments, due-date changes, progress saves, evidence, workflow transitions,
-- comments. Append-only, like the audit log, but readable by whoever may read the instance (per unit).
CREATE TABLE plan_instance_events (
  id text PRIMARY KEY,
  instance_id text NOT NULL REFERENCES plan_task_instances(id) ON DELETE CASCADE,
  report_id text REFERENCES plan_unit_reports(id) ON DELETE CASCADE,
  unit_id text REFERENCES units(id),
  kind text NOT NULL,
  from_state text,
  to_state text,
  comment text,
  actor_id text,
  actor_name text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_instance_events_instance_idx ON plan_instance_events (instance_id, at);

-- Edits of a task (units, dates, wording) with the reason given; tasks added in the app start here too.
CREATE TABLE plan_task_edits (
  id text PRIMARY KEY,
  task_id text NOT NULL REFERENCES plan_tasks(id) ON DELETE CASCADE,
  reason text NOT NULL CHECK (length(btrim(reason)) > 0),
  before jsonb,
  after jsonb NOT NULL,
  actor_id text,
  actor_name text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_task_edits_task_idx ON plan_task_edits (task_id, at);
