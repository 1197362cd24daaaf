// Erasure keeps the numbers true: after a deletion request is carried out, no table and no stored file holds
// the person's name, phone or e-mail, and the attendance the indicators count is the same as before.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorSources } from '../../app/registries.server.ts';
import { type Actor, ANONYMOUS } from '../../lib/authz.ts';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { awardManually, createAchievement } from '../credentials/credentials.usecases.server.ts';
import { eventInput, insertPlace } from '../events/events.test-helpers.ts';
import { createEvent } from '../events/events.usecases.server.ts';
import { checkIn } from '../events/events-attendance.usecases.server.ts';
import { registerForEvent } from '../events/events-registration.usecases.server.ts';
import { attendancePort } from '../events/index.server.ts';
import { follow } from '../follows/follows.usecases.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import {
  completeRequest,
  erasePersonalData,
  exportPersonalData,
  exportToCsv,
  subjectOf,
  submitRequest,
} from './privacy.usecases.server.ts';

let ctx: TestContext;
let staff: Actor;
let admin: Actor;

const tag = randomBytes(4).toString('hex');
const NAME = `Hoàng Thị Xoá ${tag}`;
const PHONE_NATIONAL = `09${String(Number.parseInt(tag, 16) % 100_000_000).padStart(8, '0')}`;
const PHONE_E164 = `+84${PHONE_NATIONAL.slice(1)}`;

beforeAll(async () => {
  ctx = await createTestContext();
  staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  admin = await actorOn(ctx, 'administrator', 'thu-vien-tinh');
}, 180_000);
afterAll(() => ctx?.close());

