// Evidence files for manual values: checked by content, private, only while the report is editable, seen by the
// unit and the focal point (not another unit), and listed in the annex's evidence sheet.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { indicatorsPort } from '../indicators/index.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { addEvidenceFile, evidenceDownload, evidenceOf } from './reports.evidence.server.ts';
import { saveSubmission, transitionSubmission } from './reports.usecases.server.ts';
import { consolidate } from './reports.values.server.ts';
import { buildReportXlsx } from './reports.xlsx.server.ts';

describe('evidence files of manual values', () => {
  let ctx: TestContext;
  let library = '';
  let code = '';
  const PERIOD = 'nam-2026';
  let n = 0;
  const temp = async (body: string) => {
    const dir = join(ctx.deps.config.dataDir, 'files', 'tmp');
    await mkdir(dir, { recursive: true });
    const path = join(dir, `ev${++n}.upload`);
    await writeFile(path, body);
    return path;
  };
  const PDF = '%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n';

  beforeAll(async () => {
    ctx = await createTestContext();
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    code = (await indicatorsPort.manualDefinitions(ctx.deps))[0]?.code ?? '';
    expect(code).not.toBe('');
  });
  afterAll(() => ctx.close());

  it('stores a PDF checked by content and refuses a program named .pdf', async () => {
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    await expect(
      addEvidenceFile(ctx.deps, staff, PERIOD, library, {
        tempPath: await temp('MZ\x90\x00not a pdf at all'),
        fileName: 'minh-chung.pdf',
        indicatorCode: code,
      }),
    ).rejects.toMatchObject({ code: 'files.type_not_allowed' });
    await expect(
      addEvidenceFile(ctx.deps, staff, PERIOD, library, {
        tempPath: await temp(PDF),
        fileName: 'x.pdf',
        indicatorCode: 'NOT-MANUAL',
      }),
    ).rejects.toMatchObject({ status: 422 });
    const id = await addEvidenceFile(ctx.deps, staff, PERIOD, library, {
      tempPath: await temp(PDF),
      fileName: 'Biên bản kiểm tra.pdf',
      indicatorCode: code,
    });
    const res = await evidenceDownload(ctx.deps, staff, PERIOD, library, id);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toContain('private');
    const officer = await actorOn(ctx, 'department_officer', 'phong-qlvhgd');
    expect((await evidenceDownload(ctx.deps, officer, PERIOD, library, id)).status).toBe(200);
    const other = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
    await expect(evidenceDownload(ctx.deps, other, PERIOD, library, id)).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      addEvidenceFile(ctx.deps, other, PERIOD, library, {
        tempPath: await temp(PDF),
        fileName: 'x.pdf',
        indicatorCode: code,
      }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('lists the files in the annex, and takes none once the report is submitted', async () => {
    const period = await ctx.deps.repos.reports.period(ctx.deps.db, PERIOD);
    const data = await consolidate(ctx.deps, period!);
    const subs = await ctx.deps.repos.reports.submissions(ctx.deps.db, period!.id);
    const files = await evidenceOf(
      ctx.deps.db,
      subs.map((s) => s.id),
    );
    expect(files.map((f) => f.fileName)).toEqual(['Biên bản kiểm tra.pdf']);
    const wb = new ExcelJS.Workbook();
    const xlsx = await buildReportXlsx(period!, data, [
      {
        unitName: 'Thư viện tỉnh',
        indicatorCode: code,
        fileName: 'Biên bản kiểm tra.pdf',
        uploadedAt: new Date(),
      },
    ]);
    await wb.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Minh chung')?.getRow(2).getCell(3).value).toBe('Biên bản kiểm tra.pdf');

    const manager = await actorOn(ctx, 'unit_manager', 'thu-vien-tinh');
    const s = await ctx.deps.repos.reports.submission(ctx.deps.db, period!.id, library);
    await saveSubmission(ctx.deps, manager, PERIOD, library, {
      narratives: {},
      difficulties: '',
      proposals: '',
      manualValues: {},
      version: s?.version ?? 1,
    });
    const v = (await ctx.deps.repos.reports.submission(ctx.deps.db, period!.id, library))?.version ?? 1;
    await transitionSubmission(ctx.deps, manager, PERIOD, library, { transition: 'submit', version: v });
    await expect(
      addEvidenceFile(ctx.deps, manager, PERIOD, library, {
        tempPath: await temp(PDF),
        fileName: 'x.pdf',
        indicatorCode: code,
      }),
    ).rejects.toMatchObject({ status: 409 });
  });
});
