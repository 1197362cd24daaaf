// A MARC import read in a worker thread (ADR 0007 addendum 7) writes exactly what the import's own thread
// writes: the same file imported both ways into two databases gives the same job counts and errors, records,
// holdings, postings, title pairs, facet rows, OAI items and dictionary; importing it again applies nothing;
// a resumed job starts at its committed offset; damaged XML and a missing file end the job as before.
import { mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../lib/authz.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { actorOn, unitIdOf } from '../../units/units.test-helpers.ts';
import { generator } from '../catalogue.demo-data.server.ts';
import { runMarcImport, startMarcImport } from './import.server.ts';
import { canReadInWorker } from './import-read.server.ts';
import { writeIso2709 } from './iso2709.ts';

const RECORDS = 2100; // three batches
// Three imports of a few thousand records each: minutes on a loaded machine.
const SLOW = 300_000;

function marcRecords(count: number, seed: number, prefix: string, retitled = -1): Uint8Array[] {
  const next = generator(seed);
  return Array.from({ length: count }, (_, i) => {
    const g = next();
    return writeIso2709({
      leader: '00000nam a2200000 i 4500',
      fields: [
        // Record 7 repeats record 3's control number: a duplicate in the file.
        { tag: '001', value: `${prefix}${i === 7 ? 3 : i}` },
        { tag: '003', value: 'VN-TEST' },
        { tag: '008', value: `240101s${g.year}    vm ${' '.repeat(11)}000 0 ${g.language} d` },
        ...(g.isbn ? [{ tag: '020', ind1: ' ', ind2: ' ', subfields: [{ code: 'a', value: g.isbn }] }] : []),
        ...g.creators.map((c, k) => ({
          tag: k ? '700' : '100',
          ind1: '1',
          ind2: ' ',
          subfields: [{ code: 'a', value: c }],
        })),
        {
          tag: '245',
          ind1: '1',
          ind2: '0',
          subfields: [{ code: 'a', value: i === retitled ? `Tái bản: ${g.title}` : g.title }],
        },
        ...g.subjects.map((s) => ({
          tag: '650',
          ind1: ' ',
          ind2: '4',
          subfields: [{ code: 'a', value: s }],
        })),
        { tag: '852', ind1: ' ', ind2: ' ', subfields: [{ code: 'h', value: g.callNumber }] },
      ],
    });
  });
}

interface Side {
  ctx: TestContext;
  actor: Actor;
  unitId: string;
}
const sides: Record<'thread' | 'worker', Side> = {} as Record<'thread' | 'worker', Side>;
let dir: string;

async function start(side: Side, name: string, content: Uint8Array[] | string, format = 'iso2709' as const) {
  const path = join(dir, name);
  await writeFile(path, content);
  return startMarcImport(side.ctx.deps, side.actor, {
    fileName: name,
    format: typeof content === 'string' ? 'marcxml' : format,
    filePath: path,
    fileSize: (await stat(path)).size,
    unitId: side.unitId,
    publish: true,
  });
}

const counts = (j: Awaited<ReturnType<typeof runMarcImport>>) => ({
  status: j.status,
  failure: j.failure,
  processed: j.processed,
  imported: j.imported,
  updated: j.updated,
  skipped: j.skipped,
  failed: j.failed,
  errors: j.errors,
  resumeOffset: j.resumeOffset,
});

/** Everything an import writes, per record (by control number: the two databases number records apart). */
async function written(ctx: TestContext) {
  const q = (text: string) => ctx.dbh.query<{ c: string; w: string }>(text);
  return {
    records: await q(
      `SELECT control_number AS c, title || '|' || creators::text || '|' || subjects::text || '|' || coalesce(year, -1)
         || '|' || coalesce(language, '') || '|' || coalesce(isbn, '') || '|' || source_hash || '|'
         || source_marc::text || '|' || availability::text || '|' || search_title || '|' || search_extra || '|'
         || search_exact || '|' || title_sort || '|' || version AS w
       FROM catalogue_records WHERE source = 'marc' ORDER BY 1, 2`,
    ),
    holdings: await q(
      `SELECT r.control_number AS c, coalesce(h.call_number, '') || '|' || h.availability AS w
       FROM catalogue_holdings h JOIN catalogue_records r ON r.id = h.record_id ORDER BY 1, 2`,
    ),
    postings: await q(
      `SELECT r.control_number AS c, p.word || '|' || p.type || '|' || p.language || '|' || coalesce(p.decade, -1)
         || '|' || p.availability AS w
       FROM catalogue_postings p JOIN catalogue_records r ON r.seq = p.seq ORDER BY 1, 2`,
    ),
    pairs: await q(
      `SELECT r.control_number AS c, t.pair AS w FROM catalogue_title_pairs t
       JOIN catalogue_records r ON r.seq = t.seq ORDER BY 1, 2`,
    ),
    docs: await q(
      `SELECT r.control_number AS c, d.published || '|' || d.type || '|' || coalesce(d.decade, -1) AS w
       FROM catalogue_search_docs d JOIN catalogue_records r ON r.seq = d.seq ORDER BY 1, 2`,
    ),
    oai: await q(
      `SELECT r.control_number AS c, o.deleted::text AS w FROM catalogue_oai_items o
       JOIN catalogue_records r ON r.id = o.record_id ORDER BY 1, 2`,
    ),
    words: await q(`SELECT '' AS c, word || '|' || ndoc AS w FROM catalogue_words ORDER BY 2`),
  };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marc-worker-'));
  for (const key of ['thread', 'worker'] as const) {
    const ctx = await createTestContext();
    sides[key] = {
      ctx,
      actor: await actorOn(ctx, 'unit_staff', 'thu-vien-tinh'),
      unitId: await unitIdOf(ctx, 'thu-vien-tinh'),
    };
  }
});
afterAll(async () => {
  await sides.thread?.ctx.close();
  await sides.worker?.ctx.close();
});

