// Importing a big library's ILS statistics (CSV, or XLSX's first sheet) for one unit and period. The same unit
// and period imported again replaces the earlier figures (idempotent); a period overlapping another import of
// the unit is refused, so no day is counted twice.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { authorize } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { AppError } from '../../lib/errors.ts';
import { checkXlsxContainer } from '../catalogue/index.server.ts';
import type { CirculationDeps } from './circulation.desk.usecases.server.ts';
import { newId } from './circulation.ids.server.ts';
import { type IlsProblem, parseCsv, readIlsTable } from './circulation.ils-csv.ts';

// Under the 1 MiB request limit of ordinary forms: a year of daily rows per collection and category fits.
export const MAX_STATS_BYTES = 900 * 1024;

async function xlsxTable(bytes: Uint8Array): Promise<string[][]> {
  const dir = await mkdtemp(join(tmpdir(), 'ils-'));
  const path = join(dir, 'stats.xlsx');
  try {
    await writeFile(path, bytes);
    await checkXlsxContainer(path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheet = wb.worksheets[0];
    const out: string[][] = [];
    sheet?.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        const v = cell.value;
        cells[col - 1] =
          v instanceof Date
            ? v.toISOString().slice(0, 10)
            : v && typeof v === 'object' && 'result' in v
              ? String((v as { result: unknown }).result ?? '')
              : String(v ?? '');
      });
      out.push(Array.from(cells, (c) => c ?? ''));
    });
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface StatsImportInput {
  unitId: string;
  from: string;
  to: string;
  fileName: string;
  bytes: Uint8Array;
}

export async function importIlsStats(
  deps: CirculationDeps,
  actor: Actor,
  input: StatsImportInput,
): Promise<{ rows: number; replaced: boolean; problems: IlsProblem[] }> {
  authorize(actor, 'circulation.stats.import', { unitId: input.unitId });
  if (input.from > input.to)
    throw new AppError('circulation.stats.period', 422, 'circulation.stats.error.period');
  if (input.bytes.byteLength > MAX_STATS_BYTES)
    throw new AppError('circulation.stats.too_large', 413, 'circulation.stats.error.tooLarge');
  const isXlsx = input.bytes[0] === 0x50 && input.bytes[1] === 0x4b;
  const table = isXlsx ? await xlsxTable(input.bytes) : parseCsv(new TextDecoder().decode(input.bytes));
  const { rows, problems, missing } = readIlsTable(table, input);
  if (missing.length)
    throw new AppError('circulation.stats.columns', 422, 'circulation.stats.error.columns', {
      params: { columns: missing.join(', ') },
    });
  if (problems.length) return { rows: 0, replaced: false, problems };
  return deps.db.transaction(async (tx) => {
    const overlap = await deps.repos.circulationStats.overlapping(tx, input.unitId, input.from, input.to);
    if (overlap[0])
      throw new AppError('circulation.stats.overlap', 409, 'circulation.stats.error.overlap', {
        params: { from: overlap[0].from, to: overlap[0].to },
      });
    const id = newId('ilsi');
    const { replaced } = await deps.repos.circulationStats.replaceImport(
      tx,
      {
        id,
        unitId: input.unitId,
        from: input.from,
        to: input.to,
        fileName: input.fileName.slice(0, 200),
        importedBy: actor.kind === 'user' ? actor.userId : null,
      },
      rows,
    );
    await deps.audit.record(tx, actor, {
      action: 'circulation.stats.import',
      entityType: 'circulation_ils_import',
      entityId: id,
      unitId: input.unitId,
      after: { from: input.from, to: input.to, rows: rows.length, replaced },
    });
    return { rows: rows.length, replaced, problems: [] };
  });
}
