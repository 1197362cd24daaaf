// Import → export keeps what libraries give us: real MARC files written elsewhere (pymarc and marc4j test data:
// ISO 2709 in MARC-8 and UTF-8, MARCXML) are imported, exported as ISO 2709 and MARCXML, and every exported
// record has the same leader (but for lengths and the character coding, now UTF-8), the same control and data
// fields, indicators and subfields in the same order as the file's — except 005, which the platform writes.
// A staff edit changes only the fields behind what was edited.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../lib/authz.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { actorOn, unitIdOf } from '../../units/units.test-helpers.ts';
import { updateCatalogueRecord } from '../catalogue.usecases.server.ts';
import { runMarcImport, startMarcImport } from '../marc/import.server.ts';
import { normaliseLeader, readIso2709 } from '../marc/iso2709.ts';
import { controlValue, isControlField, type MarcRecord } from '../marc/marc.types.ts';
import { PLATFORM_OWNED_TAGS } from '../marc/marc-edits.server.ts';
import { readMarcXml } from '../marc/marcxml-reader.server.ts';

const FIXTURES = join(import.meta.dirname, '..', 'marc', 'fixtures');
const FILES: Array<[string, 'iso2709' | 'marcxml']> = [
  ['pymarc-test.dat', 'iso2709'],
  ['pymarc-marc.dat', 'iso2709'],
  ['pymarc-utf8_with_leader_flag.dat', 'iso2709'],
  ['pymarc-diacritic.dat', 'iso2709'],
  ['pymarc-batch.xml', 'marcxml'],
  ['pymarc-utf8.xml', 'marcxml'],
  ['marc4j-chabon.xml', 'marcxml'],
  ['marc4j-koha-with-comment.xml', 'marcxml'],
];

async function* once(b: Uint8Array) {
  yield b;
}
async function readRecords(bytes: Uint8Array, format: 'iso2709' | 'marcxml'): Promise<MarcRecord[]> {
  const out: MarcRecord[] = [];
  for await (const r of format === 'iso2709' ? readIso2709(once(bytes)) : readMarcXml(once(bytes)))
    if (r.ok) out.push(r.record);
  return out;
}
const keyOf = (r: MarcRecord) => `${controlValue(r, '001')?.trim()}|${controlValue(r, '003')?.trim() ?? ''}`;
const OWNED: readonly string[] = PLATFORM_OWNED_TAGS;
const comparable = (r: MarcRecord) => ({
  leader: normaliseLeader(r.leader),
  fields: r.fields
    .filter((f) => !OWNED.includes(f.tag))
    .map((f) => (isControlField(f) ? f : { ...f, subfields: f.subfields.map((s) => ({ ...s })) })),
});

let ctx: TestContext;
let librarian: Actor;
const source = new Map<string, MarcRecord>();

beforeAll(async () => {
  ctx = await createTestContext();
  const library = await unitIdOf(ctx, 'thu-vien-tinh');
  librarian = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  for (const [name, format] of FILES) {
    const path = join(FIXTURES, name);
    const bytes = new Uint8Array(await readFile(path));
    for (const r of await readRecords(bytes, format)) source.set(keyOf(r), r);
    const job = await startMarcImport(ctx.deps, librarian, {
      fileName: name,
      format,
      filePath: path,
      fileSize: bytes.length,
      unitId: library,
      publish: true,
    });
    expect(await runMarcImport(ctx.deps, job.id)).toMatchObject({ status: 'done', failed: 0 });
  }
}, 180_000);
afterAll(() => ctx.close());

async function exported(format: 'iso2709' | 'marcxml'): Promise<Map<string, MarcRecord>> {
  const res = await ctx.request(`/api/v1/catalogue/export?format=${format}`);
  expect(res.status).toBe(200);
  const records = await readRecords(new Uint8Array(await res.arrayBuffer()), format);
  return new Map(records.map((r) => [keyOf(r), r]));
}

describe('a lossless MARC round trip', () => {
  it('exports every imported record field for field as the file had it (ISO 2709 and MARCXML)', async () => {
    expect(source.size).toBeGreaterThanOrEqual(20);
    for (const format of ['iso2709', 'marcxml'] as const) {
      const out = await exported(format);
      let fieldsIn = 0;
      let fieldsOut = 0;
      for (const [key, rec] of source) {
        const back = out.get(key);
        expect(back, `${format}: record ${key} exported`).toBeDefined();
        if (!back) continue;
        expect(comparable(back), `${format}: record ${key}`).toEqual(comparable(rec));
        fieldsIn += rec.fields.length;
        fieldsOut += back.fields.length;
        // The platform stamps the export with the record's last change.
        expect(controlValue(back, '005')).toMatch(/^\d{14}\.\d$/);
      }
      console.info(
        `MARC round trip (${format}): ${source.size} records, ${fieldsIn} fields in, ${fieldsOut} out`,
      );
    }
  });

  it('rewrites only the title field when staff change the title, keeping its statement of responsibility', async () => {
    const [key, rec] = [...source].find(([, r]) =>
      r.fields.some((f) => f.tag === '245' && !isControlField(f) && f.subfields.some((s) => s.code === 'c')),
    ) as [string, MarcRecord];
    const number = controlValue(rec, '001')?.trim() ?? '';
    const found = await ctx.dbh.query<{ id: string; version: number }>(
      'SELECT id, version FROM catalogue_records WHERE control_number = $1',
      [number],
    );
    const row = found[0] as { id: string; version: number };
    await updateCatalogueRecord(ctx.deps, librarian, row.id, {
      version: row.version,
      title: 'Tên sách đã sửa',
    });
    const back = (await exported('iso2709')).get(key) as MarcRecord;
    const f245 = (r: MarcRecord) => r.fields.find((f) => f.tag === '245');
    const before = f245(rec);
    const after = f245(back);
    if (!before || !after || isControlField(before) || isControlField(after)) throw new Error('no 245');
    expect(after.subfields[0]).toEqual({ code: 'a', value: 'Tên sách đã sửa' });
    expect(after.subfields.filter((s) => s.code === 'c')).toEqual(
      before.subfields.filter((s) => s.code === 'c'),
    );
    expect([after.ind1, after.ind2]).toEqual([before.ind1, before.ind2]);
    const others = (r: MarcRecord) => comparable({ ...r, fields: r.fields.filter((f) => f.tag !== '245') });
    expect(others(back)).toEqual(others(rec));
  });
});
