// ADR 0002: pages render their text on the server from the full catalogues; a page that hydrates gets the few
// messages its client code needs from its loaders, so no browser ever downloads a message catalogue.
// Page weight (issue 17): content pages load no script at all; the check-in page's camera scanner is a small
// script island (no React in the browser) within a 60 KB gzip budget.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../messages/en.json' with { type: 'json' };
import vi from '../../messages/vi.json' with { type: 'json' };
import { measurePage } from '../../scripts/client-js-size.ts';
import { t } from '../lib/i18n.server.ts';
import { grantRoleAsSystem } from '../modules/access/access.grants.server.ts';
import { eventInput } from '../modules/events/events.test-helpers.ts';
import { createEvent } from '../modules/events/events.usecases.server.ts';
import { actorOn, unitIdOf } from '../modules/units/units.test-helpers.ts';
import { postForm, signUpAndSignIn } from '../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../test/harness.ts';

const clientDir = join(process.cwd(), process.env.RR_BUILD_DIR ?? 'build', 'client');
const assetsDir = join(clientDir, 'assets');

/** The check-in page's JavaScript budget, gzip bytes, for what it loads up front (issue 17). */
const CHECK_IN_BUDGET_GZIP = 60 * 1024;

/** Scripts a page runs: `<script>` elements other than data blocks (JSON-LD, JSON). */
function executableScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>/g)]
    .map((m) => m[1] ?? '')
    .filter((attrs) => !/type="application\/(ld\+)?json"/.test(attrs));
}

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
      expect(html).not.toContain('modulepreload');
      expect(html).toContain(`<title>${t(locale, 'home.meta.title')}</title>`);
      expect(html).toContain(`<meta name="description" content="${t(locale, 'home.meta.description')}"/>`);
      expect(html).toContain(t(locale, 'home.lead'));
    });
  }

  for (const path of ['/search?q=lich+su', '/events', '/news', '/contact', '/en/search']) {
    it(`${path} runs no script (data blocks such as JSON-LD aside)`, async () => {
      const res = await ctx.request(path);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(executableScripts(html)).toEqual([]);
      expect(html).not.toContain('modulepreload');
    });
  }
});

describe('the check-in page (a script island, no hydration)', () => {
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

    it(`is translated in ${locale}, with no message key left untranslated, and loads only its scanner and offline island`, async () => {
      const res = await ctx.request(`${prefix}/admin/events/${eventId}/check-in`, { headers: { cookie } });
      expect(res.status).toBe(200);
      const html = await res.text();
      // No React in the browser: no module scripts, no hydration data; two small deferred scripts.
      expect(html).not.toMatch(/<script [^>]*type="module"/);
      expect(html).not.toContain('__reactRouterContext');
      // Measured as scripts/client-js-size.ts measures a page: what its HTML names and runs.
      const scripts = measurePage(html, clientDir);
      // The camera scanner, and the offline check-in island (issue 15: tickets kept on the device).
      expect(scripts.scripts.map((s) => s.name)).toEqual([
        expect.stringMatching(/^\/assets\/scan-[\w-]+\.js$/),
        expect.stringMatching(/^\/assets\/check-in-offline-[\w-]+\.js$/),
      ]);
      expect(scripts.gzip).toBeGreaterThan(0);
      expect(scripts.gzip).toBeLessThanOrEqual(CHECK_IN_BUDGET_GZIP);
      expect(html).toContain('data-scan=""');
      expect(html).toContain(`data-scan-label="${t(locale, 'events.checkin.scan')}"`);
      for (const key of ['events.checkin.title', 'events.checkin.walkIn', 'events.checkin.submit'] as const) {
        expect(html).toContain(t(locale, key));
      }
      // The shell: the site header, the footer, the back-office menu.
      expect(html).toContain(t(locale, 'nav.signOut'));
      expect(html).toContain(t(locale, 'footer.program'));
      expect(html).toContain(t(locale, 'admin.dashboard'));
      expect(html).toContain(`>${t(locale, 'events.nav')}<`);
      // A key that reached the page without its text would show as `area.thing.name`, in text or an attribute.
      expect(html.match(/(>|=")\s*[a-z][a-zA-Z]*(\.[a-zA-Z]+){2,}\s*(<|")/g) ?? []).toEqual([]);
      // No catalogue (nor any message data) travels with the page.
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
