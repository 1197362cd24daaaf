// The bulk path of a MARC import (migration 0185, ADR 0007 addendum 5) leaves the search exactly as the
// row-by-row path does: the same file imported both ways into two databases gives the same postings, title
// pairs, facet rows and OAI items per record, and the same search answers. Records queued and not yet
// indexed when a run stopped (a crash) — then edited, unpublished or deleted — are indexed by the next run's
// flush exactly as the row path indexed them.
import { mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../lib/authz.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { actorOn, unitIdOf } from '../../units/units.test-helpers.ts';
import { generator } from '../catalogue.demo-data.server.ts';
import { generatedRecord } from '../catalogue.seed.server.ts';
import { generatedMarcRecord } from './generated-marc.ts';
import { runMarcImport, startMarcImport } from './import.server.ts';

const RECORDS = 1500; // two batches

function marcFile(count: number, seed: number, prefix: string): Uint8Array[] {
  const next = generator(seed);
  return Array.from({ length: count }, (_, i) => generatedMarcRecord(next(), `${prefix}${i}`, 'VN-TEST'));
}

interface Side {
  ctx: TestContext;
  actor: Actor;
  unitId: string;
}
const sides: Record<'row' | 'bulk', Side> = {} as Record<'row' | 'bulk', Side>;
let dir: string;
let queries: string[] = [];

const importFile = async (side: Side, name: string, chunks: Uint8Array[], bulk: boolean) => {
  const path = join(dir, name);
  await writeFile(path, chunks);
  const job = await startMarcImport(side.ctx.deps, side.actor, {
    fileName: name,
    format: 'iso2709',
    filePath: path,
    fileSize: (await stat(path)).size,
    unitId: side.unitId,
    publish: true,
  });
  return runMarcImport(side.ctx.deps, job.id, { bulk });
};

/** Everything search reads, per record (by control number, not seq: the two databases number differently). */
async function searchState(ctx: TestContext) {
  const q = <T>(text: string) => ctx.dbh.query<T & { c: string }>(text);
  const postings = await q<{ w: string }>(
    `SELECT r.control_number AS c, p.word || '|' || p.type || '|' || p.language || '|' || coalesce(p.decade, -1)
       || '|' || p.availability AS w
     FROM catalogue_postings p JOIN catalogue_records r ON r.seq = p.seq ORDER BY 1, 2`,
  );
  const pairs = await q<{ w: string }>(
    `SELECT r.control_number AS c, t.pair AS w FROM catalogue_title_pairs t
     JOIN catalogue_records r ON r.seq = t.seq ORDER BY 1, 2`,
  );
  const docs = await q<{ w: string }>(
    `SELECT r.control_number AS c, d.published || '|' || d.type || '|' || coalesce(d.decade, -1) AS w
     FROM catalogue_search_docs d JOIN catalogue_records r ON r.seq = d.seq ORDER BY 1, 2`,
  );
  const oai = await q<{ w: string }>(
    `SELECT r.control_number AS c, o.deleted::text AS w FROM catalogue_oai_items o
     JOIN catalogue_records r ON r.id = o.record_id ORDER BY 1, 2`,
  );
  const words = await q<{ w: string }>(
    `SELECT '' AS c, word || '|' || ndoc AS w FROM catalogue_words ORDER BY 2`,
  );
  return { postings, pairs, docs, oai, words };
}

/**
 * Search answers, compared where they do not depend on record numbering: the two writers of an import take
 * `seq` numbers in whichever order their statements run, and a large result is a sample of seq strata. An
 * exact result (all of it ranked) gives its total, facets and — up to a page of 100 — every hit.
 */
async function answers(ctx: TestContext) {
  const out: unknown[] = [];
  for (const q of queries) {
    const r = await ctx.deps.repos.catalogueSearch.search(ctx.deps.db, {
      q,
      filters: {},
      sort: 'relevance',
      page: 1,
      pageSize: 100,
    });
    if (r.totalEstimated) {
      out.push({ q, estimated: true });
      continue;
    }
    const numbers = await ctx.dbh.query<{ c: string }>(
      'SELECT control_number AS c FROM catalogue_records WHERE id = ANY($1::text[]) ORDER BY 1',
      [r.hits.map((h) => h.id)],
    );
    out.push({
      q,
      total: r.total,
      // Values of equal count come in no set order.
      facets: Object.fromEntries(
        Object.entries(r.facets).map(([k, v]) => [k, [...v].sort((a, b) => a.value.localeCompare(b.value))]),
      ),
      hits: r.total <= 100 ? numbers.map((n) => n.c) : r.hits.length,
    });
  }
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marc-bulk-'));
  for (const key of ['row', 'bulk'] as const) {
    const ctx = await createTestContext();
    sides[key] = {
      ctx,
      actor: await actorOn(ctx, 'unit_staff', 'thu-vien-tinh'),
      unitId: await unitIdOf(ctx, 'thu-vien-tinh'),
    };
  }
  const next = generator(41);
  queries = Array.from({ length: 24 }, (_, i) => {
    const g = next();
    const words = g.title.split(' ');
    return i % 3 === 0 ? g.title : i % 3 === 1 ? words.slice(-2).join(' ') : `${g.creators[0] ?? g.title}`;
  }).concat(['văn hóa', 'lịch sử việt nam', 'tỉnh', 'chăm']);
});
afterAll(async () => {
  await sides.row?.ctx.close();
  await sides.bulk?.ctx.close();
});

