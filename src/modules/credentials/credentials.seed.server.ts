// Demo credentials (demo mode only, first start): a badge of the provincial library awarded automatically to
// whoever completes the demo path "Làm quen với thư viện" (rule `path_completed`), so the demo shows a badge
// earned from learning, its verification page and its certificate. Marked as demo in its criteria.
import type { AppDeps } from '../../app/deps.types.ts';
import { DEMO_PATH_ID } from '../learning/index.server.ts';

export async function seedDemoCredentials(deps: AppDeps): Promise<void> {
  const library = await deps.repos.units.byCode(deps.db, 'thu-vien-tinh');
  if (!library) return;
  await deps.repos.credentials.insertAchievement(deps.db, {
    unitId: library.id,
    nameVi: 'Bạn của thư viện',
    nameEn: 'Friend of the library',
    criteriaVi:
      'Hoàn thành lộ trình học “Làm quen với thư viện” của thư viện tỉnh. (Dữ liệu minh họa — demo.)',
    criteriaEn:
      'Completed the provincial library’s learning path “Getting to know the library”. (Demo data.)',
    imageAlt: 'Huy hiệu tròn màu xanh lá có hình cuốn sách mở',
    imageColor: '#1e6b3a',
    awardRule: { kind: 'path_completed', ref: DEMO_PATH_ID },
    validityMonths: null,
    createdBy: null,
  });
}
