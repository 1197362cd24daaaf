// Records without a control number (001) or an ISBN are known by their content: two identical records in one
// file import once (the second is reported), and importing the same file again adds nothing. Built from a
// real record (pymarc's utf8.xml) with its 001 removed, as many small libraries' exports come.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../lib/authz.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { actorOn, unitIdOf } from '../../units/units.test-helpers.ts';
import { runMarcImport, startMarcImport } from './import.server.ts';

let ctx: TestContext;
let dir: string;
let library: string;
let museum: string;
let librarian: Actor;
let curator: Actor;
let file: string;

beforeAll(async () => {
  ctx = await createTestContext();
  dir = await mkdtemp(join(tmpdir(), 'marc-dup-'));
  library = await unitIdOf(ctx, 'thu-vien-tinh');
  museum = await unitIdOf(ctx, 'bao-tang-tinh');
  librarian = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  curator = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
  const real = await readFile(join(import.meta.dirname, 'fixtures', 'pymarc-utf8.xml'), 'utf8');
  const record = /<marc:record[\s\S]*<\/marc:record>/.exec(real)?.[0] ?? '';
  const without001 = record.replace(/\s*<marc:controlfield tag="001">[^<]*<\/marc:controlfield>/, '');
  expect(without001).not.toContain('tag="001"');
  file = join(dir, 'no-001.xml');
  await writeFile(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>\n<marc:collection xmlns:marc="http://www.loc.gov/MARC21/slim">${without001}${without001}</marc:collection>`,
  );
});
afterAll(() => ctx.close());

const importFile = async (actor: Actor, unitId: string, publish = false) => {
  const job = await startMarcImport(ctx.deps, actor, {
    fileName: 'no-001.xml',
    format: 'marcxml',
    filePath: file,
    fileSize: (await readFile(file)).length,
    unitId,
    publish,
  });
  return runMarcImport(ctx.deps, job.id);
};
const copies = async (unitId: string) =>
  (
    await ctx.dbh.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM catalogue_records WHERE title = 'Zen Classics' AND unit_id = $1",
      [unitId],
    )
  )[0]?.n;

describe('MARC records without a control number or ISBN', () => {
  it('imports two identical records of one file once and reports the second as a duplicate', async () => {
    const done = await importFile(librarian, library);
    expect(done).toMatchObject({ status: 'done', processed: 2, imported: 1, failed: 1 });
    expect(done.errors).toEqual([
      expect.objectContaining({
        number: 2,
        reason: expect.stringMatching(/^duplicate of the record at \d+/),
      }),
    ]);
    expect(await copies(library)).toBe(1);
  });

  it('adds nothing when the same file is imported again, published or not', async () => {
    expect(await importFile(librarian, library)).toMatchObject({ imported: 0, skipped: 1, failed: 1 });
    expect(await importFile(librarian, library, true)).toMatchObject({ imported: 0 });
    expect(await copies(library)).toBe(1);
  });

  it('still lets another unit catalogue its own copy of the same record', async () => {
    expect(await importFile(curator, museum)).toMatchObject({ imported: 1 });
    expect(await copies(museum)).toBe(1);
    expect(await copies(library)).toBe(1);
  });
});
