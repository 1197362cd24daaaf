// "Available now" (issue 15): lending and returning a copy moves its title in and out of the catalogue search's
// availability filter and facet, through the catalogue's holdings port, without touching its OAI-PMH datestamp.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS } from '../../lib/authz.ts';
import type { TestContext } from '../../test/harness.ts';
import { SearchQuerySchema } from '../catalogue/catalogue.schemas.server.ts';
import { createCatalogueRecord, searchCatalogue } from '../catalogue/catalogue.usecases.server.ts';
import { checkin, checkout, type Desk, markItem } from './circulation.desk.usecases.server.ts';
import { addItem } from './circulation.readers.usecases.server.ts';
import { openDeskFixture, txn, walkIn } from './circulation.test-helpers.ts';

let ctx: TestContext;
let staff: Actor;
let desk: Desk;
let libraryId: string;

beforeAll(async () => {
  ({ ctx, staff, libraryId, desk } = await openDeskFixture());
}, 180_000);
afterAll(() => ctx.close());

/** A published record made through the catalogue (so it is searchable) with `n` lendable copies. */
async function titleWithCopies(title: string, n: number): Promise<{ rec: string; codes: string[] }> {
  const codes = Array.from({ length: n }, (_, i) => `AN${title.length}${i}${Date.now() % 100000}`);
  const rec = await createCatalogueRecord(ctx.deps, staff, {
    type: 'book',
    title,
    creators: [],
    subjects: [],
    unitId: libraryId,
    published: true,
    details: {},
    holdings: codes.map((barcode) => ({ availability: 'available', barcode })),
  } as Parameters<typeof createCatalogueRecord>[2]);
  for (const barcode of codes)
    await addItem(ctx.deps, staff, { barcode, itemKind: 'book', homePlaceId: null, homeRouteId: null });
  return { rec: rec.id, codes };
}

const availableNow = async (q: string) =>
  (await searchCatalogue(ctx.deps, ANONYMOUS, SearchQuerySchema.parse({ q, availability: 'available' })))
    .total;
const facet = async (q: string) =>
  (await searchCatalogue(ctx.deps, ANONYMOUS, SearchQuerySchema.parse({ q }))).facets.availability.map(
    (f) => f.value,
  );
const datestamp = async (id: string) =>
  (
    await ctx.dbh.query<{ d: string }>(
      'SELECT datestamp::text AS d FROM catalogue_oai_items WHERE record_id = $1',
      [id],
    )
  )[0]?.d;

describe('available now', () => {
  it('follows lending: out when every copy is lent, back when one returns; no OAI change', async () => {
    const { rec, codes } = await titleWithCopies('Quê nội Võ Quảng', 2);
    expect(await availableNow('que noi')).toBe(1);
    const stamp = await datestamp(rec);
    const reader = await walkIn(ctx, staff, libraryId);
    for (const barcode of codes)
      await checkout(ctx.deps, staff, desk, { card: reader.cardNumber, barcode, txnId: txn() });
    expect(await availableNow('que noi')).toBe(0);
    expect(await facet('que noi')).toEqual(['on_loan']);
    expect(await datestamp(rec)).toBe(stamp);
    await checkin(ctx.deps, staff, desk, { barcode: codes[0] as string });
    expect(await availableNow('que noi')).toBe(1);
    expect((await facet('que noi')).sort()).toEqual(['available', 'on_loan']);
  });

  it('takes a lost copy out of "available now"', async () => {
    const {
      codes: [code],
    } = await titleWithCopies('Đất rừng phương Nam', 1);
    expect(await availableNow('dat rung phuong nam')).toBe(1);
    await markItem(ctx.deps, staff, desk, { barcode: code as string, as: 'lost' });
    expect(await availableNow('dat rung phuong nam')).toBe(0);
  });
});
