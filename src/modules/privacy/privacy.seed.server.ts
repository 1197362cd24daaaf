// Reference data: public holidays (Bộ luật Lao động 2019, Điều 112) for the years around now, as proposals.
// Fixed-date holidays are marked confirmed; Tết (5 days), Giỗ Tổ Hùng Vương and the Quốc khánh extra day move
// with the lunar calendar or the Prime Minister's announcement, so they are seeded unconfirmed for an
// administrator to check. Existing rows are never overwritten.
import type { AppDeps } from '../../app/deps.types.ts';

const FIXED = [
  ['01-01', 'Tết Dương lịch'],
  ['04-30', 'Ngày Chiến thắng'],
  ['05-01', 'Ngày Quốc tế Lao động'],
  ['09-02', 'Quốc khánh'],
] as const;

/** Days announced or computed from the lunar calendar (mùng 1 Tết: 17/02/2026, 06/02/2027). To confirm. */
const MOVABLE: Record<number, Array<[string, string]>> = {
  2026: [
    ['2026-02-16', 'Tết Nguyên đán'],
    ['2026-02-17', 'Tết Nguyên đán'],
    ['2026-02-18', 'Tết Nguyên đán'],
    ['2026-02-19', 'Tết Nguyên đán'],
    ['2026-02-20', 'Tết Nguyên đán'],
    ['2026-04-27', 'Giỗ Tổ Hùng Vương (nghỉ bù)'],
    ['2026-09-01', 'Quốc khánh (ngày liền kề)'],
  ],
  2027: [
    ['2027-02-05', 'Tết Nguyên đán'],
    ['2027-02-08', 'Tết Nguyên đán'],
    ['2027-02-09', 'Tết Nguyên đán'],
    ['2027-02-10', 'Tết Nguyên đán'],
    ['2027-02-11', 'Tết Nguyên đán'],
    ['2027-04-16', 'Giỗ Tổ Hùng Vương'],
    ['2027-09-03', 'Quốc khánh (ngày liền kề)'],
  ],
};

export async function seedHolidays(deps: Pick<AppDeps, 'db' | 'repos'>): Promise<void> {
  for (const year of [2026, 2027]) {
    for (const [md, name] of FIXED)
      await deps.repos.privacy.upsertHoliday(deps.db, `${year}-${md}`, name, true);
    for (const [day, name] of MOVABLE[year] ?? [])
      await deps.repos.privacy.upsertHoliday(deps.db, day, name, false);
  }
}
