// The van's offline queue synced: nothing lost, nothing applied twice, conflicts by the stated rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/authz.ts';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { checkin, checkout } from './circulation.desk.usecases.server.ts';
import { type SyncInput, syncOffline } from './circulation.sync.server.ts';
import { insertRecord, lendableCopies, txn, walkIn } from './circulation.test-helpers.ts';

let ctx: TestContext;
let staff: Actor;
let libraryId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  libraryId = await unitIdOf(ctx, 'thu-vien-tinh');
}, 180_000);
afterAll(() => ctx.close());

const count = async (sql: string, params: unknown[]) =>
  (await ctx.dbh.query<{ n: number }>(sql, params))[0]?.n ?? 0;

describe('offline sync', () => {
  it('applies 20 lends, 5 returns and a new reader once, whatever the replays; a return made elsewhere meanwhile is not undone', async () => {
    const rec = await insertRecord(ctx, libraryId, 'Sách trên xe');
    const codes = await lendableCopies(ctx, staff, libraryId, rec, 20);
    const readers = await Promise.all(Array.from({ length: 4 }, () => walkIn(ctx, staff, libraryId)));
    const t0 = Date.now() - 3_600_000;
    const lends = codes.map((barcode, i) => ({
      kind: 'checkout' as const,
      txnId: txn(),
      at: new Date(t0 + i * 1000),
      card: readers[i % 4]?.cardNumber as string,
      barcode,
    }));
    const returns = codes.slice(0, 5).map((barcode, i) => ({
      kind: 'checkin' as const,
      txnId: txn(),
      at: new Date(t0 + 60_000 + i * 1000),
      barcode,
    }));
    const register = {
      kind: 'register' as const,
      txnId: txn(),
      at: new Date(t0 + 120_000),
      name: 'Bạn đọc mới ở điểm dừng',
      phone: null,
      birthYear: 1975,
      guardianName: null,
      consent: true as const,
    };
    const batch: SyncInput = {
      deviceId: 'van-1',
      unitId: libraryId,
      routeId: null,
      transactions: [register, ...returns, ...lends],
    };
    // The first 10 reach the server, then the connection drops; meanwhile a second device (a desk) takes back
    // copy 7, lent in that first part.
    await syncOffline(ctx.deps, staff, { ...batch, transactions: lends.slice(0, 10) });
    await checkin(
      ctx.deps,
      staff,
      { unitId: libraryId, placeId: null, routeId: null },
      { barcode: codes[6] as string },
    );
    const all = await syncOffline(ctx.deps, staff, batch);
    const again = await syncOffline(ctx.deps, staff, batch);
    // The replay answers exactly what the first sync did: the new reader's card number included.
    expect(again).toEqual(all);
    expect(all.filter((r) => r.outcome === 'refused')).toEqual([]);
    expect(all.find((r) => r.txnId === register.txnId)?.cardNumber).toMatch(/^\d{12}$/);
    expect(await count('SELECT count(*)::int AS n FROM circulation_loans WHERE record_id = $1', [rec])).toBe(
      20,
    );
    // Open: 20 lent − 5 returned at the van − copy 7 returned at the desk.
    expect(
      await count(
        'SELECT count(*)::int AS n FROM circulation_loans WHERE record_id = $1 AND returned_at IS NULL',
        [rec],
      ),
    ).toBe(14);
    expect(
      await count(
        "SELECT count(*)::int AS n FROM circulation_readers WHERE name = 'Bạn đọc mới ở điểm dừng'",
        [],
      ),
    ).toBe(1);
    expect(
      await count('SELECT count(*)::int AS n FROM circulation_offline_txns WHERE device_id = $1', ['van-1']),
    ).toBe(26);
  });

  it('lends to a reader blocked meanwhile and a copy the server had on loan elsewhere, flagged for follow-up', async () => {
    const rec = await insertRecord(ctx, libraryId, 'Sách xung đột');
    const [a, b] = await lendableCopies(ctx, staff, libraryId, rec, 2);
    const blocked = await walkIn(ctx, staff, libraryId);
    const other = await walkIn(ctx, staff, libraryId);
    await ctx.dbh.query(
      "UPDATE circulation_readers SET status = 'blocked', block_reason = 'Quá hạn' WHERE id = $1",
      [blocked.id],
    );
    await checkout(
      ctx.deps,
      staff,
      { unitId: libraryId, placeId: null, routeId: null },
      {
        card: other.cardNumber,
        barcode: b as string,
        txnId: txn(),
      },
    );
    const batch = {
      deviceId: 'van-2',
      unitId: libraryId,
      routeId: null,
      transactions: [
        {
          kind: 'checkout' as const,
          txnId: txn(),
          at: new Date(),
          card: blocked.cardNumber,
          barcode: a as string,
        },
        {
          kind: 'checkout' as const,
          txnId: txn(),
          at: new Date(),
          card: blocked.cardNumber,
          barcode: b as string,
        },
      ],
    };
    const r = await syncOffline(ctx.deps, staff, batch);
    expect(r.map((x) => x.flags)).toEqual([['readerBlocked'], ['readerBlocked', 'onLoan']]);
    // Said with its parameters (the reason of the block), so the van shows the whole message.
    expect(r[0]?.params).toMatchObject({ reason: 'Quá hạn', barcode: a });
    // The batch synced again answers word for word what it answered the first time.
    expect(await syncOffline(ctx.deps, staff, batch)).toEqual(r);
    expect(
      await count(
        'SELECT count(*)::int AS n FROM circulation_loans WHERE record_id = $1 AND returned_at IS NULL',
        [rec],
      ),
    ).toBe(2);
  });

  it('is an API for signed-in staff only, validating every field', async () => {
    const body = { deviceId: 'x', unitId: libraryId, routeId: null, transactions: [] };
    const anon = await ctx.request('/api/v1/circulation/sync', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(anon.status).toBe(401);
    const user = await signUpAndSignIn(ctx);
    await grantRoleAsSystem(ctx.deps, { userId: user.userId, role: 'unit_staff', unitId: libraryId });
    const post = (b: unknown) =>
      ctx.request('/api/v1/circulation/sync', {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: user.cookie },
        body: JSON.stringify(b),
      });
    expect((await post(body)).status).toBe(200);
    expect((await post({ ...body, extra: 1 })).status).toBe(400);
    expect(
      (await post({ ...body, transactions: [{ kind: 'steal', txnId: 'abcdefgh', at: 'x' }] })).status,
    ).toBe(400);
  });
});
