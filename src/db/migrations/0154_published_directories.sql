-- Published read contracts (ADR 0014): views that a module owns and publishes so other modules can join its
-- reference data for names and scope without naming its tables. Plain projections (no aggregate, no DISTINCT,
-- no function over the key), so the planner merges each view into the query that names it: a join on a view
-- is the join on the table, with the same indexes. A column change of the table recreates its view in the
-- same migration; dropping a published column is a breaking change of the contract.

-- units: the unit tree (names, codes, kind, parent and validity), for scope subtrees and unit names.
CREATE VIEW unit_directory AS
  SELECT id, code, name, short_name, kind, parent_id, valid_from, valid_to, merged_into_id
  FROM units;

-- auth (+ the access module's disabling mark): who a user id is, for names and assignee lists. Nothing about
-- sign-in (sessions, accounts, two-factor) is published.
CREATE VIEW user_directory AS
  SELECT id, name, email, disabled_at
  FROM users;

-- access: role grants, revoked ones included (callers say `revoked_at IS NULL` for the active ones).
CREATE VIEW role_grant_directory AS
  SELECT id, user_id, role, unit_id, granted_at, revoked_at
  FROM role_grants;

-- files: what a stored file is (type, size, image dimensions and derivatives), not where or how it is stored.
CREATE VIEW stored_file_directory AS
  SELECT id, kind, visibility, mime, size, original_name, width, height, variants, unit_id, created_at
  FROM stored_files;
