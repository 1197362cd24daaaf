// Demo mode only: a few budget lines of last year, entered by the library and the museum, one appraised with
// its spending recorded by the finance office, so the budget pages show something on first start. Written
// through the same use cases as people, as the demo accounts. The current year is left empty for the
// browser journey (e2e/plan-budget.spec.ts).
import type { AppDeps } from '../../../app/deps.types.ts';
import { yearInVietnam } from '../../../lib/dates.ts';
import { demoActor } from '../plan.demo-actor.server.ts';
import { PROGRAM_YEARS } from '../plan.model.ts';
import { listPlanTasks } from '../plan.usecases.server.ts';
import { appraiseBudgetLine, createBudgetLine, recordBudgetSpending } from './budget.usecases.server.ts';

export async function seedDemoPlanBudget(deps: AppDeps): Promise<void> {
  try {
    await seedLines(deps);
  } catch (e) {
    // Demo data is a convenience: a failure here must not stop the server from starting.
    deps.logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'demo plan budget not seeded');
  }
}

async function seedLines(deps: AppDeps): Promise<void> {
  const librarian = await demoActor(deps, 'thuvien.nhanvien@demo.suotdoi.vn');
  const curator = await demoActor(deps, 'baotang.nhanvien@demo.suotdoi.vn');
  const finance = await demoActor(deps, 'khtc@demo.suotdoi.vn');
  if (!librarian || !curator || !finance) return;
  const year = Math.max(PROGRAM_YEARS.from, Math.min(PROGRAM_YEARS.to, yearInVietnam(deps.now()) - 1));
  const demo = ' (dữ liệu demo)';
  for (const [actor, code, items] of [
    [
      librarian,
      'thu-vien-tinh',
      [
        ['In tài liệu hướng dẫn khai thác thư viện số', 18_500_000, 'ngan_sach_su_nghiep'],
        ['Tặng sách cho điểm bưu điện – văn hóa xã', 42_000_000, 'xa_hoi_hoa'],
      ],
    ],
    [
      curator,
      'bao-tang-tinh',
      [['Xe đưa đón học sinh tham quan bảo tàng', 24_000_000, 'nguon_hop_phap_khac']],
    ],
  ] as const) {
    const unit = await deps.repos.units.byCode(deps.db, code);
    const task = (await listPlanTasks(deps, actor, { unit: code, year }))[0];
    const instanceId = task?.instances.find((i) => i.year === year)?.id;
    if (!unit || !instanceId) continue;
    for (const [content, amount, source] of items) {
      const line = await createBudgetLine(deps, actor, {
        instanceId,
        unitId: unit.id,
        content: `${content}${demo}`,
        amount,
        source,
      });
      if (source !== 'ngan_sach_su_nghiep') continue;
      const appraised = await appraiseBudgetLine(deps, finance, line.id, {
        version: line.version,
        approvedAmount: amount - 1_500_000,
        comment: `Giảm chi phí in theo định mức${demo}`,
      });
      await recordBudgetSpending(deps, finance, line.id, {
        version: appraised.version,
        spentAmount: amount - 2_000_000,
        document: `Giấy rút dự toán số 15/GRDT ngày 20/11/${year}${demo}`,
      });
    }
  }
}
