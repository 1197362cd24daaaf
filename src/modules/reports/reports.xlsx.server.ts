// XLSX annexes of a report: one sheet per table, formatted; totals are formulas (SUM for additive indicators,
// AVERAGE for the others), with the computed result cached so viewers show it without recalculating.
import ExcelJS from 'exceljs';
import { formatDate } from '../../lib/dates.ts';
import type { Period } from './reports.repository.server.ts';
import type { Consolidated } from './reports.values.server.ts';

const FONT = { name: 'Times New Roman', size: 12 };

function colName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** One evidence file of a unit's manual value, listed in the annex (the file itself stays private). */
export interface AnnexEvidence {
  unitName: string;
  indicatorCode: string;
  fileName: string;
  uploadedAt: Date;
}

export async function buildReportXlsx(
  period: Period,
  data: Consolidated,
  evidence: readonly AnnexEvidence[] = [],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Suốt Đời';
  wb.created = new Date(data.takenAt);

  const ws = wb.addWorksheet('Chi tieu', { pageSetup: { paperSize: 9, orientation: 'landscape' } });
  ws.addRow([`Kết quả các chỉ tiêu — ${period.titleVi}`]).font = { ...FONT, bold: true, size: 14 };
  const header = ws.addRow([
    'STT',
    'Mã',
    'Chỉ tiêu',
    ...data.units.map((u) => u.name),
    'Tổng cộng',
    'Chênh lệch so với khi duyệt',
  ]);
  header.font = { ...FONT, bold: true };
  header.eachCell((c) => {
    c.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    c.border = {
      top: { style: 'thin' },
      bottom: { style: 'thin' },
      left: { style: 'thin' },
      right: { style: 'thin' },
    };
  });
  const firstUnitCol = 4;
  const lastUnitCol = firstUnitCol + data.units.length - 1;
  const totalCol = colName(lastUnitCol + 1);
  const rowOf = new Map(data.rows.map((r, i) => [r.code, header.number + 1 + i]));
  data.rows.forEach((r, i) => {
    const row = ws.addRow([i + 1, r.code, r.nameVi, ...r.cells.map((c) => c ?? null)]);
    const range = `${colName(firstUnitCol)}${row.number}:${colName(lastUnitCol)}${row.number}`;
    const totalCell = row.getCell(lastUnitCol + 1);
    const num = r.ratioOf ? rowOf.get(r.ratioOf[0]) : undefined;
    const den = r.ratioOf ? rowOf.get(r.ratioOf[1]) : undefined;
    const formula =
      num && den
        ? `IF(N(${totalCol}${den})=0,"",ROUND(${totalCol}${num}/${totalCol}${den}*100,2))`
        : `IF(COUNT(${range})=0,"",${r.additive ? 'SUM' : 'AVERAGE'}(${range}))`;
    totalCell.value = data.units.length === 0 ? null : { formula, result: r.total ?? '' };
    totalCell.font = { ...FONT, bold: true };
    row.getCell(lastUnitCol + 2).value = r.changedSince;
    row.font = FONT;
    row.eachCell((c, col) => {
      if (col >= firstUnitCol) c.numFmt = r.measure === 'vnd' ? '#,##0' : '#,##0.##';
    });
  });
  ws.getColumn(3).width = 60;
  for (let c = firstUnitCol; c <= lastUnitCol + 2; c++) ws.getColumn(c).width = 16;
  ws.views = [{ state: 'frozen', xSplit: 3, ySplit: 2 }];

  const st = wb.addWorksheet('Tinh trang bao cao');
  st.addRow(['Đơn vị', 'Đã duyệt (số liệu chốt)']).font = { ...FONT, bold: true };
  for (const u of data.units) st.addRow([u.name, u.accepted ? 'Có' : 'Chưa']).font = FONT;
  st.getColumn(1).width = 50;
  st.getColumn(2).width = 24;

  const ev = wb.addWorksheet('Minh chung');
  ev.addRow(['Đơn vị', 'Chỉ tiêu', 'Tệp minh chứng', 'Ngày tải lên']).font = { ...FONT, bold: true };
  for (const e of evidence)
    ev.addRow([e.unitName, e.indicatorCode, e.fileName, formatDate(e.uploadedAt)]).font = FONT;
  ev.getColumn(1).width = 40;
  ev.getColumn(3).width = 50;
  ev.getColumn(4).width = 14;

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
