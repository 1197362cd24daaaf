// Fixtures for the plan's work tests: staff of the provincial museum with accounts, and its 2025 report on task
// III.1 (PL1-III-1) taken through ready → submit → approve with nobody carrying the unit's part.
import { signUpAndSignIn } from '../../../test/auth-helpers.ts';
import type { TestContext } from '../../../test/harness.ts';
import { grantRoleAsSystem } from '../../access/access.grants.server.ts';
import { actorOn, unitIdOf } from '../../units/units.test-helpers.ts';
import { saveProgress, transitionReport } from './progress.usecases.server.ts';

type SignedIn = Awaited<ReturnType<typeof signUpAndSignIn>>;

/** The unit the approval tests report for. */
export const MUSEUM = 'bao-tang-tinh';

/** Signs up one person per entry and grants them `role` on the museum. */
export async function museumPeople(
  ctx: TestContext,
  people: ReadonlyArray<readonly [name: string, role: 'unit_staff' | 'unit_manager']>,
): Promise<SignedIn[]> {
  const unitId = await unitIdOf(ctx, MUSEUM);
  const out: SignedIn[] = [];
  for (const [name, role] of people) {
    const u = await signUpAndSignIn(ctx, { name });
    await grantRoleAsSystem(ctx.deps, { userId: u.userId, role, unitId });
    out.push(u);
  }
  return out;
}

/**
 * The museum's 2025 report on PL1-III-1, saved done at 100% by its staff (no assignee), made ready, submitted by
 * its manager and approved by the Department's officer. Returns the report's place and the first save.
 */
export async function approveMuseumReport(ctx: TestContext) {
  const unitId = await unitIdOf(ctx, MUSEUM);
  const task = await ctx.deps.repos.plan.getBySourceKey(ctx.deps.db, 'PL1-III-1');
  const instanceId = task?.instances.find((i) => i.year === 2025)?.id ?? '';
  const staff = await actorOn(ctx, 'unit_staff', MUSEUM);
  const saved = await saveProgress(ctx.deps, staff, {
    instanceId,
    unitId,
    version: 0,
    status: 'done',
    percent: 100,
    narrative: 'Đã tổ chức 3 buổi nói chuyện chuyên đề',
  });
  const step = (actor: typeof staff, version: number, transition: 'ready' | 'submit' | 'approve') =>
    transitionReport(ctx.deps, actor, { instanceId, unitId, version, transition });
  await step(staff, saved.version, 'ready');
  await step(await actorOn(ctx, 'unit_manager', MUSEUM), saved.version + 1, 'submit');
  await step(await actorOn(ctx, 'department_officer', 'phong-qlvhgd'), saved.version + 2, 'approve');
  return { unitId, instanceId, saved };
}