/** Every text-like column of every table (information_schema), and every stored file, searched for `needle`. */
async function whereFound(needle: string): Promise<string[]> {
  const cols = await ctx.dbh.query<{ t: string; c: string }>(
    `SELECT table_name AS t, column_name AS c FROM information_schema.columns
     WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`,
  );
  // One scan per table counting every column at once (a query per column was most of this file's time).
  const byTable = Map.groupBy(cols, (col) => col.t);
  const hits: string[] = [];
  for (const [t, tableCols] of byTable) {
    const counts = tableCols.map(
      ({ c }, i) => `count(*) FILTER (WHERE lower("${c}"::text) LIKE '%' || lower($1) || '%')::int AS n${i}`,
    );
    const [row] = await ctx.dbh.query<Record<string, number>>(`SELECT ${counts.join(', ')} FROM "${t}"`, [
      needle,
    ]);
    tableCols.forEach(({ c }, i) => {
      if ((row?.[`n${i}`] ?? 0) > 0) hits.push(`${t}.${c}`);
    });
  }
  const walk = (dir: string): string[] => {
    let entries: string[] = [];
    try {
      entries = readdirSync(dir);
    } catch {
      return [];
    }
    return entries.flatMap((e) => {
      const p = join(dir, e);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
  };
  for (const f of walk(ctx.deps.config.dataDir)) if (readFileSync(f).includes(needle)) hits.push(`file:${f}`);
  return hits;
}

async function attendanceNumbers(eventId: string) {
  const [row] = await ctx.dbh.query<{ n: number; people: number; regs: number }>(
    `SELECT (SELECT count(*)::int FROM event_attendance WHERE event_id = $1) AS n,
            (SELECT coalesce(sum(party_size), 0)::int FROM event_attendance WHERE event_id = $1) AS people,
            (SELECT count(*)::int FROM event_registrations WHERE event_id = $1 AND status = 'confirmed') AS regs`,
    [eventId],
  );
  return row;
}

/** Every indicator every module contributes, totals over all time, from the raw rows. */
async function allIndicators(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [key, source] of indicatorSources)
    out[key] = await source.compute(ctx.deps, {
      from: new Date('2000-01-01T00:00:00Z'),
      to: new Date('2100-01-01T00:00:00Z'),
      direct: true,
    });
  return out;
}

describe('a deletion request', () => {
  it('leaves no trace of the name, phone or e-mail anywhere, and the attendance numbers unchanged', async () => {
    const person = await signUpAndSignIn(ctx, { name: NAME });
    // The person as a signed-in citizen (no grants).
    const self = {
      ...(await actorOn(ctx, 'unit_staff')),
      userId: person.userId,
      email: person.email,
      name: NAME,
    } as Actor;
    const libraryId = await unitIdOf(ctx, 'thu-vien-tinh');
    const place = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh');
    const eventId = await createEvent(ctx.deps, staff, eventInput(libraryId, place));
    // Signed in, with a phone; and once more as a guest with the same name and phone (before the account).
    const mine = await registerForEvent(ctx.deps, self, eventId, {
      sessionId: null,
      name: NAME,
      phone: PHONE_NATIONAL,
      email: null,
      partySize: 2,
      consent: true,
      idempotencyKey: `erase-${tag}-1`,
    });
    const asGuest = await registerForEvent(ctx.deps, ANONYMOUS, eventId, {
      sessionId: null,
      name: NAME,
      phone: PHONE_NATIONAL,
      email: null,
      partySize: 1,
      consent: true,
      idempotencyKey: `erase-${tag}-2`,
    });
    const other = await registerForEvent(ctx.deps, ANONYMOUS, eventId, {
      sessionId: null,
      name: 'Người khác',
      phone: null,
      email: `khac-${tag}@example.vn`,
      partySize: 3,
      consent: true,
      idempotencyKey: `erase-${tag}-3`,
    });
    const session = (
      await ctx.dbh.query<{ id: string }>('SELECT id FROM event_sessions WHERE event_id = $1', [eventId])
    )[0]!.id;
    for (const r of [mine, asGuest, other]) {
      await checkIn(ctx.deps, staff, eventId, { sessionId: session, code: r.registration.ticketCode });
    }
    await follow(ctx.deps, self, { kind: 'unit', target: libraryId });
    const achievementId = await createAchievement(ctx.deps, staff, {
      unitId: libraryId,
      nameVi: 'Bạn đọc',
      criteriaVi: 'Đọc sách',
      imageAlt: 'Huy hiệu',
    });
    await awardManually(ctx.deps, staff, {
      achievementId,
      recipientEmail: person.email,
      reason: 'Đọc nhiều',
    });

    const subject = { ...(await subjectOf(ctx.deps, self)), phones: [PHONE_E164] };
    const exported = await exportPersonalData(ctx.deps, subject);
    expect(exported.events?.event_registrations).toHaveLength(2);
    expect(exported.auth?.users).toEqual([expect.objectContaining({ name: NAME, email: person.email })]);
    expect(exported.credentials?.credential_awards).toHaveLength(1);
    const csv = exportToCsv(exported);
    expect(csv).toContain('# events,event_registrations');
    expect(csv).toContain(NAME);

    expect(await whereFound(NAME)).not.toEqual([]);
    expect(await whereFound(person.email)).not.toEqual([]);
    expect(await whereFound(PHONE_NATIONAL)).not.toEqual([]);
    const before = await attendanceNumbers(eventId);
    const indicatorsBefore = await allIndicators();
    const yearOf = new Date(`${eventInput(libraryId, place).schedule.firstDate}T00:00:00Z`);
    const countBefore = await attendancePort.attendeesByCategory(ctx.deps, ctx.deps.db, {
      category: 'reading',
      from: new Date(0),
      to: new Date(yearOf.getTime() + 400 * 86_400_000),
      min: 1,
    });

    const request = await submitRequest(ctx.deps, self, { kind: 'deletion', details: '' });
    await completeRequest(ctx.deps, admin, request.id, { status: 'done', note: '' });
    // The guest registration is found by the phone the person verified (the guest form path).
    await erasePersonalData(ctx.deps, { userId: null, learnerIds: [], emails: [], phones: [PHONE_E164] });

    expect(await whereFound(NAME)).toEqual([]);
    expect(await whereFound(person.email)).toEqual([]);
    expect(await whereFound(PHONE_NATIONAL)).toEqual([]);
    expect(await whereFound(PHONE_E164)).toEqual([]);
    expect(await attendanceNumbers(eventId)).toEqual(before);
    // Every indicator every module contributes is equal too.
    expect(await allIndicators()).toEqual(indicatorsBefore);
    expect(before).toEqual({ n: 3, people: 6, regs: 3 });
    const countAfter = await attendancePort.attendeesByCategory(ctx.deps, ctx.deps.db, {
      category: 'reading',
      from: new Date(0),
      to: new Date(yearOf.getTime() + 400 * 86_400_000),
      min: 1,
    });
    // Signed-in attendance per person is gone with the person; the anonymous totals above are unchanged.
    expect(countAfter.length).toBe(countBefore.length - 1);
    expect(await whereFound('khac-')).not.toEqual([]);
  }, 180_000);
});
