-- Budget of the plan (Phòng Kế hoạch – Tài chính): for each yearly instance and unit, estimate lines entered by
-- the unit, appraised by the finance office (approved amount, comment, who and when), and the amount spent
-- with the accounting document it rests on. Amounts are whole đồng.

CREATE TABLE plan_budget_lines (
  id text PRIMARY KEY,
  instance_id text NOT NULL REFERENCES plan_task_instances(id) ON DELETE CASCADE,
  unit_id text NOT NULL REFERENCES units(id),
  content text NOT NULL CHECK (length(content) BETWEEN 1 AND 500),
  -- 1.000.000.000.000 ₫ is far above any line of this programme: larger values are typing mistakes.
  amount bigint NOT NULL CHECK (amount BETWEEN 0 AND 1000000000000),
  source text NOT NULL CHECK (source IN ('ngan_sach_su_nghiep', 'xa_hoi_hoa', 'nguon_hop_phap_khac')),
  approved_amount bigint CHECK (approved_amount BETWEEN 0 AND 1000000000000),
  appraisal_comment text CHECK (length(appraisal_comment) <= 1000),
  appraised_by text,
  appraised_by_name text,
  appraised_at timestamptz,
  spent_amount bigint CHECK (spent_amount BETWEEN 0 AND 1000000000000),
  spent_document text CHECK (length(spent_document) <= 300),
  spent_by text,
  spent_by_name text,
  spent_at timestamptz,
  created_by text,
  created_by_name text,
  -- Optimistic concurrency: every write names the version it read; a stale one is refused.
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT plan_budget_lines_appraisal_shape CHECK (
    (approved_amount IS NULL) = (appraised_at IS NULL)
  ),
  CONSTRAINT plan_budget_lines_spending_shape CHECK (
    (spent_amount IS NULL) = (spent_at IS NULL) AND (spent_amount IS NULL OR spent_document IS NOT NULL)
  )
);
CREATE INDEX plan_budget_lines_instance_idx ON plan_budget_lines (instance_id, unit_id);
CREATE INDEX plan_budget_lines_unit_idx ON plan_budget_lines (unit_id);
