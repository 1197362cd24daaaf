// ADR 0002: pages render their text on the server from the full catalogues; a page that hydrates gets the few
// messages its client code needs from its loaders, so no browser ever downloads a message catalogue.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../messages/en.json' with { type: 'json' };
import vi from '../../messages/vi.json' with { type: 'json' };
import { t } from '../lib/i18n.server.ts';
import { grantRoleAsSystem } from '../modules/access/access.grants.server.ts';
import { eventInput } from '../modules/events/events.test-helpers.ts';
import { createEvent } from '../modules/events/events.usecases.server.ts';
import { actorOn, unitIdOf } from '../modules/units/units.test-helpers.ts';
import { postForm, signUpAndSignIn } from '../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../test/harness.ts';

const assetsDir = join(process.cwd(), process.env.RR_BUILD_DIR ?? 'build', 'client', 'assets');

/** Messages long enough that finding one in a script means the catalogue (or a large part of it) is there. */
const longMessages = [...Object.values(vi), ...Object.values(en)].filter((m) => m.length > 40);

describe('client scripts', () => {
  it('carry no message catalogue: no script contains any long message of either language', () => {
    const scripts = readdirSync(assetsDir).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const found = scripts.flatMap((f) => {
      const text = readFileSync(join(assetsDir, f), 'utf8');
      const hits = longMessages.filter((m) => text.includes(m));
      return hits.length ? [`${f}: ${hits.length} messages, e.g. “${hits[0]}”`] : [];
    });
    expect(found).toEqual([]);
  });
});

describe('a content page', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  }, 180_000);
  afterAll(() => ctx?.close());

  for (const locale of ['vi', 'en'] as const) {
    it(`loads no script and is translated on the server in ${locale}, title and description included`, async () => {
      const html = await (await ctx.request(locale === 'en' ? '/en' : '/')).text();
      expect(html).not.toContain('<script');
      expect(html).toContain(`<title>${t(locale, 'home.meta.title')}</title>`);
      expect(html).toContain(`<meta name="description" content="${t(locale, 'home.meta.description')}"/>`);
      expect(html).toContain(t(locale, 'home.lead'));
    });
  }
});

describe('the check-in page (hydrates)', () => {
  let ctx: TestContext;
  let eventId: string;
  let cookie: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    const library = await unitIdOf(ctx, 'thu-vien-tinh');
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    eventId = await createEvent(
      ctx.deps,
      staff,
      eventInput(library, '', { placeId: null, onlineUrl: 'https://example.vn/live', capacity: 10 }),
    );
    const librarian = await signUpAndSignIn(ctx, { name: 'Nguyễn Thị Thư' });
    await grantRoleAsSystem(ctx.deps, { userId: librarian.userId, role: 'unit_staff', unitId: library });
    cookie = librarian.cookie;
  }, 180_000);
  afterAll(() => ctx?.close());

  for (const locale of ['vi', 'en'] as const) {
    const prefix = locale === 'en' ? '/en' : '';

    it(`is translated in ${locale}, with no message key left untranslated, and loads its scripts`, async () => {
      const res = await ctx.request(`${prefix}/admin/events/${eventId}/check-in`, { headers: { cookie } });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toMatch(/<script [^>]*type="module"/);
      for (const key of ['events.checkin.title', 'events.checkin.walkIn', 'events.checkin.submit'] as const) {
        expect(html).toContain(t(locale, key));
      }
      // Shell text rendered on the client too: the site header, the footer, the back-office menu.
      expect(html).toContain(t(locale, 'nav.signOut'));
      expect(html).toContain(t(locale, 'footer.program'));
      expect(html).toContain(t(locale, 'admin.dashboard'));
      expect(html).toContain(`>${t(locale, 'events.nav')}<`);
      // A key that reached the page without its text would show as `area.thing.name`, in text or an attribute.
      expect(html.match(/(>|=")\s*[a-z][a-zA-Z]*(\.[a-zA-Z]+){2,}\s*(<|")/g) ?? []).toEqual([]);
      // The page's data carries its own few messages, not the catalogue.
      expect(html).not.toContain(t(locale, 'home.lead'));
    });

    it(`answers a wrong ticket code in ${locale}`, async () => {
      const page = await ctx.request(`${prefix}/admin/events/${eventId}/check-in`, { headers: { cookie } });
      const sessionId = /name="sessionId" value="([^"]+)"/.exec(await page.text())?.[1] as string;
      const res = await postForm(
        ctx,
        `${prefix}/admin/events/${eventId}/check-in`,
        { intent: 'check-in', sessionId, code: 'NOT-A-TICKET' },
        { cookie },
      );
      const html = await res.text();
      expect(html).toContain(t(locale, 'events.error.checkIn.badCode'));
    });

    it(`is a plain error page, translated in ${locale}, for an event that does not exist`, async () => {
      const res = await ctx.request(`${prefix}/admin/events/evt_nothere/check-in`, { headers: { cookie } });
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toContain(t(locale, 'error.notFound'));
      expect(html).toContain(t(locale, 'nav.home'));
      expect(html).not.toMatch(/<script [^>]*type="module"/);
    });
  }
});
