// MARCXML import jobs on damaged, resumed and real-world files: every complete record before the damage is
// committed, the job names the damaged record and its byte offset, and a crashed job resumes at the byte
// offset of the record after its last committed batch.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../lib/authz.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { actorOn, unitIdOf } from '../../units/units.test-helpers.ts';
import { runMarcImport, startMarcImport } from './import.server.ts';
import { writeIso2709 } from './iso2709.ts';
import type { MarcRecord } from './marc.types.ts';
import { MARCXML_FOOTER, MARCXML_HEADER, marcXmlRecord } from './marcxml.server.ts';

const book = (id: string, title: string): MarcRecord => ({
  leader: '00000nam a2200000 i 4500',
  fields: [
    { tag: '001', value: id },
    { tag: '003', value: 'VN-XML' },
    { tag: '245', ind1: '0', ind2: '0', subfields: [{ code: 'a', value: title }] },
  ],
});
/** The same records under a `marc:` prefix, as many exports write them. */
const prefixed = (xml: string) =>
  xml
    .replace(/<(\/?)(collection|record|leader|controlfield|datafield|subfield)\b/g, '<$1marc:$2')
    .replace('xmlns=', 'xmlns:marc=');
const FIXTURES = join(import.meta.dirname, 'fixtures');

describe('MARCXML import jobs', () => {
  let ctx: TestContext;
  let dir: string;
  let library: string;
  let librarian: Actor;

  beforeAll(async () => {
    ctx = await createTestContext();
    dir = await mkdtemp(join(tmpdir(), 'marcxml-'));
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    librarian = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  });
  afterAll(() => ctx.close());

  const start = async (name: string, body: string | Uint8Array) => {
    const file = join(dir, name);
    await writeFile(file, body);
    return startMarcImport(ctx.deps, librarian, {
      fileName: name,
      format: 'marcxml',
      filePath: file,
      fileSize: Buffer.byteLength(body),
      unitId: library,
      publish: false,
    });
  };
  const count = async (prefix: string) =>
    (
      await ctx.dbh.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM catalogue_records WHERE control_number LIKE $1',
        [`${prefix}%`],
      )
    )[0]?.n;

  it('imports all 2,500 good records before a cut tail and names record 2,501 with its byte offset', async () => {
    const records = Array.from({ length: 2501 }, (_, i) => marcXmlRecord(book(`cut${i}`, `Sách cắt ${i}`)));
    const head = MARCXML_HEADER + records.slice(0, 2500).join('');
    const tail = records[2500] as string;
    const body = head + tail.slice(0, tail.indexOf('<datafield') + 20);
    const offset = Buffer.byteLength(head);
    const job = await start('cut.xml', body);
    const done = await runMarcImport(ctx.deps, job.id);
    expect(await count('cut')).toBe(2500);
    expect(done).toMatchObject({ status: 'failed', imported: 2500, failed: 1 });
    expect(done.failure).toContain(`record 2501 (starting at byte ${offset})`);
    expect(done.failure).toMatch(/truncated/);
    expect(done.errors).toEqual([{ position: offset, number: 2501, reason: done.failure }]);
  });

  it('ISO 2709 the same: 2,500 good records and a cut tail import 2,500 and list the cut record at its offset', async () => {
    const parts = Array.from({ length: 2501 }, (_, i) => writeIso2709(book(`iso${i}`, `ISO cắt ${i}`)));
    const good = Buffer.concat(parts.slice(0, 2500));
    const file = join(dir, 'cut.mrc');
    await writeFile(file, Buffer.concat([good, (parts[2500] as Uint8Array).subarray(0, 40)]));
    const job = await startMarcImport(ctx.deps, librarian, {
      fileName: 'cut.mrc',
      format: 'iso2709',
      filePath: file,
      fileSize: good.length + 40,
      unitId: library,
      publish: false,
    });
    const done = await runMarcImport(ctx.deps, job.id);
    expect(done).toMatchObject({ status: 'done', imported: 2500, failed: 1 });
    expect(done.errors).toEqual([
      { position: good.length, reason: expect.stringMatching(/^truncated record/) },
    ]);
    expect(await count('iso')).toBe(2500);
  });

  it('imports the records before malformed XML in the middle and names the damaged record', async () => {
    const records = Array.from({ length: 5 }, (_, i) => marcXmlRecord(book(`mal${i}`, `Hỏng ${i}`)));
    records[2] = (records[2] as string).replace('</subfield>', '</subfeld>');
    const body = MARCXML_HEADER + records.join('') + MARCXML_FOOTER;
    const offset = Buffer.byteLength(MARCXML_HEADER + records.slice(0, 2).join(''));
    const done = await runMarcImport(ctx.deps, (await start('malformed.xml', body)).id);
    expect(done).toMatchObject({ status: 'failed', imported: 2, failed: 1 });
    expect(done.failure).toContain(`record 3 (starting at byte ${offset})`);
    expect(await count('mal')).toBe(2);
  });

  it('resumes a crashed job at the byte offset of the record after the last committed batch', async () => {
    const records = Array.from({ length: 2500 }, (_, i) =>
      marcXmlRecord(i === 1999 ? { leader: 'short', fields: [] } : book(`res${i}`, `Tiếp tục ${i}`)),
    );
    const header = `\uFEFF${MARCXML_HEADER.replace('<collection', '<!-- export -->\n<collection')}`;
    const body = prefixed(header + records.join('') + MARCXML_FOOTER);
    const job = await start('resume.xml', body);
    // A crash after the first batch (records 1–1,000) committed: running, offset at record 1,001.
    const firstBatch = prefixed(header + records.slice(0, 1000).join(''));
    const resumeAt = Buffer.byteLength(firstBatch);
    expect(body.slice(firstBatch.length, firstBatch.length + 12)).toBe('<marc:record');
    await ctx.dbh.query(
      "UPDATE catalogue_import_jobs SET status = 'running', processed = 1000, imported = 1000, resume_offset = $1 WHERE id = $2",
      [resumeAt, job.id],
    );
    const done = await runMarcImport(ctx.deps, job.id);
    expect(done.failure).toBeNull();
    expect(done).toMatchObject({ status: 'done', processed: 2500, imported: 2499, failed: 1 });
    const lastEnd = Buffer.from(body).lastIndexOf('</marc:record>') + '</marc:record>'.length;
    expect(done.resumeOffset).toBe(lastEnd);
    // Only records 1,001–2,500 were read (the first thousand "committed" before the crash).
    expect(await count('res')).toBe(1499);
    const at2000 = Buffer.byteLength(prefixed(header + records.slice(0, 1999).join('')));
    expect(done.errors).toEqual([
      { position: at2000, number: 2000, reason: 'leader is 5 characters, expected 24' },
    ]);
    // Importing the same file again changes nothing.
    const again = await runMarcImport(ctx.deps, (await start('resume-again.xml', body)).id);
    expect(again).toMatchObject({ status: 'done', imported: 1000, skipped: 1499, failed: 1 });
  });

  it('resumes a job saved when MARCXML offsets were record counts after that many records', async () => {
    const records = Array.from({ length: 30 }, (_, i) => marcXmlRecord(book(`old${i}`, `Cũ ${i}`)));
    const job = await start('legacy.xml', MARCXML_HEADER + records.join('') + MARCXML_FOOTER);
    await ctx.dbh.query(
      "UPDATE catalogue_import_jobs SET status = 'running', processed = 10, imported = 10, resume_offset = 10 WHERE id = $1",
      [job.id],
    );
    const done = await runMarcImport(ctx.deps, job.id);
    expect(done).toMatchObject({ status: 'done', processed: 30, imported: 30, failed: 0 });
    expect(await count('old')).toBe(20);
  });

  it('imports public MARCXML files written elsewhere (pymarc, marc4j test data)', async () => {
    const expected: Record<string, number> = {
      'pymarc-batch.xml': 2,
      'pymarc-utf8.xml': 1,
      'marc4j-chabon.xml': 2,
      'marc4j-summerland-record.xml': 1,
      'marc4j-koha-with-comment.xml': 1,
    };
    for (const [name, n] of Object.entries(expected)) {
      const done = await runMarcImport(
        ctx.deps,
        (await start(name, await readFile(join(FIXTURES, name)))).id,
      );
      // marc4j's single-record file repeats a record of its chabon.xml (same 001): matched, not added.
      expect({ name, ...done }).toMatchObject({ name, status: 'done', processed: n, failed: 0 });
    }
    const titles = await ctx.dbh.query<{ title: string }>(
      "SELECT title FROM catalogue_records WHERE title LIKE 'Zen%' OR title LIKE 'Summerland%'",
    );
    expect(titles.map((t) => t.title).sort()).toEqual(['Summerland', 'Zen Classics']);
  });
});
