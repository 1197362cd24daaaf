import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../lib/i18n.server.ts';
import { postForm, signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { eventInput, insertPlace, outboxTo } from './events.test-helpers.ts';
import { createEvent } from './events.usecases.server.ts';

let ctx: TestContext;
let eventId: string;
let staffCookie: string;

beforeAll(async () => {
  ctx = await createTestContext({ config: { DATA_DIR: mkdtempSync(join(tmpdir(), 'events-pages-')) } });
  const library = await unitIdOf(ctx, 'thu-vien-tinh');
  const place = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh Khánh Hòa', {
    lat: 12.24,
    lng: 109.19,
  });
  const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  eventId = await createEvent(ctx.deps, staff, eventInput(library, place, { capacity: 1 }));
  const librarian = await signUpAndSignIn(ctx, { name: 'Nguyễn Thị Thư' });
  await grantRoleAsSystem(ctx.deps, { userId: librarian.userId, role: 'unit_staff', unitId: library });
  staffCookie = librarian.cookie;
}, 180_000); // a loaded CI machine needs more than the default hook timeout
afterAll(() => ctx.close());

const guestForm = (over: Record<string, string> = {}) => ({
  name: 'Lê Thị Hoa',
  phone: '',
  email: `hoa-${Math.random().toString(36).slice(2)}@example.vn`,
  partySize: '1',
  consent: 'yes',
  idempotencyKey: `page-${Math.random().toString(36).slice(2)}`,
  ...over,
});

