// Demo mode only: an inspection of the provincial library with a visit and two follow-up actions for the
// library's staff member — one closed, one overdue (it shows in that person's "My work" and dashboard).
import type { AppDeps } from '../../app/deps.types.ts';
import { yearInVietnam } from '../../lib/dates.ts';
import { demoActor } from '../plan/plan.demo-actor.server.ts';
import { addFollowUp, addVisit, closeFollowUp, createInspectionPlan } from './inspections.usecases.server.ts';

export async function seedDemoInspections(deps: AppDeps): Promise<void> {
  try {
    const officer = await demoActor(deps, 'qlvhgd@demo.suotdoi.vn');
    const staff = await demoActor(deps, 'thuvien.nhanvien@demo.suotdoi.vn');
    const office = (await deps.repos.units.byCode(deps.db, 'phong-qlvhgd'))?.id;
    const library = (await deps.repos.units.byCode(deps.db, 'thu-vien-tinh'))?.id;
    if (!officer || !staff || !office || !library) return;
    const year = yearInVietnam(deps.now());
    const planId = await createInspectionPlan(deps, officer, {
      unitId: office,
      title: 'Kiểm tra triển khai Chương trình học tập suốt đời tại Thư viện tỉnh (demo)',
      subject: 'Câu lạc bộ đọc sách, thư viện số, báo cáo định kỳ',
      targetUnitIds: [library],
      plannedFrom: `${year}-01-10`,
      plannedTo: `${year}-12-15`,
      planInstanceIds: [],
    });
    const visitId = await addVisit(deps, officer, planId, {
      unitId: library,
      visitedOn: `${year}-01-20`,
      findings: 'Câu lạc bộ đọc sách hoạt động đều; chưa có sổ theo dõi bạn đọc tham gia (dữ liệu demo).',
    });
    const done = await addFollowUp(deps, officer, planId, {
      visitId,
      action: 'Cập nhật danh sách thành viên câu lạc bộ đọc sách',
      ownerId: staff.userId,
      dueOn: `${year}-02-28`,
    });
    await closeFollowUp(deps, staff, done, { note: 'Đã cập nhật danh sách (demo).', version: 1 });
    await addFollowUp(deps, officer, planId, {
      visitId,
      action: 'Lập sổ theo dõi bạn đọc tham gia câu lạc bộ',
      ownerId: staff.userId,
      dueOn: `${year - 1}-12-31`,
    });
  } catch (e) {
    // Demo data is a convenience: a failure here must not stop the server from starting.
    deps.logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'demo inspections not seeded');
  }
}
