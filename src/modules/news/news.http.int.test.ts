// The news pages and feeds as a browser without JavaScript and a feed reader use them: the press office writes
// an article linked to an event (a double submit creates one), attacks in the body never reach the page or the
// feeds, publishing puts it in the public list and in valid RSS 2.0 / Atom feeds with absolute links and
// RFC 822 / RFC 3339 dates; other units and anonymous visitors get nothing they may not see.
import { parseFeed } from '@rowanmanning/feed-parser';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postForm, signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, TEST_ORIGIN, type TestContext } from '../../test/harness.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';
import { eventInput, insertPlace } from '../events/events.test-helpers.ts';
import { createEvent } from '../events/events.usecases.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';

const PUBLIC_URL = TEST_ORIGIN;
const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const TITLE = 'Học tập suốt đời <cùng> "Sở" & thư viện ]]> hè';

describe('news pages and feeds', () => {
  let ctx: TestContext;
  let press = '';
  let museumStaff = '';
  let office = '';
  let eventId = '';
  let articleId = '';

  const get = (path: string, cookie?: string, headers: Record<string, string> = {}) =>
    ctx.request(path, { headers: { ...headers, ...(cookie ? { cookie } : {}) }, redirect: 'manual' });
  const tokenOf = async (path: string, cookie: string) =>
    /name="formToken" value="([^"]+)"/.exec(await (await get(path, cookie)).text())?.[1] ?? '';

  beforeAll(async () => {
    ctx = await createTestContext();
    office = await unitIdOf(ctx, 'van-phong-so');
    const user = async (role: 'unit_manager' | 'unit_staff', code: string) => {
      const u = await signUpAndSignIn(ctx);
      await grantRoleAsSystem(ctx.deps, { userId: u.userId, role, unitId: await unitIdOf(ctx, code) });
      return u.cookie;
    };
    press = await user('unit_manager', 'van-phong-so');
    museumStaff = await user('unit_staff', 'bao-tang-tinh');
    const place = await insertPlace(ctx, 'van-phong-so', 'Hội trường Sở');
    eventId = await createEvent(
      ctx.deps,
      await actorOn(ctx, 'unit_manager', 'van-phong-so'),
      eventInput(office, place, { title: 'Khai mạc Tuần lễ học tập suốt đời' }),
    );
  }, 180_000);
  afterAll(() => ctx?.close());

  it('creates one draft for a double submit of the same form, with the body sanitised', async () => {
    const formToken = await tokenOf('/admin/news/new', press);
    expect(formToken).toMatch(/^ftk_/);
    const fields = new URLSearchParams({
      formToken,
      intent: 'save',
      unitId: office,
      title: TITLE,
      summary: 'Khai mạc tuần lễ & các hoạt động',
      bodyHtml:
        '<p>Đọc <strong>sách</strong>.</p><script>alert("x")</script><img src=x onerror=alert(1)>' +
        '<iframe src="https://evil.example"></iframe><a href="javascript:alert(1)">j</a>' +
        '<p style="color:red" onmouseover="steal()">Ảnh: <img src="/media/file_abc/large" alt="Hội sách"></p>',
      category: 'event_report',
      tags: 'tuần lễ, đọc sách',
      campaignId: '',
    });
    fields.append('eventIds', eventId);
    const first = await postForm(ctx, '/admin/news/new', Object.fromEntries(fields), { cookie: press });
    expect(first.status).toBe(303);
    const location = first.headers.get('location') ?? '';
    articleId = /\/admin\/news\/(art_[a-z2-9]{16})/.exec(location)?.[1] ?? '';
    expect(articleId).not.toBe('');
    const again = await postForm(ctx, '/admin/news/new', Object.fromEntries(fields), { cookie: press });
    expect(again.headers.get('location')).toBe(location);
    const rows = await ctx.dbh.query<{ n: number }>('SELECT count(*)::int AS n FROM news_articles');
    expect(rows[0]?.n).toBe(1);
  });

  it('links the event and keeps no attack in what is stored', async () => {
    const body = new URLSearchParams({
      intent: 'save',
      version: '1',
      unitId: office,
      title: TITLE,
      summary: 'Khai mạc tuần lễ & các hoạt động',
      bodyHtml:
        '<p>Đọc <strong>sách</strong>.</p><script>alert("x")</script><img src=x onerror=alert(1)>' +
        '<a href="javascript:alert(1)">j</a><p style="color:red" onmouseover="steal()">Ảnh: ' +
        '<img src="/media/file_abc/large" alt="Hội sách"></p><style>body{display:none}</style>',
      category: 'event_report',
      tags: 'tuần lễ, đọc sách',
      campaignId: '',
    });
    body.append('eventIds', eventId);
    const res = await ctx.request(`/admin/news/${articleId}`, {
      method: 'POST',
      headers: { cookie: press, 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    const rows = await ctx.dbh.query<{ body_html: string; event_ids: string[] }>(
      'SELECT body_html, event_ids FROM news_articles WHERE id = $1',
      [articleId],
    );
    expect(rows[0]?.event_ids).toEqual([eventId]);
    expect(rows[0]?.body_html).toBe(
      '<p>Đọc <strong>sách</strong>.</p><a>j</a><p>Ảnh: <img src="/media/file_abc/large" alt="Hội sách" /></p>',
    );
  });

  it('keeps drafts away from the public, other units and anonymous visitors', async () => {
    expect((await get(`/news/${articleId}`)).status).toBe(404);
    expect((await get(`/admin/news/${articleId}`, museumStaff)).status).toBe(404);
    const step = await ctx.request(`/admin/news/${articleId}`, {
      method: 'POST',
      headers: { cookie: museumStaff, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ intent: 'step', step: 'publish', version: '2' }).toString(),
      redirect: 'manual',
    });
    expect(step.status).toBe(404);
    expect((await get('/admin/news/export/csv')).status).toBe(401);
    expect(await (await get('/feeds/news.rss')).text()).not.toContain(articleId);
  });

  it('publishes: the article is in the public list and on its page with NewsArticle JSON-LD', async () => {
    const res = await postForm(
      ctx,
      `/admin/news/${articleId}`,
      { intent: 'step', step: 'publish', version: '2' },
      { cookie: press },
    );
    expect(res.status).toBe(303);
    const list = await (await get('/news?q=hoc tap suot doi')).text();
    expect(list).toContain(`/news/${articleId}`);
    expect(list).toContain('href="/feeds/news.rss"');
    const page = await get(`/news/${articleId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const ld = /<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const json = JSON.parse(ld);
    expect(json['@type']).toBe('NewsArticle');
    expect(json.headline).toBe(TITLE);
    expect(json.url).toBe(`${PUBLIC_URL}/news/${articleId}`);
    expect(html).not.toMatch(/alert\(|onerror|onmouseover|javascript:|<iframe|<style>body/);
    expect(html).toContain('Khai mạc Tuần lễ học tập suốt đời');
    expect(html).toContain(
      `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(`${PUBLIC_URL}/news/${articleId}`)}`,
    );
  });

  it('serves a valid RSS 2.0 feed: required elements, RFC 822 dates, absolute links, escaped text', async () => {
    const res = await get('/feeds/news.rss');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<rss version="2.0"/);
    const feed = parseFeed(xml);
    expect(feed.meta.type).toBe('rss');
    expect(feed.title).toBeTruthy();
    expect(feed.description).toBeTruthy();
    expect(feed.url).toBe(`${PUBLIC_URL}/news`);
    const item = feed.items.find((i) => i.url === `${PUBLIC_URL}/news/${articleId}`);
    expect(item?.title).toBe(TITLE);
    expect(item?.id).toBe(`${PUBLIC_URL}/news/${articleId}`);
    const pubDate = /<item>[\s\S]*?<pubDate>([^<]+)<\/pubDate>/.exec(xml)?.[1] ?? '';
    expect(pubDate).toMatch(RFC822);
    expect(/<lastBuildDate>([^<]+)<\/lastBuildDate>/.exec(xml)?.[1]).toMatch(RFC822);
    // The title is escaped, not raw markup; relative media links became absolute; no attack survived.
    expect(xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')).not.toMatch(
      /<cùng>|&(?!amp;|lt;|gt;|quot;|apos;|#)/,
    );
    expect(xml).not.toMatch(/<author>/);
    expect(item?.content).toContain(`src="${PUBLIC_URL}/media/file_abc/large"`);
    expect(xml).not.toMatch(/alert\(|onerror|javascript:/);
    const again = await get('/feeds/news.rss', undefined, { 'if-none-match': res.headers.get('etag') ?? '' });
    expect(again.status).toBe(304);
  });

  it('serves a valid Atom feed, per category too, and 404 for an unknown category', async () => {
    for (const path of ['/feeds/news.atom', '/feeds/news/event_report.atom']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      const xml = await res.text();
      const feed = parseFeed(xml);
      expect(feed.meta.type).toBe('atom');
      expect(/<feed[^>]*>\s*<id>([^<]+)<\/id>/.exec(xml)?.[1]).toMatch(/^https?:\/\//);
      expect(feed.url).toMatch(/^https?:\/\/[^/]+\/news/);
      expect(feed.self).toBe(`${PUBLIC_URL}${path}`);
      expect(/<feed[^>]*>[\s\S]*?<updated>([^<]+)<\/updated>/.exec(xml)?.[1]).toMatch(RFC3339);
      const entry = /<entry>([\s\S]*?)<\/entry>/.exec(xml)?.[1] ?? '';
      expect(/<updated>([^<]+)<\/updated>/.exec(entry)?.[1]).toMatch(RFC3339);
      expect(entry).toContain(`<id>${PUBLIC_URL}/news/${articleId}</id>`);
      expect(feed.items[0]?.url).toBe(`${PUBLIC_URL}/news/${articleId}`);
      expect(feed.items[0]?.title).toBe(TITLE);
    }
    expect(parseFeed(await (await get('/feeds/news/model.rss')).text()).items).toEqual([]);
    expect((await get('/feeds/news/nope.rss')).status).toBe(404);
    expect((await get('/feeds/news/news.json')).status).toBe(404);
  });

  it('exports the staff list as CSV and XLSX, scoped to what the reader may see', async () => {
    const csv = await get('/admin/news/export/csv', press);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('"Mã","Tiêu đề"')).toBe(true);
    expect(text).toContain(articleId);
    const xlsx = await get('/admin/news/export/xlsx?q=SUOT DOI', press);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    expect(wb.worksheets[0]?.getRow(2).getCell(2).value).toBe(TITLE);
    const other = await (await get('/admin/news/export/csv', museumStaff)).text();
    expect(other).not.toContain(articleId);
    expect((await get('/admin/news/export/csv?status=bogus', press)).status).toBe(400);
  });
});