describe('public event pages (no JavaScript)', () => {
  it('shows the event with schema.org JSON-LD and a registration form, in the list for 21/4', async () => {
    const page = await ctx.request(`/events/${eventId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('"@type":"Event"');
    expect(html).toContain('"startDate":"2027-04-21T01:00:00.000Z"');
    expect(html).toContain('name="idempotencyKey"');
    expect(html).not.toContain('<script type="module"');
    const list = await (await ctx.request('/events?day=21/04/2027')).text();
    expect(list).toContain(`/events/${eventId}`);
    const otherDay = await (await ctx.request('/events?day=2027-04-22')).text();
    expect(otherDay).not.toContain(`/events/${eventId}`);
  });

  it('registers a guest through the form, once per idempotency key, and shows the escaped name and QR', async () => {
    const form = guestForm({ name: '<script>alert(1)</script>' });
    const res = await postForm(ctx, `/events/${eventId}`, form);
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(/^\/events\/tickets\/[A-Z2-9-]{14}\?new=1$/);
    const again = await postForm(ctx, `/events/${eventId}`, form);
    // The same ticket again, said to be the one already held (issue 19).
    expect(again.headers.get('location')).toBe(location.replace('new=1', 'again=1'));
    const ticket = await (await ctx.request(location)).text();
    expect(ticket).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(ticket).not.toContain('<script>alert(1)');
    expect(ticket).toContain('<svg');
    expect(await outboxTo(ctx, form.email)).toHaveLength(1);
  });

  it('answers bad input with the message next to the field', async () => {
    const res = await postForm(ctx, `/events/${eventId}`, guestForm({ phone: '123', email: '' }));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(t('vi', 'events.error.invalidPhone'));
    const noConsent = await postForm(ctx, `/events/${eventId}`, guestForm({ consent: '' }));
    expect(await noConsent.text()).toContain(t('vi', 'events.error.consentRequired'));
  });

  it('puts the next guest on the waitlist when full, and a cancellation link only asks before cancelling', async () => {
    const second = guestForm();
    const res = await postForm(ctx, `/events/${eventId}`, second);
    const ticket = await (await ctx.request(res.headers.get('location') ?? '')).text();
    expect(ticket).toContain(t('vi', 'events.status.waitlisted', { position: 1 }));
    const mail = (await outboxTo(ctx, second.email))[0];
    const link = /\/events\/cancel\?token=[\w-]+/.exec(mail?.body_text ?? '')?.[0] as string;
    const view = await ctx.request(link);
    expect(await view.text()).toContain(t('vi', 'events.cancel.submit'));
    const token = new URL(link, 'http://x').searchParams.get('token') as string;
    const done = await postForm(ctx, '/events/cancel', { token });
    const doneHtml = await done.text();
    expect(doneHtml, doneHtml.slice(doneHtml.indexOf('<main'), doneHtml.indexOf('<main') + 1500)).toContain(
      t('vi', 'portal.ticket.cancelled'),
    );
  });
});

describe('API', () => {
  it('lists, shows and registers over /api/v1/events', async () => {
    const list = await ctx.request('/api/v1/events?from=2027-04-01&to=2027-04-30');
    const body = (await list.json()) as { sessions: Array<{ event: { id: string } }> };
    expect(body.sessions.some((s) => s.event.id === eventId)).toBe(true);
    const one = await ctx.request(`/api/v1/events/${eventId}`);
    expect(((await one.json()) as { sessions: unknown[] }).sessions).toHaveLength(1);
    const reg = await ctx.request(`/api/v1/events/${eventId}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Phạm Minh',
        phone: '+84 905 111 222',
        consent: true,
        idempotencyKey: 'api-key-0001',
      }),
    });
    expect(reg.status).toBe(201);
    expect(((await reg.json()) as { status: string }).status).toBe('waitlisted');
    const unknownField = await ctx.request(`/api/v1/events/${eventId}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'X',
        phone: '0905111222',
        consent: true,
        idempotencyKey: 'api-key-0002',
        admin: true,
      }),
    });
    expect(unknownField.status).toBe(400);
    const anonymousCreate = await ctx.request('/api/v1/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(anonymousCreate.status).toBe(401);
  });
});

describe('staff pages', () => {
  it('checks a typed ticket code in and refuses it the second time', async () => {
    const form = guestForm();
    const other = await createEvent(
      ctx.deps,
      await actorOn(ctx, 'unit_staff', 'thu-vien-tinh'),
      eventInput(await unitIdOf(ctx, 'thu-vien-tinh'), '', {
        placeId: null,
        onlineUrl: 'https://example.vn/live',
        capacity: 10,
      }),
    );
    const res = await postForm(ctx, `/events/${other}`, form);
    const code = /tickets\/([A-Z2-9-]+)/.exec(res.headers.get('location') ?? '')?.[1] as string;
    const page = await ctx.request(`/admin/events/${other}/check-in`, { headers: { cookie: staffCookie } });
    expect(page.status).toBe(200);
    const sessionId = /name="sessionId" value="([^"]+)"/.exec(await page.text())?.[1] as string;
    const first = await postForm(
      ctx,
      `/admin/events/${other}/check-in`,
      { intent: 'check-in', sessionId, code },
      { cookie: staffCookie },
    );
    expect(await first.text()).toContain(t('vi', 'events.checkin.done', { name: 'Lê Thị Hoa', count: 1 }));
    const second = await postForm(
      ctx,
      `/admin/events/${other}/check-in`,
      { intent: 'check-in', sessionId, code },
      { cookie: staffCookie },
    );
    expect(await second.text()).toContain('Vé đã được dùng lúc');
    const detail = await ctx.request(`/admin/events/${other}`, { headers: { cookie: staffCookie } });
    expect(await detail.text()).toContain(t('vi', 'events.admin.attendance', { count: 1 }));
  });

  it('uploads an event picture without JavaScript and shows it on the public page', async () => {
    const bytes = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#0b5c8a' } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'ngay-sach.png');
    const res = await ctx.request(`/admin/events/${eventId}/image`, {
      method: 'POST',
      headers: { cookie: staffCookie },
      body: form,
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    const html = await (await ctx.request(`/events/${eventId}`)).text();
    expect(html).toMatch(/src="\/media\/file_[a-z2-9]{16}\/medium"/);
  });

  it('creates an event from the form and refuses one without a place or link', async () => {
    const library = await unitIdOf(ctx, 'thu-vien-tinh');
    const base = {
      intent: 'save',
      unitId: library,
      title: 'Tọa đàm văn hóa đọc',
      description: '',
      category: 'talk',
      placeId: '',
      onlineUrl: '',
      capacity: '30',
      registrationMode: 'series',
      priceVnd: '0',
      organiserContact: '',
      planInstanceId: '',
      status: 'published',
      firstDate: '18/05/2027',
      startTime: '14:00',
      endTime: '16:00',
    };
    const refused = await postForm(ctx, '/admin/events/new', base, { cookie: staffCookie });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain(t('vi', 'events.error.placeRequired'));
    const created = await postForm(
      ctx,
      '/admin/events/new',
      { ...base, onlineUrl: 'https://example.vn/toa-dam' },
      { cookie: staffCookie },
    );
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toMatch(/^\/admin\/events\/evt_[a-z2-9]{16}\?done=created$/);
  });
});
