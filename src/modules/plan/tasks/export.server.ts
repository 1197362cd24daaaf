// Export of the filtered task list, one row per yearly instance: XLSX (exceljs) and CSV. The CSV is UTF-8
// with a BOM (so Excel opens Vietnamese correctly), CRLF line ends, every cell quoted, and cells that a
// spreadsheet would run as a formula (= + - @ tab CR) prefixed with an apostrophe.
import ExcelJS from 'exceljs';
import type { AppDeps } from '../../../app/deps.types.ts';
import type { Actor } from '../../../lib/authz.ts';
import { toCsv } from '../../../lib/csv.ts';
import { formatIsoDay, isoDateInVietnam } from '../../../lib/dates.ts';
import { type Locale, t } from '../../../lib/i18n.server.ts';
import type { PlanTaskQuery } from '../plan.schemas.server.ts';
import { listPlanTasks } from '../plan.usecases.server.ts';
import type { ExportRow } from '../work/work-queries.repository.server.ts';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

function table(rows: ExportRow[], locale: Locale): Array<Array<string | number | null>> {
  const head = [
    t(locale, 'plan.col.phase'),
    t(locale, 'plan.col.section'),
    t(locale, 'plan.col.number'),
    t(locale, 'plan.col.content'),
    t(locale, 'plan.col.product'),
    t(locale, 'plan.col.lead'),
    t(locale, 'plan.col.coordinating'),
    t(locale, 'plan.col.time'),
    t(locale, 'plan.col.year'),
    t(locale, 'plan.col.dueDate'),
    t(locale, 'plan.col.status'),
  ];
  return [
    head,
    ...rows.map((r) => [
      r.phase,
      r.section,
      r.number,
      r.content,
      r.product,
      r.leadUnits,
      r.coordinatingUnits,
      r.timeText,
      r.year,
      r.dueDate ? formatIsoDay(r.dueDate) : '',
      t(locale, `planwork.status.${r.status as 'not_started'}`),
    ]),
  ];
}

export async function exportPlanTasks(
  deps: Pick<AppDeps, 'db' | 'repos' | 'now'>,
  actor: Actor,
  filters: PlanTaskQuery,
  format: ExportFormat,
  locale: Locale,
): Promise<{ body: Uint8Array<ArrayBuffer>; contentType: string; fileName: string; rows: number }> {
  const tasks = await listPlanTasks(deps, actor, filters);
  const today = isoDateInVietnam(deps.now());
  const rows = await deps.repos.planWorkQueries.exportRows(
    deps.db,
    tasks.map((x) => x.id),
    { year: filters.year, status: filters.status, overdue: filters.overdue, today },
  );
  const cells = table(rows, locale);
  const fileName = `nhiem-vu-ke-hoach-${today}.${format}`;
  if (format === 'csv')
    return {
      body: new TextEncoder().encode(toCsv(cells)),
      contentType: 'text/csv; charset=utf-8',
      fileName,
      rows: rows.length,
    };
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Suốt Đời';
  const ws = wb.addWorksheet(t(locale, 'plan.tasks.title'));
  ws.addRows(cells);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const [i, width] of [12, 6, 6, 60, 30, 30, 30, 14, 8, 12, 16].entries())
    ws.getColumn(i + 1).width = width;
  const buffer = await wb.xlsx.writeBuffer();
  return {
    body: new Uint8Array(buffer as ArrayBuffer) as Uint8Array<ArrayBuffer>,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName,
    rows: rows.length,
  };
}
