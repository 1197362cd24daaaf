// A lend or a return changes only the record's availability (migration 0181): the search postings take the new
// availability mask in place (updated, not deleted and rewritten), while an edit of anything the postings
// hold still rebuilds them, and the OAI-PMH datestamp moves for every edit but not for availability: it follows
// `version` and `updated_at`, which every edit moves (migration 0212).
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/sql.server.ts';
import type { Actor } from '../../lib/authz.ts';
import type { TestContext } from '../../test/harness.ts';
import { checkin, checkout, type Desk } from './circulation.desk.usecases.server.ts';
import { insertRecord, lendableCopies, openDeskFixture, txn, walkIn } from './circulation.test-helpers.ts';

let ctx: TestContext;
let staff: Actor;
let desk: Desk;
let libraryId: string;

beforeAll(async () => {
  ({ ctx, staff, libraryId, desk } = await openDeskFixture());
}, 180_000);
afterAll(() => ctx.close());

/** The record's postings: word → availability mask (1 available, 2 on loan; catalogue_availability_mask). */
const postings = async (rec: string) =>
  Object.fromEntries(
    (
      await ctx.dbh.query<{ word: string; a: number }>(
        `SELECT p.word, p.availability AS a FROM catalogue_postings p
         JOIN catalogue_records r ON r.seq = p.seq WHERE r.id = $1 ORDER BY p.word`,
        [rec],
      )
    ).map((r) => [r.word, r.a]),
  );
const datestamp = async (rec: string) =>
  (
    await ctx.dbh.query<{ d: string }>(
      'SELECT datestamp::text AS d FROM catalogue_oai_items WHERE record_id = $1',
      [rec],
    )
  )[0]?.d;

/**
 * Runs `statement` in a transaction and answers what it did to the postings table: the difference of the
 * transaction's counts around it (they may also hold earlier counts not yet flushed to the shared statistics).
 */
async function postingsWrites(statement: SQL) {
  return ctx.deps.db.transaction(async (tx) => {
    const counts = async () =>
      (
        await queryRows<{ ins: number; upd: number; del: number }>(
          tx,
          sql`SELECT n_tup_ins::int AS ins, n_tup_upd::int AS upd, n_tup_del::int AS del
            FROM pg_stat_xact_user_tables WHERE relid = 'catalogue_postings'::regclass`,
        )
      )[0] ?? { ins: 0, upd: 0, del: 0 };
    const before = await counts();
    await tx.execute(statement);
    const after = await counts();
    return { ins: after.ins - before.ins, upd: after.upd - before.upd, del: after.del - before.del };
  });
}

