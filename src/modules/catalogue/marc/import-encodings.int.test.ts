// Import jobs on real public files: UNIMARC (pymarc testunimarc.dat) kept losslessly next to its MARC 21
// conversion, Windows-1251 declared on upload (pymarc 1251.dat), MARC-8 with combining marks (pymarc
// marc8.dat). Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.

import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../lib/authz.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { actorOn, unitIdOf } from '../../units/units.test-helpers.ts';
import type { LegacyEncoding } from './encodings.ts';
import { runMarcImport, startMarcImport } from './import.server.ts';
import type { MarcRecord } from './marc.types.ts';

let ctx: TestContext;
let library: string;
let librarian: Actor;

beforeAll(async () => {
  ctx = await createTestContext();
  library = await unitIdOf(ctx, 'thu-vien-tinh');
  librarian = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
});
afterAll(() => ctx.close());

const importFixture = async (name: string, encoding?: LegacyEncoding) => {
  const filePath = join(import.meta.dirname, 'fixtures', name);
  const job = await startMarcImport(ctx.deps, librarian, {
    fileName: name,
    format: 'iso2709',
    filePath,
    fileSize: (await stat(filePath)).size,
    unitId: library,
    publish: true,
    encoding,
  });
  return runMarcImport(ctx.deps, job.id);
};

const byControl = async (controlNumber: string) =>
  (
    await ctx.dbh.query<{
      title: string;
      creators: string[];
      language: string | null;
      source_marc: MarcRecord;
    }>('SELECT title, creators, language, source_marc FROM catalogue_records WHERE control_number = $1', [
      controlNumber,
    ])
  )[0];

describe('MARC import: UNIMARC and character sets', () => {
  it('imports a UNIMARC record, keeps the received record, and a second import changes nothing', async () => {
    const first = await importFixture('pymarc-testunimarc.dat');
    expect(first).toMatchObject({ status: 'done', imported: 1, failed: 0 });
    const row = await byControl('IT\\ICCU\\ANA\\0019370');
    expect(row?.title).toBe("L'altra faccia della spirale");
    expect(row?.language).toBe('ita');
    expect(row?.source_marc.original?.format).toBe('unimarc');
    expect(row?.source_marc.original?.fields.filter((f) => f.tag === '899')).toHaveLength(40);
    expect(row?.source_marc.fields.some((f) => f.tag === '245')).toBe(true);
    const again = await importFixture('pymarc-testunimarc.dat');
    expect(again).toMatchObject({ status: 'done', imported: 0, skipped: 1 });
  });

  it('reads Windows-1251 only when the upload declares it, and says why otherwise', async () => {
    const undeclared = await importFixture('pymarc-1251.dat');
    expect(undeclared.imported).toBeLessThan(undeclared.processed);
    expect(undeclared.errors[0]?.reason).toMatch(/^field \d{3}: .*MARC-8/);
    const declared = await importFixture('pymarc-1251.dat', 'windows-1251');
    expect(declared).toMatchObject({ status: 'done', failed: 0 });
    const rows = await ctx.dbh.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM catalogue_records WHERE title LIKE 'Основы гидравлического расчета%'",
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('imports MARC-8 with combining diacritics', async () => {
    const job = await importFixture('pymarc-marc8.dat');
    expect(job).toMatchObject({ status: 'done', failed: 0 });
    expect(job.imported + job.updated).toBeGreaterThan(0);
  });
});
