// The program plan as reference data: every row of Phụ lục I (2023–2025, 13 tasks) and Phụ lục II
// (2025–2030, 17 tasks) of the Department's plan (source: ke-hoach-hoc-tap-suot-doi-khanh-hoa-2023.txt).
//
// Transcription rules (plan.data.test.ts checks every field against the source text):
// - Texts are the source's own, typos included ("trong thư viện hoá", "đầy mạnh"); only whitespace is
//   normalised and words split across a page break are joined again.
// - Phụ lục II, II.2: the text export repeats "lịch)" after the page break ("… Du lịch)" then "lịch)");
//   that repeat is an export artefact and is dropped.
// - Phụ lục II, VII.2 and VII.3: the export wraps the coordinating cell in "<ul …>" markup; it is dropped.
// - Phụ lục I, III.2 has an empty time cell: kept as `unspecified` (see expandInstanceYears).
// - `codes` lists the cell's units that are seeded units; `groups` keeps group descriptions that are not
//   one unit ("Các phòng chuyên môn, đơn vị liên quan", the district culture offices/centres); `text` is
//   the raw cell.
import type { PlanPhase, PlanSection, PlanTime } from './plan.model.ts';
import { APPENDIX_I_TASKS } from './plan-appendix-1.data.ts';
import { APPENDIX_II_TASKS } from './plan-appendix-2.data.ts';

/** Seeded units the appendices name (codes from the units module's seed). */
export const PLAN_UNIT_CODES = ['phong-qlvhgd', 'thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'] as const;
export type PlanUnitCode = (typeof PLAN_UNIT_CODES)[number];

export interface PlanUnitsCell {
  codes: readonly PlanUnitCode[];
  groups: readonly string[];
  text: string;
}

export interface PlanTaskSource {
  /** Stable key: appendix, section, number (`PL1-III-2`). Seeds upsert on it. */
  sourceKey: string;
  phase: PlanPhase;
  section: PlanSection;
  sectionTitle: string;
  number: number;
  content: string;
  product: string;
  lead: PlanUnitsCell;
  coordinating: PlanUnitsCell;
  /** The raw "Thời gian thực hiện" cell ("2024- 2025", "Hàng năm", "" …). */
  timeText: string;
  time: PlanTime;
}

/** Both appendices in the source's order (one file each: plan-appendix-1.data.ts, plan-appendix-2.data.ts). */
export const PLAN_TASKS: readonly PlanTaskSource[] = [...APPENDIX_I_TASKS, ...APPENDIX_II_TASKS];