describe('postings follow availability (migration 0181)', () => {
  it('a lend and a return set the postings’ availability; the OAI datestamp stays', async () => {
    const rec = await insertRecord(ctx, libraryId, 'Tuổi thơ dữ dội');
    await ctx.dbh.query(
      "UPDATE catalogue_records SET search_title = 'tuoi tho du doi', availability = '{available}' WHERE id = $1",
      [rec],
    );
    const [code] = await lendableCopies(ctx, staff, libraryId, rec, 1);
    const words = Object.keys(await postings(rec));
    expect(words).toEqual(['doi', 'du', 'tho', 'tuoi']);
    expect(Object.values(await postings(rec))).toEqual([1, 1, 1, 1]);
    const stamp = await datestamp(rec);

    const reader = await walkIn(ctx, staff, libraryId);
    await checkout(ctx.deps, staff, desk, { card: reader.cardNumber, barcode: code as string, txnId: txn() });
    expect(await postings(rec)).toEqual({ doi: 2, du: 2, tho: 2, tuoi: 2 });
    await checkin(ctx.deps, staff, desk, { barcode: code as string });
    expect(await postings(rec)).toEqual({ doi: 1, du: 1, tho: 1, tuoi: 1 });
    expect(await datestamp(rec)).toBe(stamp);
  });

  it('an availability-only change updates the postings in place; other edits rebuild them', async () => {
    const rec = await insertRecord(ctx, libraryId, 'Dế mèn');
    await ctx.dbh.query("UPDATE catalogue_records SET search_title = 'de men' WHERE id = $1", [rec]);
    const stamp = await datestamp(rec);

    const onLoan = await postingsWrites(
      sql`UPDATE catalogue_records SET availability = '{on_loan}' WHERE id = ${rec}`,
    );
    expect(onLoan).toEqual({ ins: 0, upd: 2, del: 0 });
    expect(await postings(rec)).toEqual({ de: 2, men: 2 });
    expect(await datestamp(rec)).toBe(stamp);

    // The same mask again ({on_loan} → {on_loan}): nothing to write.
    expect(
      await postingsWrites(sql`UPDATE catalogue_records SET availability = '{on_loan}' WHERE id = ${rec}`),
    ).toEqual({ ins: 0, upd: 0, del: 0 });

    // A title edit rebuilds (old words out, new words in), with the availability the record has.
    const edit = await postingsWrites(
      sql`UPDATE catalogue_records SET search_title = 'de men phieu luu ky', updated_at = now() WHERE id = ${rec}`,
    );
    expect(edit).toEqual({ ins: 5, upd: 0, del: 2 });
    expect(await postings(rec)).toEqual({ de: 2, ky: 2, luu: 2, men: 2, phieu: 2 });
    expect(await datestamp(rec)).not.toBe(stamp);

    // Availability and another facet in one statement: rebuilt once, with the new mask.
    await postingsWrites(
      sql`UPDATE catalogue_records SET availability = '{available,on_loan}', language = 'vie' WHERE id = ${rec}`,
    );
    expect(await postings(rec)).toEqual({ de: 3, ky: 3, luu: 3, men: 3, phieu: 3 });
  });

  it('the OAI trigger compares version and updated_at only (migration 0212)', async () => {
    const [def] = await ctx.dbh.query<{ d: string }>(
      `SELECT pg_get_triggerdef(t.oid) AS d FROM pg_trigger t
       WHERE t.tgrelid = 'catalogue_records'::regclass AND t.tgname = 'catalogue_oai_update'`,
    );
    const compared = [...new Set([...(def?.d ?? '').matchAll(/\b(?:old|new)\.(\w+)/gi)].map((m) => m[1]))];
    expect(compared.sort()).toEqual(['updated_at', 'version']);
  });

  it('the edit stamp watches every stored column but availability, version and updated_at', async () => {
    const [def] = await ctx.dbh.query<{ d: string }>(
      `SELECT pg_get_triggerdef(t.oid) AS d FROM pg_trigger t
       WHERE t.tgrelid = 'catalogue_records'::regclass AND t.tgname = 'catalogue_record_edit_stamp'`,
    );
    const watched = (/UPDATE OF (.*?) ON /.exec(def?.d ?? '')?.[1] ?? '').split(', ').sort();
    const columns = (await storedColumns()).filter((c) => !['version', 'updated_at'].includes(c));
    // A column added to catalogue_records must be added to the trigger's UPDATE OF list (a new migration).
    expect(watched).toEqual(columns);
  });

  it('an availability-only update moves neither version nor the OAI datestamp', async () => {
    const rec = await insertRecord(ctx, libraryId, 'Cho tôi xin một vé đi tuổi thơ');
    const before = { stamp: await datestamp(rec), version: await version(rec) };
    await ctx.dbh.query("UPDATE catalogue_records SET availability = '{on_loan}' WHERE id = $1", [rec]);
    expect({ stamp: await datestamp(rec), version: await version(rec) }).toEqual(before);
  });

  it('every metadata edit moves the OAI datestamp, even one that moves no version itself', async () => {
    const rec = await insertRecord(ctx, libraryId, 'Mắt biếc');
    // A new value for each stored column, written the way a forgetful writer would: that column alone.
    const changed: Record<string, string> = {
      type: "'serial'",
      source: "'csv'",
      published: 'NOT published',
      year: 'coalesce(year, 1990) + 1',
      created_at: "created_at - interval '1 day'",
      unit_id: `(SELECT id FROM units WHERE id <> '${libraryId}' ORDER BY id LIMIT 1)`,
    };
    const byType: Record<string, (c: string) => string> = {
      text: (c) => `coalesce(${c}, '') || 'x'`,
      array: (c) => `array_append(${c}, 'x')`,
      jsonb: (c) => `coalesce(${c}, '{}') || '{"x": 1}'`,
    };
    const types = await ctx.dbh.query<{ c: string; t: string }>(
      `SELECT column_name AS c, data_type AS t FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = 'catalogue_records' AND is_generated = 'NEVER'`,
    );
    // The keys are never rewritten (`seq` cannot be); version and updated_at are the stamp itself.
    // Published last: an edit of an unpublished record leaves its tombstone's datestamp as it is.
    const edits = types
      .filter((x) => !['id', 'seq', 'availability', 'version', 'updated_at'].includes(x.c))
      .sort((x, y) => Number(x.c === 'published') - Number(y.c === 'published'));
    expect(edits.length).toBeGreaterThan(20);
    for (const { c, t } of edits) {
      const value = changed[c] ?? byType[t.toLowerCase()]?.(c);
      expect(value, `a new value for ${c} (${t})`).toBeDefined();
      // An old datestamp to move away from (PGlite's clock may give two statements the same millisecond).
      await ctx.dbh.query("UPDATE catalogue_oai_items SET datestamp = '2001-01-01Z' WHERE record_id = $1", [
        rec,
      ]);
      const before = { stamp: await datestamp(rec), version: await version(rec) };
      await ctx.dbh.query(`UPDATE catalogue_records SET ${c} = ${value} WHERE id = $1`, [rec]);
      const after = { stamp: await datestamp(rec), version: await version(rec) };
      expect(after.stamp, c).not.toBe(before.stamp);
      expect(after.version, c).toBe(before.version + 1);
    }
  });
});

async function storedColumns() {
  return (
    await ctx.dbh.query<{ c: string }>(
      `SELECT column_name AS c FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = 'catalogue_records'
         AND is_generated = 'NEVER' AND column_name <> 'availability' ORDER BY 1`,
    )
  )
    .map((r) => r.c)
    .sort();
}
const version = async (rec: string) =>
  (await ctx.dbh.query<{ v: number }>('SELECT version AS v FROM catalogue_records WHERE id = $1', [rec]))[0]
    ?.v ?? 0;
