// Demo mode only: a few assignments and unit reports so "My work", the task pages and the timeline show
// something on first start. Written through the same use cases people use, as the demo accounts.
import type { AppDeps } from '../../../app/deps.types.ts';
import { yearInVietnam } from '../../../lib/dates.ts';
import { demoActor } from '../plan.demo-actor.server.ts';
import { listPlanTasks } from '../plan.usecases.server.ts';
import { saveProgress, transitionReport } from './progress.usecases.server.ts';
import { assignUnitPart } from './work.usecases.server.ts';

export async function seedDemoPlanWork(deps: AppDeps): Promise<void> {
  try {
    await seedDemoReports(deps);
  } catch (e) {
    // Demo data is a convenience: a failure here must not stop the server from starting.
    deps.logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'demo plan work not seeded');
  }
}

async function seedDemoReports(deps: AppDeps): Promise<void> {
  const officer = await demoActor(deps, 'qlvhgd@demo.suotdoi.vn');
  const librarian = await demoActor(deps, 'thuvien.nhanvien@demo.suotdoi.vn');
  const manager = await demoActor(deps, 'thuvien.giamdoc@demo.suotdoi.vn');
  const curator = await demoActor(deps, 'baotang.nhanvien@demo.suotdoi.vn');
  if (!officer || !librarian || !manager || !curator) return;
  const library = (await deps.repos.units.byCode(deps.db, 'thu-vien-tinh'))?.id;
  const museum = (await deps.repos.units.byCode(deps.db, 'bao-tang-tinh'))?.id;
  if (!library || !museum) return;
  const year = yearInVietnam(deps.now());
  // PL2-III-1 is left untouched for the browser journey (e2e/plan-workflow.spec.ts).
  const tasks = (await listPlanTasks(deps, officer, { unit: 'thu-vien-tinh', year })).filter(
    (t) => t.sourceKey !== 'PL2-III-1',
  );
  const instanceOf = (i: number) => tasks[i]?.instances.find((x) => x.year === year)?.id;

  // 1. The library's part of the first task: done, submitted and approved.
  const first = instanceOf(0);
  if (first) {
    const r = await assignUnitPart(deps, officer, {
      instanceId: first,
      unitId: library,
      assigneeId: librarian.userId,
    });
    const saved = await saveProgress(deps, librarian, {
      instanceId: first,
      unitId: library,
      version: r.version,
      status: 'done',
      percent: 100,
      narrative:
        'Đã tổ chức 12 buổi sinh hoạt câu lạc bộ đọc sách, 1.480 lượt bạn đọc tham gia (dữ liệu demo).',
    });
    const part = { instanceId: first, unitId: library };
    await transitionReport(deps, manager, { ...part, version: saved.version, transition: 'submit' });
    await transitionReport(deps, officer, { ...part, version: saved.version + 1, transition: 'approve' });
  }
  // 2. The second task: in progress, assigned to the librarian.
  const second = instanceOf(1);
  if (second) {
    const r = await assignUnitPart(deps, officer, {
      instanceId: second,
      unitId: library,
      assigneeId: librarian.userId,
    });
    await saveProgress(deps, librarian, {
      instanceId: second,
      unitId: library,
      version: r.version,
      status: 'in_progress',
      percent: 40,
      narrative: 'Đang khảo sát nhu cầu tại 8 xã, phường (dữ liệu demo).',
    });
  }
  // 3. The third task: assigned, not started (a reminder will come 14 and 3 days before its due date).
  const third = instanceOf(2);
  if (third)
    await assignUnitPart(deps, officer, { instanceId: third, unitId: library, assigneeId: librarian.userId });
}
