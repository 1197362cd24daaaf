// A table as a download: CSV (src/lib/csv.ts: UTF-8 with BOM, CRLF, formula-safe) or XLSX (exceljs, the same
// writer as the news export), with the headers a route sends it with. The first row is the header (bold).
import ExcelJS from 'exceljs';
import { type CsvValue, toCsv } from './csv.ts';

export interface TableFile {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  fileName: string;
}

export async function tableFile(
  cells: CsvValue[][],
  format: 'csv' | 'xlsx',
  sheetName: string,
  baseName: string,
): Promise<TableFile> {
  const fileName = `${baseName}.${format}`;
  if (format === 'csv')
    return {
      body: new TextEncoder().encode(toCsv(cells)) as Uint8Array<ArrayBuffer>,
      contentType: 'text/csv; charset=utf-8',
      fileName,
    };
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  for (const r of cells) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  const buffer = await wb.xlsx.writeBuffer();
  return {
    body: new Uint8Array(buffer as ArrayBuffer) as Uint8Array<ArrayBuffer>,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName,
  };
}

/** The response headers of a table download (private, never cached, never sniffed). */
export const downloadHeaders = (file: TableFile): Record<string, string> => ({
  'Content-Type': file.contentType,
  'Content-Disposition': `attachment; filename="${file.fileName}"`,
  'Cache-Control': 'private, no-store',
  'X-Content-Type-Options': 'nosniff',
});
