// Export of the staff article list (same filters as /admin/news): CSV (UTF-8 with BOM, CRLF, every cell
// quoted, formula-looking cells prefixed with an apostrophe) or XLSX (exceljs).
import ExcelJS from 'exceljs';
import type { Actor } from '../../lib/authz.ts';
import { type CsvValue, toCsv } from '../../lib/csv.ts';
import { formatDateTime, isoDateInVietnam } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.server.ts';
import type { StaffListQuery } from './news.schemas.server.ts';
import { listStaffArticles, type NewsDeps } from './news.usecases.server.ts';

type Cell = CsvValue;

const HEAD_KEYS = [
  'news.col.id',
  'news.field.title',
  'news.field.category',
  'news.field.tags',
  'news.field.unit',
  'news.field.status',
  'news.col.publishedAt',
  'news.field.events',
] as const;

export async function exportArticles(
  deps: NewsDeps,
  actor: Actor,
  q: StaffListQuery,
  format: 'csv' | 'xlsx',
) {
  const rows = await listStaffArticles(deps, actor, q);
  const cells: Cell[][] = [
    HEAD_KEYS.map((k) => t('vi', k)),
    ...rows.map((a) => [
      a.id,
      a.title,
      t('vi', `news.category.${a.category}`),
      a.tags.join('; '),
      a.unitName,
      t('vi', `news.status.${a.status}`),
      a.publishedAt ? formatDateTime(a.publishedAt) : '',
      a.eventIds.join('; '),
    ]),
  ];
  const fileName = `tin-bai-${isoDateInVietnam(deps.now())}.${format}`;
  if (format === 'csv')
    return {
      body: new TextEncoder().encode(toCsv(cells)),
      contentType: 'text/csv; charset=utf-8',
      fileName,
    };
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tin bài');
  for (const r of cells) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  const buffer = await wb.xlsx.writeBuffer();
  return {
    body: new Uint8Array(buffer as ArrayBuffer) as Uint8Array<ArrayBuffer>,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName,
  };
}