describe('MARC import: the bulk path indexes exactly as the row-by-row path', () => {
  it('gives the same postings, pairs, facet rows, OAI items, dictionary and search answers', async () => {
    const file = marcFile(RECORDS, 41, 'B');
    const row = await importFile(sides.row, 'a.mrc', file, false);
    const bulk = await importFile(sides.bulk, 'a.mrc', file, true);
    expect(bulk.imported).toBe(RECORDS);
    expect(row.imported).toBe(RECORDS);
    const pending = await sides.bulk.ctx.dbh.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM catalogue_postings_pending',
    );
    expect(pending[0]?.n).toBe(0);
    const [a, b] = [await searchState(sides.row.ctx), await searchState(sides.bulk.ctx)];
    expect(b.postings.length).toBeGreaterThan(RECORDS * 5);
    expect(b.pairs.length).toBeGreaterThan(RECORDS);
    expect(b).toEqual(a);
    const [qa, qb] = [await answers(sides.row.ctx), await answers(sides.bulk.ctx)];
    expect(qa.filter((x) => (x as { hits?: unknown }).hits).length).toBeGreaterThan(10);
    expect(qb).toEqual(qa);
  });

  it('indexes records left queued by a stopped run, after edits, unpublishing and deletion', async () => {
    // A run that stopped after committing batches but before its flush: the records are queued.
    const { ctx, unitId } = sides.bulk;
    const next = generator(77);
    const built = Array.from({ length: 40 }, (_, i) => {
      const b = generatedRecord(next(), unitId, { published: true, description: null, details: {} });
      return { ...b, record: { ...b.record, controlNumber: `Q${i}`, controlSource: 'VN-TEST' } };
    });
    const write = async (c: TestContext, defer: boolean) =>
      c.deps.db.transaction(async (tx) => {
        if (defer) await c.deps.repos.catalogueImports.deferPostings(tx);
        await c.deps.repos.catalogue.insertRecords(
          tx,
          built.map((b) => b.record),
          built.map((b) => b.holding),
        );
      });
    await write(ctx, true);
    await write(sides.row.ctx, false);
    const queued = await ctx.dbh.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM catalogue_postings_pending q
       JOIN catalogue_records r ON r.seq = q.seq WHERE r.control_number LIKE 'Q%'`,
    );
    expect(queued[0]?.n).toBe(40);
    const notYet = await ctx.dbh.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM catalogue_postings p JOIN catalogue_records r ON r.seq = p.seq
       WHERE r.control_number LIKE 'Q%'`,
    );
    expect(notYet[0]?.n).toBe(0);
    // The same edits on both sides while queued: a new title, other words, unpublished, deleted.
    for (const c of [ctx, sides.row.ctx]) {
      const id = async (n: string) =>
        (
          await c.dbh.query<{ id: string }>('SELECT id FROM catalogue_records WHERE control_number = $1', [n])
        )[0]?.id;
      const retitled = built[0]?.record;
      if (!retitled) throw new Error('no record');
      await c.deps.repos.catalogue.updateRecord(
        c.deps.db,
        { ...retitled, id: (await id('Q0')) ?? '', title: 'Tìm hiểu văn hóa Chăm xưa' },
        null,
      );
      // Its other words only: the update trigger writes its postings, not its pairs (title unchanged).
      await c.dbh.query(
        "UPDATE catalogue_records SET search_extra = 'nguyen van xuan' WHERE control_number = $1",
        ['Q3'],
      );
      await c.dbh.query('UPDATE catalogue_records SET published = false WHERE control_number = $1', ['Q1']);
      await c.dbh.query('DELETE FROM catalogue_records WHERE control_number = $1', ['Q2']);
    }
    // The next run (here: a small file on the row path) flushes every queued record before it ends.
    await importFile(sides.bulk, 'b.mrc', marcFile(3, 5, 'C'), false);
    await importFile(sides.row, 'b.mrc', marcFile(3, 5, 'C'), false);
    const left = await ctx.dbh.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM catalogue_postings_pending',
    );
    expect(left[0]?.n).toBe(0);
    const [a, b] = [await searchState(sides.row.ctx), await searchState(ctx)];
    expect(b.postings.filter((p) => p.c === 'Q0').map((p) => p.w.split('|')[0])).toContain('cham');
    expect(b.postings.some((p) => p.c === 'Q1' || p.c === 'Q2')).toBe(false);
    expect(b.postings.filter((p) => p.c === 'Q3').map((p) => p.w.split('|')[0])).toContain('xuan');
    expect(b.pairs.some((p) => p.c === 'Q3')).toBe(true);
    // The dictionary is the import's (addWords), not the trigger's: the records written here skip it alike.
    expect({ ...b, words: [] }).toEqual({ ...a, words: [] });
    queries = ['Tìm hiểu văn hóa Chăm xưa', ...queries];
    expect(await answers(ctx)).toEqual(await answers(sides.row.ctx));
  });
});
