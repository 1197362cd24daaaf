// Issue 19, item 12: Vietnamese data (titles, places, units, article bodies) shown on the English pages of
// events, the calendar, the ticket and news carries lang="vi", so a screen reader pronounces it as Vietnamese;
// the Vietnamese pages need no such mark (the document is Vietnamese).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventInput, guest, insertPlace } from '../../modules/events/events.test-helpers.ts';
import { createEvent } from '../../modules/events/events.usecases.server.ts';
import { registerForEvent } from '../../modules/events/events-registration.usecases.server.ts';
import { createArticle, stepArticle } from '../../modules/news/news.usecases.server.ts';
import { createCampaign } from '../../modules/news/news-campaigns.usecases.server.ts';
import { actorOn, unitIdOf } from '../../modules/units/units.test-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';

const TITLE = 'Ngày Sách và Văn hóa đọc Việt Nam: đọc cùng con';
const PLACE = 'Thư viện tỉnh Khánh Hòa';
const ADDRESS = '8 Trần Hưng Đạo, Nha Trang';
const ARTICLE = 'Thư viện tỉnh hưởng ứng Ngày Sách';
const CAMPAIGN = 'Tuần lễ hưởng ứng học tập suốt đời';

let ctx: TestContext;
let eventId = '';
let ticket = '';
let articleId = '';
let campaignId = '';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The text sits directly in an element that says lang="vi". */
const markedVi = (text: string) => new RegExp(`<[a-z0-9]+\\s[^>]*lang="vi"[^>]*>${escapeRe(text)}`);
const page = async (path: string) => {
  const res = await ctx.request(path);
  expect(res.status, path).toBe(200);
  return res.text();
};

beforeAll(async () => {
  ctx = await createTestContext();
  const library = await unitIdOf(ctx, 'thu-vien-tinh');
  const placeId = await insertPlace(ctx, 'thu-vien-tinh', PLACE, { lat: 12.2388, lng: 109.1967 });
  await ctx.dbh.query('UPDATE places SET address = $1 WHERE id = $2', [ADDRESS, placeId]);
  const manager = await actorOn(ctx, 'unit_manager', 'thu-vien-tinh');
  eventId = await createEvent(ctx.deps, manager, eventInput(library, placeId, { title: TITLE }));
  const reg = await registerForEvent(
    ctx.deps,
    { kind: 'anonymous' },
    eventId,
    guest({ name: 'Trần Thị Mai' }),
  );
  ticket = reg.registration.ticketCode;
  campaignId = await createCampaign(ctx.deps, manager, {
    unitId: library,
    title: CAMPAIGN,
    summary: 'Chuỗi hoạt động toàn tỉnh.',
    startsOn: '2027-04-15',
    endsOn: '2027-04-25',
    materialLinks: [],
    eventIds: [eventId],
  });
  articleId = await createArticle(ctx.deps, manager, {
    unitId: library,
    title: ARTICLE,
    summary: 'Chuỗi hoạt động đọc sách cho thiếu nhi.',
    bodyHtml: '<p>Nội dung chính.</p>',
    category: 'news',
    tags: ['đọc sách'],
    campaignId,
    eventIds: [eventId],
    planInstanceIds: [],
  });
  await stepArticle(ctx.deps, manager, articleId, { step: 'publish', version: 1 });
}, 180_000);
afterAll(() => ctx.close());

describe('Vietnamese data on English pages carries lang="vi"', () => {
  it('events: list, calendar, detail and ticket', async () => {
    const list = await page('/en/events?from=2027-04-01');
    expect(list).toMatch(/<html[^>]*lang="en"/);
    expect(list).toMatch(markedVi(TITLE));
    expect(list).toMatch(markedVi(PLACE));

    const calendar = await page('/en/events/calendar?month=2027-04');
    expect(calendar).toMatch(markedVi(TITLE));
    expect(calendar).toMatch(markedVi(PLACE));

    const detail = await page(`/en/events/${eventId}`);
    expect(detail).toMatch(markedVi(TITLE));
    expect(detail).toMatch(markedVi(`${PLACE}, ${ADDRESS}`));
    expect(detail).toMatch(markedVi('Đọc sách cùng con tại Thư viện tỉnh.'));
    // English interface text stays unmarked.
    expect(detail).not.toMatch(/lang="vi"[^>]*>Register/);

    const tk = await page(`/en/events/tickets/${ticket}`);
    expect(tk).toMatch(markedVi(TITLE));
    expect(tk).toMatch(markedVi(PLACE));
    expect(tk).toMatch(markedVi(ADDRESS));
    expect(tk).toMatch(markedVi('Trần Thị Mai'));

    // The cancel question embeds the title in an English sentence: only the title is marked.
    const ask = await page(`/en/events/tickets/${ticket}?cancel=1`);
    expect(ask).toContain(
      `<h2 id="cancel-title">Cancel your registration for “<span lang="vi">${TITLE}</span>”?</h2>`,
    );
    const askVi = await page(`/events/tickets/${ticket}?cancel=1`);
    expect(askVi).toContain(`<h2 id="cancel-title">Hủy đăng ký tham gia “<span>${TITLE}</span>”?</h2>`);
  });

  it('news: list, article and campaign', async () => {
    const list = await page('/en/news');
    expect(list).toMatch(markedVi(ARTICLE));
    expect(list).toMatch(markedVi('Chuỗi hoạt động đọc sách cho thiếu nhi.'));

    const article = await page(`/en/news/${articleId}`);
    expect(article).toMatch(markedVi(ARTICLE));
    expect(article).toMatch(/<div class="prose" lang="vi">/);
    expect(article).toMatch(markedVi(TITLE));
    expect(article).toMatch(markedVi(CAMPAIGN));

    const campaign = await page(`/en/news/campaigns/${campaignId}`);
    expect(campaign).toMatch(markedVi(CAMPAIGN));
    expect(campaign).toMatch(markedVi(ARTICLE));
    expect(campaign).toMatch(markedVi(TITLE));
  });

  it('the Vietnamese pages need no mark', async () => {
    const detail = await page(`/events/${eventId}`);
    expect(detail).toContain(`<h1>${TITLE}</h1>`);
    expect(detail.match(/lang="vi"/g)).toHaveLength(1); // <html lang="vi"> only
    const article = await page(`/news/${articleId}`);
    expect(article).toContain(`<h1>${ARTICLE}</h1>`);
  });
});
