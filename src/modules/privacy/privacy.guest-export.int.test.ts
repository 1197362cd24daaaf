// A guest downloads her own data through the link her verified access request gives her (on the confirmation
// page and in the SMS/e-mail): exactly her data, never another guest's; a wrong, altered, expired or another
// kind of request's link, or one whose request was rejected, is "not found"; never cached; each download
// audited; wrong tries limited per client IP.
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
import { exportLinkToken, MAX_WRONG_TRIES_PER_IP, openGuestExport } from './privacy.guest-export.server.ts';
import { completeRequest } from './privacy.usecases.server.ts';

let ctx: TestContext;
let admin: Actor;
const tag = randomBytes(4).toString('hex');
const HONG = { name: `Phạm Thị Hồng ${tag}`, phone: freshPhone() };
const LAN = { name: `Trần Thị Lan ${tag}`, email: `lan-${tag}@example.vn` };
const national = (e164: string) => `0${e164.slice(3)}`;

const LINK = /\/privacy\/export\/([A-Za-z0-9_-]{40,120})/;

/** Files an access request through the public form as the guest would; the confirmation page and its token. */
async function accessRequest(contact: string, address: string) {
  const send = await postForm(ctx, '/privacy/request', {
    intent: 'send',
    kind: 'access',
    contact,
    details: '',
  });
  expect(send.status).toBe(200);
  const code = await latestCode(ctx, address);
  const res = await postForm(ctx, '/privacy/request', {
    intent: 'verify',
    kind: 'access',
    contact,
    details: '',
    code,
  });
  expect(res.status).toBe(200);
  const page = await res.text();
  return { res, page, token: LINK.exec(page)?.[1] as string, ref: /dsr_[a-z0-9]+/.exec(page)?.[0] as string };
}

/** Every message the outbox holds for this address, newest first, as one text. */
async function outboxBody(to: string): Promise<string> {
  const rows = await ctx.dbh.query<{ body_text: string }>(
    'SELECT body_text FROM mail_outbox WHERE to_address = $1 ORDER BY created_at DESC',
    [to],
  );
  return rows.map((r) => r.body_text).join('\n');
}

const file = (token: string, ext: 'json' | 'csv') =>
  ctx.request(`/privacy/export/${token}/du-lieu-ca-nhan.${ext}`);

let hong: Awaited<ReturnType<typeof accessRequest>>;
let lan: Awaited<ReturnType<typeof accessRequest>>;

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
  await registerForEvent(
    ctx.deps,
    ANONYMOUS,
    eventId,
    guest({ name: HONG.name, phone: national(HONG.phone), email: null }),
  );
  await registerForEvent(ctx.deps, ANONYMOUS, eventId, guest({ name: LAN.name, email: LAN.email }));
  hong = await accessRequest(national(HONG.phone), HONG.phone);
  lan = await accessRequest(LAN.email, LAN.email);
}, 180_000);
afterAll(() => ctx?.close());

describe('a guest downloads her own data through her link', () => {
  it('the confirmation shows the link, not cached, and the same link reaches her phone', async () => {
    expect(hong.token).toBeTruthy();
    expect(hong.res.headers.get('cache-control')).toContain('no-store');
    expect(hong.page).toContain('Tải dữ liệu của bạn');
    // The URL carries the opaque token only: no phone, no name, no request number.
    expect(hong.token).not.toContain(HONG.phone.slice(3));
    expect(hong.token).not.toContain(hong.ref);
    const sms = await outboxBody(HONG.phone);
    expect(sms).toContain(`/privacy/export/${hong.token}`);
    expect(sms).toContain('7 ngày');
    expect(await outboxBody(LAN.email)).toContain(`/privacy/export/${lan.token}`);
  });

  it('the link opens a page and downloads exactly her data, JSON and CSV, never another guest’s', async () => {
    const page = await ctx.request(`/privacy/export/${hong.token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toContain('no-store');
    const html = await page.text();
    expect(html).toContain(hong.ref);
    expect(html).not.toContain(HONG.name);

    const json = await file(hong.token, 'json');
    expect(json.status).toBe(200);
    expect(json.headers.get('cache-control')).toBe('no-store');
    expect(json.headers.get('content-disposition')).toMatch(/^attachment;/);
    const body = await json.text();
    expect(JSON.stringify(JSON.parse(body).events)).toContain(HONG.name);
    expect(body).not.toContain(LAN.name);
    expect(body).not.toContain(LAN.email);

    const csv = await file(hong.token, 'csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const csvText = await csv.text();
    expect(csvText).toContain(HONG.name);
    expect(csvText).not.toContain(LAN.name);

    const other = await (await file(lan.token, 'json')).text();
    expect(other).toContain(LAN.name);
    expect(other).not.toContain(HONG.name);
    expect(other).not.toContain(national(HONG.phone));

    expect(await auditCount(ctx, 'privacy.request.download', hong.ref)).toBe(2);
    expect(await auditCount(ctx, 'privacy.request.download', lan.ref)).toBe(1);
  });

  it('answers 404 to a tampered, forged, expired or wrong-kind link, or a wrong file name', async () => {
    const flip = (s: string, i: number) => `${s.slice(0, i)}${s[i] === 'A' ? 'B' : 'A'}${s.slice(i + 1)}`;
    const expired = exportLinkToken(
      { config: ctx.deps.config, now: () => new Date(Date.now() - 8 * 24 * 60 * 60_000) },
      hong.ref,
    ).token;
    const forged = exportLinkToken(
      { config: { ...ctx.deps.config, sessionSecret: 'x'.repeat(40) }, now: () => new Date() },
      hong.ref,
    ).token;
    const unknown = exportLinkToken(ctx.deps, 'dsr_aaaaaaaaaaaaaaaa').token;
    for (const token of [
      flip(hong.token, 20),
      flip(hong.token, hong.token.length - 2),
      hong.token.slice(0, -4),
      forged,
      expired,
      unknown,
      'nothing',
    ]) {
      expect((await file(token, 'json')).status, token).toBe(404);
      expect((await ctx.request(`/privacy/export/${token}`)).status, token).toBe(404);
    }
    expect((await ctx.request(`/privacy/export/${hong.token}/export.json`)).status).toBe(404);
    // A link sealed for a request that is not an access request opens nothing.
    const deletion = await ctx.deps.repos.privacy.insert(ctx.deps.db, {
      kind: 'deletion',
      userId: null,
      channel: 'guest-form',
      details: '',
      receivedAt: new Date(),
      replyDue: '2030-01-02',
      completeDue: '2030-01-20',
      contact: HONG.phone,
    });
    expect((await file(exportLinkToken(ctx.deps, deletion).token, 'json')).status).toBe(404);
    expect(await auditCount(ctx, 'privacy.request.download', hong.ref)).toBe(2);
  });

  it('a rejected request’s link stops working', async () => {
    await completeRequest(ctx.deps, admin, lan.ref, { status: 'rejected', note: '' });
    expect((await file(lan.token, 'json')).status).toBe(404);
  });

  it('limits wrong tries per client IP (then even a good link waits)', async () => {
    const ip = `203.0.113.${randomBytes(1)[0]}`;
    for (let i = 0; i < MAX_WRONG_TRIES_PER_IP; i++)
      await expect(openGuestExport(ctx.deps, 'wrong-token', ip)).rejects.toMatchObject({ status: 404 });
    await expect(openGuestExport(ctx.deps, hong.token, ip)).rejects.toMatchObject({ status: 429 });
    await expect(openGuestExport(ctx.deps, hong.token, '198.51.100.7')).resolves.toMatchObject({
      request: { id: hong.ref },
    });
  });
});
