-- Access: who holds which role in which unit subtree, plus the invitation and disabling marks on users.
-- A grant always names a unit: a role without a unit grants nothing. Revoked grants are kept for history;
-- at most one grant per (user, role, unit) is active at a time.

ALTER TABLE users
  ADD COLUMN invited_at timestamptz,
  ADD COLUMN invited_by text,
  ADD COLUMN disabled_at timestamptz,
  ADD COLUMN disabled_by text;

CREATE TABLE role_grants (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN (
    'citizen', 'unit_staff', 'unit_manager', 'department_officer', 'finance_officer', 'leader', 'administrator'
  )),
  unit_id text NOT NULL REFERENCES units(id),
  granted_by text,
  granted_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  revoked_by text,
  CONSTRAINT role_grants_revoked_after_granted CHECK (revoked_at IS NULL OR revoked_at >= granted_at)
);
CREATE UNIQUE INDEX role_grants_active_uniq ON role_grants (user_id, role, unit_id) WHERE revoked_at IS NULL;
CREATE INDEX role_grants_unit_idx ON role_grants (unit_id) WHERE revoked_at IS NULL;
CREATE INDEX role_grants_user_idx ON role_grants (user_id, granted_at DESC);
