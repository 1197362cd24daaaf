// Test helpers for the units module: actors whose subtree test follows the real unit tree.
import type { Grant, Role } from '../../lib/authz.ts';
import { testActor } from '../../test/actors.ts';
import type { TestContext } from '../../test/harness.ts';

export async function unitIdOf(ctx: TestContext, code: string): Promise<string> {
  const unit = await ctx.deps.repos.units.byCode(ctx.deps.db, code);
  if (!unit) throw new Error(`no unit ${code}`);
  return unit.id;
}

/** An actor holding `role` on the unit with `code`; its subtree test reads the tree as it is now. */
export async function actorOn(ctx: TestContext, role: Role, ...codes: string[]) {
  const links = await ctx.deps.repos.units.parentLinks(ctx.deps.db);
  const parents = Object.fromEntries(links.map((l) => [l.id, l.parentId]));
  const grants: Grant[] = [];
  for (const code of codes) grants.push({ role, unitId: await unitIdOf(ctx, code) });
  return testActor(grants, parents);
}

export async function auditCount(ctx: TestContext, action: string, entityId: string): Promise<number> {
  const rows = await ctx.dbh.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND entity_id = $2',
    [action, entityId],
  );
  return rows[0]?.n ?? 0;
}
