// Demo mode only: a company that agreed to public thanks and a private person who did not, with gifts of
// money, equipment and books (not yet catalogued, so the one-step cataloguing can be tried), so the register,
// the totals in the budget view and the public thank-you page (naming only the company) show something.
import type { AppDeps } from '../../app/deps.types.ts';
import { yearInVietnam } from '../../lib/dates.ts';
import { demoActor } from '../plan/plan.demo-actor.server.ts';
import { createSponsor, recordDonation } from './sponsorship.usecases.server.ts';

export async function seedDemoSponsorship(deps: AppDeps): Promise<void> {
  try {
    const staff = await demoActor(deps, 'thuvien.nhanvien@demo.suotdoi.vn');
    const library = (await deps.repos.units.byCode(deps.db, 'thu-vien-tinh'))?.id;
    if (!staff || !library) return;
    const year = yearInVietnam(deps.now());
    const none = { email: null, phone: null, address: '' };
    const company = await createSponsor(deps, staff, {
      ...none,
      unitId: library,
      kind: 'organisation',
      name: 'Công ty Cổ phần Sách Biển Xanh (demo)',
      address: 'Nha Trang, Khánh Hòa',
      publicConsent: true,
      consentOn: `${year}-02-20`,
    });
    const person = await createSponsor(deps, staff, {
      ...none,
      unitId: library,
      kind: 'person',
      name: 'Bạn đọc giấu tên (demo)',
      publicConsent: false,
      consentOn: null,
    });
    const base = {
      agreementId: null,
      unitId: library,
      purpose: 'Ngày Sách và Văn hóa đọc Việt Nam',
      planInstanceIds: [],
      eventId: null,
      books: [],
    };
    await recordDonation(deps, staff, {
      ...base,
      sponsorId: company,
      kind: 'money',
      description: 'Kinh phí tổ chức Ngày hội đọc sách (demo)',
      valueVnd: 20_000_000,
      receivedOn: `${year}-04-05`,
    });
    await recordDonation(deps, staff, {
      ...base,
      sponsorId: company,
      kind: 'equipment',
      description: 'Hai máy tính bảng cho góc đọc thiếu nhi (demo)',
      valueVnd: 9_600_000,
      receivedOn: `${year - 1}-10-12`,
      purpose: 'Góc đọc thiếu nhi',
    });
    await recordDonation(deps, staff, {
      ...base,
      sponsorId: person,
      kind: 'books',
      description: 'Tủ sách thiếu nhi tặng thư viện (demo)',
      valueVnd: 1_350_000,
      receivedOn: `${year}-06-01`,
      purpose: 'Tủ sách thiếu nhi',
      books: [
        { title: 'Dế Mèn phiêu lưu ký', creators: ['Tô Hoài'], isbn: null, year: 2020, copies: 3 },
        { title: 'Đất rừng phương Nam', creators: ['Đoàn Giỏi'], isbn: null, year: 2019, copies: 2 },
      ],
    });
  } catch (e) {
    // Demo data is a convenience: a failure here must not stop the server from starting.
    deps.logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'demo sponsorship not seeded');
  }
}
