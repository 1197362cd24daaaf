// Demo mode only: a partner library abroad and a study visit with its outcomes, so the international
// cooperation register shows something on first start. Written through the use cases, as the demo officer.
import type { AppDeps } from '../../app/deps.types.ts';
import { yearInVietnam } from '../../lib/dates.ts';
import { demoActor } from '../plan/plan.demo-actor.server.ts';
import { createActivity, createPartner } from './cooperation.usecases.server.ts';

export async function seedDemoCooperation(deps: AppDeps): Promise<void> {
  try {
    const officer = await demoActor(deps, 'qlvhgd@demo.suotdoi.vn');
    const librarian = await demoActor(deps, 'thuvien.giamdoc@demo.suotdoi.vn');
    const office = (await deps.repos.units.byCode(deps.db, 'phong-qlvhgd'))?.id;
    if (!officer || !librarian || !office) return;
    const year = yearInVietnam(deps.now());
    const partner = await createPartner(deps, officer, {
      unitId: office,
      name: 'Thư viện Công cộng Busan (demo)',
      country: 'KR',
      website: null,
      note: 'Đối tác trao đổi kinh nghiệm thư viện số (dữ liệu demo).',
    });
    await createActivity(deps, officer, {
      unitId: office,
      kind: 'study_visit',
      title: 'Học tập kinh nghiệm mô hình thư viện học tập suốt đời (demo)',
      country: 'KR',
      startsOn: `${year}-05-12`,
      endsOn: `${year}-05-16`,
      partnerIds: [partner],
      staffUserIds: [librarian.userId],
      externalNames: [],
      outcomes: 'Đề xuất thí điểm góc học tập số tại Thư viện tỉnh (dữ liệu demo).',
      planInstanceIds: [],
    });
  } catch (e) {
    // Demo data is a convenience: a failure here must not stop the server from starting.
    deps.logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'demo cooperation not seeded');
  }
}
