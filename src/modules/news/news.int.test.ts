// The news use cases on a real database: bodies are sanitised before they are stored, edits are versioned and
// audited, the workflow refuses what a role may not do, scheduled articles go public when their time comes,
// search folds Vietnamese, and the plan and the indicators see what was published.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorSources } from '../../app/registries.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { eventInput, insertPlace } from '../events/events.test-helpers.ts';
import { createEvent } from '../events/events.usecases.server.ts';
import { actorOn, auditCount, unitIdOf } from '../units/units.test-helpers.ts';
import { newsLinksPort } from './index.server.ts';
import { getCampaign, listPublicArticles } from './news.public.usecases.server.ts';
import type { ArticleInput } from './news.schemas.server.ts';
import {
  createArticle,
  getStaffArticle,
  listStaffArticles,
  publishDueArticles,
  stepArticle,
  updateArticle,
} from './news.usecases.server.ts';
import { createCampaign, createMediaProduct } from './news-campaigns.usecases.server.ts';

describe('news articles', () => {
  let ctx: TestContext;
  let office = '';
  let library = '';
  let writer: Actor;
  let manager: Actor;
  let otherUnit: Actor;
  let eventId = '';
  let instanceId = '';

  const input = (over: Partial<ArticleInput> = {}): ArticleInput => ({
    unitId: library,
    title: 'Thư viện tỉnh hưởng ứng Ngày Sách',
    summary: 'Chuỗi hoạt động đọc sách cho thiếu nhi.',
    bodyHtml: '<p>Nội dung <strong>chính</strong>.</p>',
    category: 'news',
    tags: ['đọc sách'],
    campaignId: null,
    eventIds: [],
    planInstanceIds: [],
    ...over,
  });

  beforeAll(async () => {
    ctx = await createTestContext();
    office = await unitIdOf(ctx, 'van-phong-so');
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    writer = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    manager = await actorOn(ctx, 'unit_manager', 'thu-vien-tinh');
    otherUnit = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
    const place = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh');
    eventId = await createEvent(ctx.deps, manager, eventInput(library, place));
    const rows = await ctx.dbh.query<{ id: string }>(
      'SELECT id FROM plan_task_instances ORDER BY id LIMIT 1',
    );
    instanceId = rows[0]?.id ?? '';
  });
  afterAll(() => ctx.close());

  it('stores the body sanitised: script, iframe, handlers and javascript: URLs are gone', async () => {
    const id = await createArticle(
      ctx.deps,
      writer,
      input({
        bodyHtml:
          '<p onclick="x()">Hay</p><script>alert(1)</script><iframe src="https://evil.example"></iframe>' +
          '<a href="javascript:alert(1)">bấm</a><style>*{}</style>',
      }),
    );
    const { article } = await getStaffArticle(ctx.deps, writer, id);
    expect(article.bodyHtml).toBe('<p>Hay</p><a>bấm</a>');
    expect(article.status).toBe('draft');
    expect(await auditCount(ctx, 'news.article.create', id)).toBe(1);
  });

  it('refuses an article for a unit the writer does not work for', async () => {
    await expect(createArticle(ctx.deps, otherUnit, input())).rejects.toMatchObject({ status: 403 });
  });

  it('refuses links to events and plan tasks that do not exist', async () => {
    await expect(
      createArticle(ctx.deps, writer, input({ eventIds: ['evt_aaaaaaaaaaaaaaaa'] })),
    ).rejects.toMatchObject({ code: 'news.event_not_found' });
    await expect(
      createArticle(ctx.deps, writer, input({ planInstanceIds: ['ins_aaaaaaaaaaaaaaaa'] })),
    ).rejects.toMatchObject({ code: 'news.plan_instance_not_found' });
  });

  it('versions edits: a save based on an old version is refused with 409', async () => {
    const id = await createArticle(ctx.deps, writer, input());
    await updateArticle(ctx.deps, writer, id, { ...input({ title: 'Tiêu đề mới' }), version: 1 });
    await expect(
      updateArticle(ctx.deps, writer, id, { ...input({ title: 'Cũ hơn' }), version: 1 }),
    ).rejects.toMatchObject({ status: 409 });
    const { article } = await getStaffArticle(ctx.deps, writer, id);
    expect(article.title).toBe('Tiêu đề mới');
    expect(article.version).toBe(2);
    expect(await auditCount(ctx, 'news.article.update', id)).toBe(1);
  });

  it('lets staff submit but only a publisher publish; a published article is public and linked', async () => {
    const id = await createArticle(
      ctx.deps,
      writer,
      input({ title: 'Tuần lễ học tập suốt đời', eventIds: [eventId], planInstanceIds: [instanceId] }),
    );
    await stepArticle(ctx.deps, writer, id, { step: 'submit', version: 1 });
    await expect(stepArticle(ctx.deps, writer, id, { step: 'publish', version: 2 })).rejects.toMatchObject({
      status: 403,
    });
    await stepArticle(ctx.deps, manager, id, { step: 'publish', version: 2 });
    const listed = await listPublicArticles(ctx.deps, { q: 'TUAN LE hoc tap' });
    expect(listed.map((a) => a.id)).toContain(id);
    const linked = await newsLinksPort.forPlanInstances(ctx.deps, ctx.deps.db, [instanceId]);
    expect(linked.map((a) => a.id)).toContain(id);
    // Publishing twice is not a step from "published".
    await expect(stepArticle(ctx.deps, manager, id, { step: 'publish', version: 3 })).rejects.toMatchObject({
      code: 'news.step_not_allowed',
    });
  });

  it('publishes a scheduled article when its time comes, not before', async () => {
    const id = await createArticle(ctx.deps, writer, input({ title: 'Bài hẹn giờ' }));
    const realNow = ctx.deps.now;
    const at = new Date(realNow().getTime() + 3_600_000);
    await expect(
      stepArticle(ctx.deps, manager, id, {
        step: 'schedule',
        version: 1,
        publishAt: new Date(0).toISOString(),
      }),
    ).rejects.toMatchObject({ code: 'news.schedule_in_past' });
    await stepArticle(ctx.deps, manager, id, { step: 'schedule', version: 1, publishAt: at.toISOString() });
    expect(await publishDueArticles(ctx.deps)).not.toContain(id);
    ctx.deps.now = () => new Date(at.getTime() + 1000);
    try {
      expect(await publishDueArticles(ctx.deps)).toContain(id);
    } finally {
      ctx.deps.now = realNow;
    }
    const { article } = await getStaffArticle(ctx.deps, writer, id);
    expect(article.status).toBe('published');
    expect(article.publishedAt?.toISOString()).toBe(at.toISOString());
  });

  it('hides another unit’s drafts from staff lists and the public', async () => {
    const id = await createArticle(ctx.deps, writer, input({ title: 'Bản nháp riêng' }));
    expect((await listStaffArticles(ctx.deps, otherUnit, {})).map((a) => a.id)).not.toContain(id);
    await expect(getStaffArticle(ctx.deps, otherUnit, id)).rejects.toMatchObject({ status: 404 });
    expect((await listPublicArticles(ctx.deps, {})).map((a) => a.id)).not.toContain(id);
  });

  it('counts published articles per unit for the indicators', async () => {
    const source = indicatorSources.get('news.articles_published');
    const from = new Date(ctx.deps.now().getTime() - 86_400_000);
    const to = new Date(ctx.deps.now().getTime() + 2 * 86_400_000);
    const total = await source?.compute(ctx.deps, { from, to });
    const byUnit = await source?.compute(ctx.deps, { from, to, breakdown: 'unit' });
    expect(total?.[0]?.value).toBe(2);
    // (the campaign test below publishes a third)
    expect(byUnit).toEqual([{ key: library, value: 2 }]);
    const onlyOffice = await source?.compute(ctx.deps, { from, to, unitIds: [office] });
    expect(onlyOffice?.[0]?.value).toBe(0);
  });

  it('groups a campaign’s articles, events, materials and media products; reach feeds the indicators', async () => {
    await expect(
      createCampaign(ctx.deps, writer, {
        unitId: library,
        title: 'Tuần lễ 2026',
        summary: '',
        startsOn: null,
        endsOn: null,
        materialLinks: [],
        eventIds: [],
      }),
    ).rejects.toMatchObject({ status: 403 });
    const campaignId = await createCampaign(ctx.deps, manager, {
      unitId: library,
      title: 'Tuần lễ hưởng ứng học tập suốt đời 2026',
      summary: 'Chuỗi hoạt động toàn tỉnh.',
      startsOn: '2026-10-01',
      endsOn: '2026-10-07',
      materialLinks: [{ title: 'Bộ nhận diện', url: 'https://khanhhoa.gov.vn/bo-nhan-dien.pdf' }],
      eventIds: [eventId],
    });
    const articleId = await createArticle(
      ctx.deps,
      writer,
      input({ title: 'Bài của chiến dịch', campaignId }),
    );
    await stepArticle(ctx.deps, manager, articleId, { step: 'publish', version: 1 });
    const day = ctx.deps.now().toISOString().slice(0, 10);
    await createMediaProduct(ctx.deps, writer, {
      unitId: library,
      kind: 'online_talk',
      title: 'Tọa đàm trực tuyến: đọc sách cùng con',
      outlet: 'Đài Khánh Hòa',
      url: 'https://ktv.org.vn/toa-dam',
      releasedOn: day,
      reach: 12500,
      campaignId,
      planInstanceIds: [],
    });
    const view = await getCampaign(ctx.deps, campaignId);
    expect(view.articles.map((a) => a.id)).toEqual([articleId]);
    expect(view.events.map((e) => e.id)).toEqual([eventId]);
    expect(view.media.map((m) => m.reach)).toEqual([12500]);
    expect(view.campaign.materialLinks[0]?.url).toBe('https://khanhhoa.gov.vn/bo-nhan-dien.pdf');
    const reach = indicatorSources.get('news.media_reach');
    const from = new Date(ctx.deps.now().getTime() - 86_400_000);
    const to = new Date(ctx.deps.now().getTime() + 2 * 86_400_000);
    expect(await reach?.compute(ctx.deps, { from, to })).toEqual([{ value: 12500 }]);
    expect(await reach?.compute(ctx.deps, { from, to, unitIds: [office] })).toEqual([{ value: 0 }]);
    expect(await auditCount(ctx, 'news.campaign.create', campaignId)).toBe(1);
  });
});