describe('MARC import read in a worker thread', () => {
  it('is available from the sources', () => {
    expect(canReadInWorker()).toBe(true);
  });

  it(
    'writes exactly what the in-thread reading writes; a second import of the file applies nothing',
    async () => {
      const file = marcRecords(RECORDS, 43, 'W');
      // A record that cannot be read, in the second batch.
      file.splice(1200, 0, new TextEncoder().encode('00026nam a2200000 i 4500\u001e\u001d'));
      const run = async (key: 'thread' | 'worker') =>
        runMarcImport(sides[key].ctx.deps, (await start(sides[key], 'a.mrc', file)).id, {
          worker: key === 'worker',
        });
      const [t, w] = [await run('thread'), await run('worker')];
      expect(counts(w)).toEqual(counts(t));
      expect(w).toMatchObject({ status: 'done', imported: RECORDS - 1, failed: 2 });
      const [a, b] = [await written(sides.thread.ctx), await written(sides.worker.ctx)];
      expect(b.postings.length).toBeGreaterThan(RECORDS * 5);
      expect(b.holdings.length).toBe(RECORDS - 1);
      expect(b).toEqual(a);

      const again = await runMarcImport(
        sides.worker.ctx.deps,
        (await start(sides.worker, 'b.mrc', file)).id,
        {
          worker: true,
        },
      );
      expect(again).toMatchObject({
        status: 'done',
        imported: 0,
        updated: 0,
        skipped: RECORDS - 1,
        failed: 2,
      });
      expect(await written(sides.worker.ctx)).toEqual(b);
    },
    SLOW,
  );

  it(
    'resumes a crashed job from its committed offset',
    async () => {
      const parts = marcRecords(1500, 44, 'R');
      const side = sides.worker;
      const job = await start(side, 'resume.mrc', parts);
      // A crash after the first batch (1,000 records) committed: status running, offset past it.
      const offset = parts.slice(0, 1000).reduce((n, p) => n + p.length, 0);
      await side.ctx.dbh.query(
        "UPDATE catalogue_import_jobs SET status = 'running', processed = 1000, imported = 1000, resume_offset = $1 WHERE id = $2",
        [offset, job.id],
      );
      const done = await runMarcImport(side.ctx.deps, job.id, { worker: true });
      expect(done).toMatchObject({ status: 'done', processed: 1500, imported: 1500, failed: 0 });
      const n = await side.ctx.dbh.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM catalogue_records WHERE control_number LIKE 'R%'",
      );
      expect(n[0]?.n).toBe(500);
    },
    SLOW,
  );

  it(
    'ends a job on damaged XML after importing the records before it, and on a missing file',
    async () => {
      const side = sides.worker;
      const xml = `<?xml version="1.0" encoding="UTF-8"?><collection xmlns="http://www.loc.gov/MARC21/slim">
      <record><leader>00000nam a2200000 i 4500</leader><controlfield tag="001">X1</controlfield>
        <datafield tag="245" ind1="1" ind2="0"><subfield code="a">Sách trước chỗ hỏng</subfield></datafield></record>
      <record><leader>00000nam a2200000 i 4500</leader><controlfield tag="001">X2</controlfield>
        <datafield tag="245" ind1="1" ind2="0"><subfield code="a">Hỏng</subfield></datafield`;
      const broken = await runMarcImport(side.ctx.deps, (await start(side, 'broken.xml', xml)).id, {
        worker: true,
      });
      expect(broken).toMatchObject({ status: 'failed', imported: 1 });
      expect(broken.failure).toBeTruthy();
      const job = await start(side, 'gone.mrc', [new Uint8Array()]);
      await side.ctx.dbh.query('UPDATE catalogue_import_jobs SET file_path = $1 WHERE id = $2', [
        join(dir, 'no-such-file.mrc'),
        job.id,
      ]);
      const missing = await runMarcImport(side.ctx.deps, job.id, { worker: true });
      expect(missing).toMatchObject({ status: 'failed', failure: 'file not found' });
    },
    SLOW,
  );
});
