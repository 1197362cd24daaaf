// Spreadsheet import through the real use cases and job queue: idempotency, bad rows, resume, refusals.
import { copyFile, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../lib/authz.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { runDueJobs } from '../../jobs/jobs.runner.server.ts';
import { actorOn, unitIdOf } from '../../units/units.test-helpers.ts';
import { runTabularImport, TABULAR_BATCH, TABULAR_JOB_KIND } from './csv.import.server.ts';
import {
  createTabularImport,
  getTabularImport,
  listTabularIssues,
  type MappingInput,
  previewTabularImport,
  startTabularImport,
} from './csv.usecases.server.ts';
import { toWindows1258 } from './tabular.test-helpers.ts';

const HEADER = 'Nhan đề,Tác giả,Năm,Ngôn ngữ,Số ĐKCB,ISBN,Kho,Tình trạng';
const ROWS = [
  'Lịch sử Khánh Hòa,Nguyễn Văn A;Trần B,2019,Tiếng Việt,VV.001,,Kho 1,Có sẵn', // row 2
  ',Không nhan đề,2000,,VV.002,,,', // row 3: no title
  'Tháp Bà Ponagar,Lê C,1998,vie,,978-604-0-00000-2,,', // row 4: matched on ISBN
  'Sách lỗi ISBN,,,,,12345,,', // row 5: bad ISBN
  '"=cmd|\' /C calc\'!A0",,,,VV.003,,,', // row 6: formula, stored as text
  'Ca dao Khánh Hòa,,,,,,,', // row 7: no identifier at all (matched on content)
  'Bản trùng,,,,VV.001,,,', // row 8: same inventory number as row 2
];

describe('spreadsheet import', () => {
  let ctx: TestContext;
  let dir: string;
  let museum: string;
  let staff: Actor;
  const mapping = (extra: Partial<MappingInput> = {}): MappingInput => ({
    mapping: {
      0: 'title',
      1: 'creators',
      2: 'date',
      3: 'language',
      4: 'inventoryNo',
      5: 'isbn',
      6: 'location',
      7: 'availability',
    },
    unitId: museum,
    publish: true,
    defaultType: 'museum_object',
    ...extra,
  });
  /** Uploads a copy of `file` (the upload consumes it), starts it and runs the queue. */
  const importFile = async (file: string, input: MappingInput = mapping()) => {
    const upload = join(dir, `${Math.random().toString(36).slice(2)}.upload`);
    await copyFile(file, upload);
    const draft = await createTabularImport(ctx.deps, staff, {
      fileName: 'hien-vat.csv',
      filePath: upload,
      unitId: museum,
    });
    await startTabularImport(ctx.deps, staff, draft.id, input);
    await runDueJobs(ctx.deps, { kinds: [TABULAR_JOB_KIND] });
    return getTabularImport(ctx.deps, staff, draft.id);
  };
  const write = async (name: string, body: string | Uint8Array) => {
    const p = join(dir, name);
    await writeFile(p, body);
    return p;
  };
  const versions = () =>
    ctx.dbh.query<{ title: string; version: number }>(
      "SELECT title, version FROM catalogue_records WHERE source = 'csv' ORDER BY title, id",
    );

  beforeAll(async () => {
    ctx = await createTestContext();
    dir = await mkdtemp(join(tmpdir(), 'tabular-int-'));
    museum = await unitIdOf(ctx, 'bao-tang-tinh');
    staff = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
  });
  afterAll(() => ctx.close());

  it('imports good rows, reports each bad row by its row number, and re-importing changes nothing', async () => {
    const file = await write('objects.csv', `\uFEFF${HEADER}\r\n${ROWS.join('\r\n')}\r\n`);
    const first = await importFile(file);
    expect(first).toMatchObject({
      status: 'done',
      totalRows: 7,
      processed: 7,
      imported: 4,
      updated: 0,
      skipped: 0,
      failed: 3,
      warnings: 1,
      filePath: null,
    });
    const issues = await listTabularIssues(ctx.deps, staff, first.id);
    expect(issues.map((i) => [i.rowNumber, i.severity, i.code])).toEqual([
      [3, 'error', 'titleMissing'],
      [5, 'error', 'isbnInvalid'],
      [6, 'warning', 'formula'],
      [8, 'error', 'duplicateInFile'],
    ]);
    expect(issues[3]?.params).toEqual({ row: 2 });
    const stored = await ctx.dbh.query<{
      title: string;
      creators: string[];
      type: string;
      published: boolean;
    }>(
      "SELECT title, creators, type, published FROM catalogue_records WHERE inventory_no IN ('VV.001', 'VV.003') ORDER BY inventory_no",
    );
    expect(stored).toEqual([
      {
        title: 'Lịch sử Khánh Hòa',
        creators: ['Nguyễn Văn A', 'Trần B'],
        type: 'museum_object',
        published: true,
      },
      { title: "=cmd|' /C calc'!A0", creators: [], type: 'museum_object', published: true },
    ]);
    const holdings = await ctx.dbh.query<{ location: string; availability: string }>(
      "SELECT h.location, h.availability FROM catalogue_holdings h JOIN catalogue_records r ON r.id = h.record_id WHERE r.inventory_no = 'VV.001'",
    );
    expect(holdings).toEqual([{ location: 'Kho 1', availability: 'available' }]);
    const before = await versions();

    const again = await importFile(file);
    expect(again).toMatchObject({ status: 'done', imported: 0, updated: 0, skipped: 4, failed: 3 });
    expect(await versions()).toEqual(before);

    const changed = await write(
      'changed.csv',
      `${HEADER}\r\nLịch sử Khánh Hòa (tái bản),Nguyễn Văn A,2020,Tiếng Việt,VV.001,,Kho 2,Trưng bày\r\n${ROWS[5]}\r\n`,
    );
    const third = await importFile(changed);
    expect(third).toMatchObject({ imported: 0, updated: 1, skipped: 1, failed: 0 });
    const after = await versions();
    expect(after.find((r) => r.title === 'Lịch sử Khánh Hòa (tái bản)')?.version).toBe(2);
    expect(after).toHaveLength(before.length);
    const audits = await ctx.dbh.query<{ action: string }>(
      'SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at, action',
      [third.id],
    );
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'catalogue.tabular.create',
        'catalogue.tabular.start',
        'catalogue.tabular.batch',
      ]),
    );
  });

  it('reads Windows-1258 and XLSX files to the same NFC text', async () => {
    const cp = await write(
      'legacy.csv',
      toWindows1258('Nhan đề;Số kiểm kê\r\nTrống đồng Đông Sơn;BT.900\r\n'),
    );
    const fromCsv = await importFile(cp, mapping({ mapping: { 0: 'title', 1: 'inventoryNo' } }));
    expect(fromCsv).toMatchObject({ status: 'done', imported: 1, encoding: 'windows-1258', delimiter: ';' });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hiện vật');
    ws.addRow(['Tên hiện vật', 'Số kiểm kê']);
    ws.addRow(['Trống đồng Đông Sơn', 'BT.900']);
    ws.addRow(['Bình gốm Chăm', 'BT.901']);
    const xlsx = join(dir, 'objects.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const fromXlsx = await importFile(xlsx, mapping({ mapping: { 0: 'title', 1: 'inventoryNo' } }));
    // The first row is the Windows-1258 CSV's record, byte-for-byte the same content: unchanged.
    expect(fromXlsx).toMatchObject({ status: 'done', format: 'xlsx', imported: 1, skipped: 1 });
    const titles = await ctx.dbh.query<{ title: string }>(
      "SELECT title FROM catalogue_records WHERE inventory_no LIKE 'BT.9%' ORDER BY inventory_no",
    );
    expect(titles.map((r) => r.title)).toEqual(['Trống đồng Đông Sơn', 'Bình gốm Chăm']);
    expect(titles[0]?.title).toBe('Trống đồng Đông Sơn'.normalize('NFC'));
  });

  it('resumes an interrupted import after its last committed batch, and a second runner writes nothing twice', async () => {
    const n = TABULAR_BATCH * 2 + 37;
    const lines = Array.from({ length: n }, (_, i) => `Hiện vật số ${i},HV.${String(i).padStart(5, '0')}`);
    const file = await write('many.csv', `Nhan đề,Số kiểm kê\n${lines.join('\n')}\n`);
    const upload = join(dir, 'many.upload');
    await copyFile(file, upload);
    const draft = await createTabularImport(ctx.deps, staff, {
      fileName: 'many.csv',
      filePath: upload,
      unitId: museum,
    });
    expect(draft.totalRows).toBe(n);
    await startTabularImport(
      ctx.deps,
      staff,
      draft.id,
      mapping({ mapping: { 0: 'title', 1: 'inventoryNo' } }),
    );
    // A crash after the first batch committed: running, resume row past it (its records are not written here,
    // so the test can tell that the resumed run skipped them).
    await ctx.dbh.query(
      "UPDATE catalogue_tabular_imports SET status = 'running', processed = $1, imported = $1, resume_row = $1 WHERE id = $2",
      [TABULAR_BATCH, draft.id],
    );
    const [a, b] = await Promise.all([
      runTabularImport(ctx.deps, draft.id),
      runTabularImport(ctx.deps, draft.id),
    ]);
    expect([a.status, b.status]).toContain('done');
    const done = await getTabularImport(ctx.deps, staff, draft.id);
    expect(done).toMatchObject({ status: 'done', processed: n, imported: n, resumeRow: n });
    const count = await ctx.dbh.query<{ n: number; first: string }>(
      "SELECT count(*)::int AS n, min(inventory_no) AS first FROM catalogue_records WHERE inventory_no LIKE 'HV.%'",
    );
    expect(count[0]).toEqual({ n: n - TABULAR_BATCH, first: `HV.${String(TABULAR_BATCH).padStart(5, '0')}` });
    // The queue's job for it finds the import finished and does nothing.
    await runDueJobs(ctx.deps, { kinds: [TABULAR_JOB_KIND] });
    expect((await getTabularImport(ctx.deps, staff, draft.id)).imported).toBe(n);
  });

  it('commits the rows read before damage found while importing, and names the damaged row', async () => {
    const n = TABULAR_BATCH + 40;
    const lines = Array.from({ length: n }, (_, i) => `Hỏng đuôi ${i},HD.${String(i).padStart(5, '0')}`);
    const upload = await write('tail.upload', `Nhan đề,Số kiểm kê\n${lines.join('\n')}\n`);
    const draft = await createTabularImport(ctx.deps, staff, {
      fileName: 'tail.csv',
      filePath: upload,
      unitId: museum,
    });
    await startTabularImport(
      ctx.deps,
      staff,
      draft.id,
      mapping({ mapping: { 0: 'title', 1: 'inventoryNo' } }),
    );
    // The stored file is damaged after the upload was checked: cut inside a quoted cell after all n rows.
    const [stored] = await ctx.dbh.query<{ path: string }>(
      'SELECT file_path AS path FROM catalogue_tabular_imports WHERE id = $1',
      [draft.id],
    );
    await writeFile(stored?.path ?? '', `Nhan đề,Số kiểm kê\n${lines.join('\n')}\n"Bị cắt`);
    const done = await runTabularImport(ctx.deps, draft.id, { lastAttempt: true });
    expect(done).toMatchObject({
      status: 'failed',
      imported: n,
      failure: 'catalogueTabular.error.malformedAt',
    });
    const [count] = await ctx.dbh.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM catalogue_records WHERE inventory_no LIKE 'HD.%'",
    );
    expect(count?.n).toBe(n);
  });

  it('refuses unusable files and mappings with a reason, leaving nothing behind', async () => {
    const refused = async (body: string | Uint8Array) => {
      const p = await write(`bad-${Math.random().toString(36).slice(2)}.upload`, body);
      const err = await createTabularImport(ctx.deps, staff, {
        fileName: 'x.csv',
        filePath: p,
        unitId: museum,
      }).then(
        () => null,
        (e: { status: number; messageKey: string }) => ({ status: e.status, key: e.messageKey }),
      );
      expect((await readdir(dir)).includes(p.split('/').pop() ?? '')).toBe(false);
      return err;
    };
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(await refused(png)).toEqual({ status: 422, key: 'catalogueTabular.error.notTabular' });
    expect(await refused('')).toEqual({ status: 422, key: 'catalogueTabular.error.empty' });
    expect(await refused('Nhan đề\r\n')).toEqual({ status: 422, key: 'catalogueTabular.error.noRows' });
    expect(await refused(Buffer.from([0x41, 0x2c, 0x81, 0x0a, 0x42]))).toEqual({
      status: 422,
      key: 'catalogueTabular.error.encoding',
    });
    const other = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const p = await write('other.upload', 'Nhan đề\r\nA\r\n');
    await expect(
      createTabularImport(ctx.deps, other, { fileName: 'a.csv', filePath: p, unitId: museum }),
    ).rejects.toMatchObject({
      status: 403,
    });

    const ok = await write('fine.upload', 'Tên,Tác giả\r\nA,B\r\n');
    const draft = await createTabularImport(ctx.deps, staff, {
      fileName: 'fine.csv',
      filePath: ok,
      unitId: museum,
    });
    expect(draft.mapping).toEqual({ 0: 'title', 1: 'creators' });
    await expect(
      startTabularImport(ctx.deps, staff, draft.id, mapping({ mapping: { 0: 'creators', 1: 'creators' } })),
    ).rejects.toMatchObject({ status: 422, messageKey: 'catalogueTabular.error.titleUnmapped' });
    await expect(
      startTabularImport(ctx.deps, staff, draft.id, mapping({ mapping: { 0: 'title', 1: 'title' } })),
    ).rejects.toMatchObject({ status: 422, messageKey: 'catalogueTabular.error.fieldTwice' });
    expect((await getTabularImport(ctx.deps, staff, draft.id)).status).toBe('draft');
    const preview = await previewTabularImport(ctx.deps, staff, draft.id);
    expect(preview).toHaveLength(1);
    expect(preview[0]?.mapped).toMatchObject({ ok: true, input: { title: 'A', creators: ['B'] } });
  });
});
