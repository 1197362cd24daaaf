// Export of the course list (same filters as /admin/training): CSV (src/lib/csv.ts) or XLSX (exceljs).
import ExcelJS from 'exceljs';
import type { Actor } from '../../lib/authz.ts';
import { toCsv } from '../../lib/csv.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.server.ts';
import { type ListQuery, listCourses, type TrainingDeps } from './training.usecases.server.ts';

const HEAD_KEYS = [
  'training.col.id',
  'training.field.title',
  'training.field.level',
  'training.field.organiser',
  'training.field.unit',
  'training.field.startsOn',
  'training.field.endsOn',
  'training.col.participants',
  'training.col.hours',
] as const;

export async function exportCourses(deps: TrainingDeps, actor: Actor, q: ListQuery, format: 'csv' | 'xlsx') {
  const rows = await listCourses(deps, actor, q);
  const cells = [
    HEAD_KEYS.map((k) => t('vi', k)),
    ...rows.map((c) => [
      c.id,
      c.title,
      t('vi', `training.level.${c.organiserLevel}`),
      c.organiser,
      c.unitName,
      c.startsOn,
      c.endsOn,
      c.participants,
      c.hours,
    ]),
  ];
  const fileName = `tap-huan-${isoDateInVietnam(deps.now())}.${format}`;
  if (format === 'csv')
    return { body: new TextEncoder().encode(toCsv(cells)), contentType: 'text/csv; charset=utf-8', fileName };
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tập huấn');
  for (const r of cells) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  const buffer = await wb.xlsx.writeBuffer();
  return {
    body: new Uint8Array(buffer as ArrayBuffer) as Uint8Array<ArrayBuffer>,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName,
  };
}
