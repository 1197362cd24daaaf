// Demo mode only: two nominations of the library — a model decided by the Department (on the public honour
// roll) and a creative practice still waiting for review (in the deciding administrator's "My work").
import type { AppDeps } from '../../app/deps.types.ts';
import { yearInVietnam } from '../../lib/dates.ts';
import { demoActor } from '../plan/plan.demo-actor.server.ts';
import { createNomination, decideNomination } from './commendations.usecases.server.ts';

export async function seedDemoCommendations(deps: AppDeps): Promise<void> {
  try {
    // The Department's decisions are taken by the demo administrator (the Sở, whole tree).
    const officer = await demoActor(deps, 'admin@demo.suotdoi.vn');
    const staff = await demoActor(deps, 'thuvien.nhanvien@demo.suotdoi.vn');
    const library = (await deps.repos.units.byCode(deps.db, 'thu-vien-tinh'))?.id;
    if (!officer || !staff || !library) return;
    const year = yearInVietnam(deps.now());
    const base = { unitId: library, evidenceUrls: [], planInstanceIds: [] };
    const model = await createNomination(deps, staff, {
      ...base,
      nomineeKind: 'collective',
      nomineeName: 'Phòng Phục vụ bạn đọc, Thư viện tỉnh (demo)',
      nomineeUnitId: library,
      category: 'model',
      title: 'Mô hình "Tủ sách di động đến với làng chài"',
      achievements: 'Đưa 12.000 lượt sách đến 30 thôn ven biển; 4.500 bạn đọc mới (dữ liệu demo).',
    });
    await decideNomination(deps, officer, model, { step: 'review', version: 1, note: '' });
    await decideNomination(deps, officer, model, {
      step: 'decide',
      version: 2,
      note: '',
      decisionNumber: `45/QĐ-SVHTTDL`,
      decisionDate: `${year}-01-15`,
      level: 'department',
    });
    await createNomination(deps, staff, {
      ...base,
      nomineeKind: 'individual',
      nomineeName: 'Nguyễn Thị Thu (demo)',
      nomineeUnitId: null,
      category: 'practice',
      title: 'Cách làm "Đọc sách cùng con mỗi tối thứ Bảy"',
      achievements: 'Tổ chức 24 buổi đọc sách cùng cha mẹ, 600 lượt gia đình tham gia (dữ liệu demo).',
    });
  } catch (e) {
    // Demo data is a convenience: a failure here must not stop the server from starting.
    deps.logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'demo commendations not seeded');
  }
}
