// Reference reporting periods from the plan (§II.1, §III.1, Phụ lục I/II mục VII): the yearly report, the sơ kết
// in 2025, the 5-year review in 2027 and the tổng kết in 2030. The Ministry's and province's forms and deadlines
// were not found (DOMAIN-FACTS: unverified): the deadlines below are editable defaults, 15 December of the year.
import type { AppDeps } from '../../app/deps.types.ts';
import type { PeriodInput } from './reports.repository.server.ts';
import { PLAN_SECTIONS } from './reports.vocab.ts';

const PROGRAMME = 'Chương trình học tập suốt đời trong thư viện, bảo tàng, trung tâm văn hóa';

export const SEED_PERIODS: readonly PeriodInput[] = [
  ...[2023, 2024, 2025, 2026].map((y) => ({
    code: `nam-${y}`,
    kind: 'annual' as const,
    titleVi: `Báo cáo năm ${y} — ${PROGRAMME}`,
    titleEn: `Annual report ${y}`,
    yearFrom: y,
    yearTo: y,
    deadline: `${y}-12-15`,
    sections: [...PLAN_SECTIONS],
  })),
  {
    code: 'so-ket-2025',
    kind: 'midterm',
    titleVi: `Sơ kết giai đoạn 2023 - 2025 — ${PROGRAMME}`,
    titleEn: 'Mid-term review 2023–2025',
    yearFrom: 2023,
    yearTo: 2025,
    deadline: '2025-12-15',
    sections: [...PLAN_SECTIONS],
  },
  {
    code: 'so-ket-5-nam-2027',
    kind: 'five_year',
    titleVi: `Sơ kết 05 năm 2023 - 2027 — ${PROGRAMME}`,
    titleEn: 'Five-year review 2023–2027',
    yearFrom: 2023,
    yearTo: 2027,
    deadline: '2027-12-15',
    sections: [...PLAN_SECTIONS],
  },
  {
    code: 'tong-ket-2030',
    kind: 'final',
    titleVi: `Tổng kết giai đoạn 2023 - 2030 — ${PROGRAMME}`,
    titleEn: 'Final review 2023–2030',
    yearFrom: 2023,
    yearTo: 2030,
    deadline: '2030-12-15',
    sections: [...PLAN_SECTIONS],
  },
];

export async function seedReportPeriods(deps: Pick<AppDeps, 'db' | 'repos'>): Promise<void> {
  for (const p of SEED_PERIODS) await deps.repos.reports.insertPeriod(deps.db, p);
}
