// Requests from guests (no account): verified by a code to the contact they used, the same answer for known
// and unknown contacts, code guessing limited, and a deletion that leaves nothing naming them.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS } from '../../lib/authz.ts';
import { postForm } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { eventInput, guest, insertPlace } from '../events/events.test-helpers.ts';
import { createEvent } from '../events/events.usecases.server.ts';
import { registerForEvent } from '../events/events-registration.usecases.server.ts';
import { freshPhone, latestCode } from '../learners/learners.test-helpers.ts';
import { actorOn, auditCount, unitIdOf } from '../units/units.test-helpers.ts';
import { completeRequest, exportForRequest, openRequests } from './privacy.usecases.server.ts';

let ctx: TestContext;
let admin: Actor;
const tag = randomBytes(4).toString('hex');
const NAME = `Khách Riêng Tư ${tag}`;
const PHONE = freshPhone();
const NATIONAL = `0${PHONE.slice(3)}`;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await actorOn(ctx, 'administrator', 'so-vhttdl');
  const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  const placeId = await insertPlace(ctx, 'thu-vien-tinh', 'Phòng đọc');
  const eventId = await createEvent(
    ctx.deps,
    staff,
    eventInput(await unitIdOf(ctx, 'thu-vien-tinh'), placeId),
  );
  await registerForEvent(ctx.deps, ANONYMOUS, eventId, guest({ name: NAME, phone: NATIONAL, email: null }));
}, 180_000);
afterAll(() => ctx?.close());

const send = (contact: string, kind = 'deletion') =>
  postForm(ctx, '/privacy/request', { intent: 'send', kind, contact, details: '' });
const verify = (contact: string, code: string, kind = 'deletion') =>
  postForm(ctx, '/privacy/request', { intent: 'verify', kind, contact, details: 'Xin xoá', code });

describe('guest data-subject requests', () => {
  it('answers a known and an unknown contact alike (no enumeration)', async () => {
    const other = freshPhone();
    const a = await send(NATIONAL);
    const b = await send(other);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    const strip = (html: string, c: string) =>
      html
        .split(c)
        .join('CONTACT')
        .replace(/nonce="[^"]*"/g, 'nonce');
    expect(strip(await a.text(), PHONE)).toBe(strip(await b.text(), other));
    // Nonsense contact or kind: a message, never a 500.
    expect((await send('not a contact')).status).toBe(422);
    expect((await send(NATIONAL, 'everything')).status).toBe(422);
    // A second code to the same address at once is refused (rate limit).
    expect((await send(NATIONAL)).status).toBe(429);
  });

  it('a code dies after a few wrong guesses', async () => {
    const victim = freshPhone();
    expect((await send(victim)).status).toBe(200);
    const right = await latestCode(ctx, victim);
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await verify(victim, wrong)).status).toBe(422);
    expect((await verify(victim, right)).status).toBe(422);
    expect((await openRequests(ctx.deps, admin)).some((r) => r.contact === victim)).toBe(false);
  });

  it('the right code files the request with its deadlines; staff export, then erase the guest', async () => {
    const code = await latestCode(ctx, PHONE);
    const res = await verify(NATIONAL, code);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toMatch(/Đã nhận yêu cầu số dsr_\w+\. Trả lời chậm nhất ngày \d{2}\/\d{2}\/\d{4}/);
    // Replaying the code does nothing.
    expect((await verify(NATIONAL, code)).status).toBe(422);

    const r = (await openRequests(ctx.deps, admin)).find((x) => x.contact === PHONE)!;
    expect(r).toMatchObject({ kind: 'deletion', channel: 'guest-form', userId: null });
    expect(await auditCount(ctx, 'privacy.request.create', r.id)).toBe(1);
    const queue = await (await ctx.request('/admin/privacy', { headers: { cookie: '' } })).status;
    expect(queue).toBeGreaterThanOrEqual(300);
    const data = await exportForRequest(ctx.deps, admin, r.id);
    expect(JSON.stringify(data.events)).toContain(NAME);
    await expect(
      exportForRequest(ctx.deps, await actorOn(ctx, 'unit_staff', 'thu-vien-tinh'), r.id),
    ).rejects.toMatchObject({ status: 403 });
    expect((await ctx.request(`/admin/privacy/requests/${r.id}/export.json`)).status).toBe(401);

    await completeRequest(ctx.deps, admin, r.id, { status: 'done', note: '' });
    for (const needle of [NAME, NATIONAL, PHONE]) {
      const hits = await ctx.dbh.query<{ n: number }>(
        `SELECT ((SELECT count(*) FROM event_registrations WHERE name = $1 OR phone = $1)
               + (SELECT count(*) FROM mail_outbox WHERE to_address = $1 OR body_text LIKE '%' || $1 || '%')
               + (SELECT count(*) FROM privacy_requests WHERE contact = $1))::int AS n`,
        [needle],
      );
      expect(hits[0]!.n, needle).toBe(0);
    }
  });
});
