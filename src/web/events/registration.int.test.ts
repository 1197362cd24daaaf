// Issue 19, items 2 and 3, through the app as a visitor without JavaScript: every registration problem at once
// in an error summary at the top, focused, with the values kept; the ticket's venue, directions, calendar and
// QR; cancelling asks first and says what happened; the same phone and name registering again gets the
// ticket already held.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../lib/i18n.server.ts';
import { eventInput, insertPlace, outboxTo } from '../../modules/events/events.test-helpers.ts';
import { createEvent } from '../../modules/events/events.usecases.server.ts';
import { CONSENT_TEXT } from '../../modules/events/events.vocab.ts';
import { actorOn, unitIdOf } from '../../modules/units/units.test-helpers.ts';
import { postForm } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';

let ctx: TestContext;
let eventId: string;
let placeId: string;

beforeAll(async () => {
  ctx = await createTestContext({ config: { DATA_DIR: mkdtempSync(join(tmpdir(), 'portal-reg-')) } });
  const library = await unitIdOf(ctx, 'thu-vien-tinh');
  placeId = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh Khánh Hòa', {
    lat: 12.2388,
    lng: 109.1967,
  });
  await ctx.dbh.query('UPDATE places SET address = $1 WHERE id = $2', [
    '8 Trần Hưng Đạo, Nha Trang',
    placeId,
  ]);
  const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  eventId = await createEvent(ctx.deps, staff, eventInput(library, placeId, { capacity: 5 }));
}, 180_000);
afterAll(() => ctx.close());

const key = () => `portal-${Math.random().toString(36).slice(2)}`;
const form = (over: Record<string, string>) => ({
  name: '',
  phone: '',
  email: '',
  partySize: '1',
  consent: '',
  idempotencyKey: key(),
  ...over,
});

describe('registration errors (GOV.UK pattern)', () => {
  it('reports every problem of an empty form at once, at the top, focused, each linked to its field', async () => {
    const res = await postForm(ctx, `/events/${eventId}`, form({}));
    expect(res.status).toBe(422);
    const html = await res.text();
    const summary = html.indexOf('class="error-summary"');
    expect(summary).toBeGreaterThan(0);
    expect(summary).toBeLessThan(html.indexOf('<h1'));
    expect(html.slice(summary - 200, summary + 200)).toContain('autofocus');
    for (const [field, key] of [
      ['reg-name', 'events.error.nameRequired'],
      ['reg-phone', 'events.error.contactRequired'],
      ['reg-consent', 'events.error.consentRequired'],
    ] as const) {
      expect(html).toContain(`<a href="#${field}">${t('vi', key)}</a>`);
    }
  });

  it('keeps what was typed and reports a bad phone together with the missing consent', async () => {
    const res = await postForm(ctx, `/events/${eventId}`, form({ name: 'Trần Thị Mai', phone: '12345' }));
    const html = await res.text();
    expect(html).toContain('value="Trần Thị Mai"');
    expect(html).toContain('value="12345"');
    expect(html).toContain(`<a href="#reg-phone">${t('vi', 'events.error.invalidPhone')}</a>`);
    expect(html).toContain(`<a href="#reg-consent">${t('vi', 'events.error.consentRequired')}</a>`);
  });
});

describe('consent wording', () => {
  it('is English on the English page, and the Vietnamese wording is the text stored with each consent', async () => {
    const en = await (await ctx.request(`/en/events/${eventId}`)).text();
    expect(en).toContain(t('en', 'portal.register.consent'));
    expect(en).not.toContain('Tôi đồng ý');
    expect(t('vi', 'portal.register.consent')).toBe(CONSENT_TEXT);
  });
});

describe('the ticket', () => {
  it('shows the QR first, the venue with its address, directions and add-to-calendar; the mail has them too', async () => {
    const email = `mai-${key()}@example.vn`;
    const res = await postForm(
      ctx,
      `/events/${eventId}`,
      form({ name: 'Trần Thị Mai', email, consent: 'yes' }),
    );
    expect(res.status).toBe(303);
    const html = await (await ctx.request(res.headers.get('location') ?? '')).text();
    const main = html.slice(html.indexOf('<main'));
    expect(main.indexOf('<svg')).toBeLessThan(main.indexOf('record-fields'));
    expect(main).toContain('8 Trần Hưng Đạo, Nha Trang');
    expect(main).toContain('https://www.google.com/maps/dir/?api=1&amp;destination=12.2388%2C109.1967');
    expect(main).toContain(`/feeds/events/${eventId}.ics`);
    const [mail] = await outboxTo(ctx, email);
    expect(mail?.body_text).toContain('8 Trần Hưng Đạo, Nha Trang');
    expect(mail?.body_text).toContain(`/feeds/events/${eventId}.ics`);
  });

  it('asks before cancelling, and says the registration is cancelled without claiming a seat moved on', async () => {
    const res = await postForm(
      ctx,
      `/events/${eventId}`,
      form({ name: 'Lê Văn An', phone: '0905 123 456', consent: 'yes' }),
    );
    const ticket = (res.headers.get('location') ?? '').split('?')[0] as string;
    // A POST without the confirmation only leads to the question; the ticket stays valid.
    const bare = await postForm(ctx, ticket, {});
    expect(bare.status).toBe(303);
    expect(bare.headers.get('location')).toBe(`${ticket}?cancel=1`);
    const question = await (await ctx.request(`${ticket}?cancel=1`)).text();
    expect(question).toContain(t('vi', 'portal.ticket.cancelYes'));
    expect(question).toContain(t('vi', 'events.status.confirmed'));
    const done = await postForm(ctx, ticket, { confirm: 'yes' });
    const after = await (await ctx.request(done.headers.get('location') ?? '')).text();
    expect(after).toContain(t('vi', 'portal.ticket.cancelled'));
    expect(after).not.toContain(t('vi', 'portal.ticket.cancelledMoved'));
    expect(after).toContain(t('vi', 'events.status.cancelled'));
  });

  it('gives the same phone and name its existing ticket instead of a second one; another name is another person', async () => {
    const first = await postForm(
      ctx,
      `/events/${eventId}`,
      form({ name: 'Phạm Thị Bích', phone: '0912 345 678', consent: 'yes' }),
    );
    const code = /tickets\/([A-Z2-9-]+)/.exec(first.headers.get('location') ?? '')?.[1];
    expect(code).toBeTruthy();
    const again = await postForm(
      ctx,
      `/events/${eventId}`,
      form({ name: 'pham thi bich', phone: '+84912345678', consent: 'yes' }),
    );
    expect(again.headers.get('location')).toBe(`/events/tickets/${code}?again=1`);
    const page = await (await ctx.request(again.headers.get('location') ?? '')).text();
    expect(page).toContain(t('vi', 'portal.ticket.again'));
    const sister = await postForm(
      ctx,
      `/events/${eventId}`,
      form({ name: 'Phạm Văn Cường', phone: '0912345678', consent: 'yes' }),
    );
    expect(sister.headers.get('location')).toMatch(/\?new=1$/);
    expect(sister.headers.get('location')).not.toContain(code as string);
  });
});
