// Virtual exhibitions through the real use cases and pages: compose, reorder, publish; drafts invisible to
// citizens; staff of another unit cannot touch them; the public story works without JavaScript.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS } from '../../lib/authz.ts';
import { postForm, signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';
import { createCatalogueRecord } from '../catalogue/catalogue.usecases.server.ts';
import { actorOn, auditCount, unitIdOf } from '../units/units.test-helpers.ts';
import { getPublicExhibition, listPublishedExhibitions } from './exhibitions.queries.server.ts';
import { ExhibitionInputSchema } from './exhibitions.schemas.server.ts';
import {
  addRecordItem,
  addSection,
  createExhibition,
  moveSection,
  setExhibitionStatus,
  slugify,
  updateExhibition,
} from './exhibitions.usecases.server.ts';

describe('virtual exhibitions', () => {
  let ctx: TestContext;
  let museum: string;
  let library: string;
  let curator: Actor;
  let librarian: Actor;
  let objectId: string;
  let draftObjectId: string;

  beforeAll(async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'exhibitions-'));
    ctx = await createTestContext({ config: { DATA_DIR: dataDir } });
    museum = await unitIdOf(ctx, 'bao-tang-tinh');
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    curator = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
    librarian = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const record = (title: string, published: boolean) =>
      createCatalogueRecord(ctx.deps, curator, {
        type: 'museum_object',
        title,
        creators: [],
        subjects: ['Trầm hương'],
        unitId: museum,
        published,
        details: {},
        holdings: [{ availability: 'on_display' }],
      });
    objectId = (await record('Khối trầm hương Khánh Hòa', true)).id;
    draftObjectId = (await record('Hiện vật chưa công bố', false)).id;
  });
  afterAll(() => ctx.close());

  it('makes readable addresses from Vietnamese titles and refuses unknown fields', () => {
    expect(slugify('Trầm hương – “báu vật” xứ Trầm')).toBe('tram-huong-bau-vat-xu-tram');
    expect(slugify('Đường Yersin')).toBe('duong-yersin');
    expect(ExhibitionInputSchema.safeParse({ unitId: museum, titleVi: 'X', owner: 'me' }).success).toBe(
      false,
    );
    expect(ExhibitionInputSchema.safeParse({ unitId: museum, titleVi: '  ' }).success).toBe(false);
    expect(
      ExhibitionInputSchema.safeParse({ unitId: museum, titleVi: 'X', slug: 'Không dấu?' }).success,
    ).toBe(false);
  });

  it('composes, reorders and publishes a story, and citizens read it only once published', async () => {
    const ex = await createExhibition(ctx.deps, curator, {
      unitId: museum,
      titleVi: 'Trầm hương Khánh Hòa',
      titleEn: 'Agarwood of Khánh Hòa',
      summaryVi: 'Câu chuyện về trầm hương <script>alert(1)</script>.',
    });
    expect(ex).toMatchObject({ slug: 'tram-huong-khanh-hoa', status: 'draft', version: 1 });
    const again = await createExhibition(ctx.deps, curator, {
      unitId: museum,
      titleVi: 'Trầm hương Khánh Hòa',
    });
    expect(again.slug).toBe('tram-huong-khanh-hoa-2');
    await expect(
      createExhibition(ctx.deps, curator, { unitId: museum, titleVi: 'Khác', slug: 'tram-huong-khanh-hoa' }),
    ).rejects.toMatchObject({ status: 409 });

    await expect(setExhibitionStatus(ctx.deps, curator, ex.id, 'published')).rejects.toMatchObject({
      status: 422,
    });
    const first = await addSection(ctx.deps, curator, ex.id, { headingVi: 'Nguồn gốc', bodyVi: 'Đoạn một.' });
    const second = await addSection(ctx.deps, curator, ex.id, {
      headingVi: 'Nghề tìm trầm',
      headingEn: 'Agarwood hunters',
    });
    await addRecordItem(ctx.deps, curator, ex.id, first.id, { recordId: objectId, captionVi: 'Trưng bày' });
    await addRecordItem(ctx.deps, curator, ex.id, first.id, { recordId: draftObjectId });
    await moveSection(ctx.deps, curator, ex.id, second.id, 'up');

    expect((await ctx.request('/exhibitions/tram-huong-khanh-hoa')).status).toBe(404);
    expect((await listPublishedExhibitions(ctx.deps, ANONYMOUS)).map((e) => e.id)).not.toContain(ex.id);
    await expect(getPublicExhibition(ctx.deps, librarian, ex.id)).rejects.toMatchObject({ status: 404 });
    const preview = await getPublicExhibition(ctx.deps, curator, ex.slug);
    expect(preview.status).toBe('draft');
    expect((await ctx.request(`/records/${objectId}`)).status).toBe(200);
    expect(await (await ctx.request(`/records/${objectId}`)).text()).not.toContain('/exhibitions/tram-huong');

    await setExhibitionStatus(ctx.deps, curator, ex.id, 'published');
    const story = await getPublicExhibition(ctx.deps, ANONYMOUS, 'tram-huong-khanh-hoa');
    expect(story.sections.map((s) => s.headingVi)).toEqual(['Nghề tìm trầm', 'Nguồn gốc']);
    // The unpublished object stays hidden from citizens even inside a published exhibition.
    expect(story.sections[1]?.items.map((i) => (i.kind === 'record' ? i.record.id : i.id))).toEqual([
      objectId,
    ]);
    expect(await auditCount(ctx, 'exhibitions.exhibition.publish', ex.id)).toBe(1);
    expect(await auditCount(ctx, 'exhibitions.section.move', ex.id)).toBe(1);

    const overview = await ctx.request('/exhibitions/tram-huong-khanh-hoa');
    expect(overview.status).toBe(200);
    const html = await overview.text();
    expect(html).not.toContain('<script type="module"');
    expect(html).toMatch(/<h1[^>]*>Trầm hương Khánh Hòa<\/h1>/);
    expect(html).toContain('href="/exhibitions/tram-huong-khanh-hoa/1"');
    const ld = /<script type="application\/ld\+json"[^>]*>(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    expect(ld).not.toContain('<');
    expect(ld).toContain('\\u003cscript>');
    expect(JSON.parse(ld)).toMatchObject({
      '@type': 'ExhibitionEvent',
      name: 'Trầm hương Khánh Hòa',
      alternateName: 'Agarwood of Khánh Hòa',
      organizer: { name: expect.stringContaining('Bảo tàng') },
      workFeatured: [{ '@type': 'VisualArtwork', name: 'Khối trầm hương Khánh Hòa' }],
    });

    const section2 = await (await ctx.request('/exhibitions/tram-huong-khanh-hoa/2')).text();
    expect(section2).toMatch(/<h2[^>]*>Nguồn gốc<\/h2>/);
    expect(section2).toContain(`href="/records/${objectId}"`);
    expect(section2).not.toContain(draftObjectId);
    expect(section2).toMatch(/rel="prev" href="\/exhibitions\/tram-huong-khanh-hoa\/1"/);
    // Section pages have their own JSON-LD, part of the exhibition (issue 18).
    const sectionLd = JSON.parse(
      /<script type="application\/ld\+json"[^>]*>(.*?)<\/script>/s.exec(section2)?.[1] ?? 'null',
    ) as Record<string, unknown>;
    expect(sectionLd).toMatchObject({
      '@type': 'CreativeWork',
      '@id': 'http://localhost:3000/exhibitions/tram-huong-khanh-hoa/2',
      name: 'Nguồn gốc',
      inLanguage: 'vi',
      position: 2,
      isPartOf: {
        '@type': 'ExhibitionEvent',
        '@id': 'http://localhost:3000/exhibitions/tram-huong-khanh-hoa',
      },
      about: [{ '@type': 'VisualArtwork', name: 'Khối trầm hương Khánh Hòa' }],
    });
    expect(JSON.stringify(sectionLd)).not.toContain(draftObjectId);
    const en = await (await ctx.request('/en/exhibitions/tram-huong-khanh-hoa/1')).text();
    expect(en).toMatch(/<h2[^>]*>Agarwood hunters<\/h2>/);
    expect(en).toContain('rel="next" href="/en/exhibitions/tram-huong-khanh-hoa/2"');
    expect((await ctx.request('/exhibitions/tram-huong-khanh-hoa/3')).status).toBe(404);
    expect((await ctx.request('/exhibitions/tram-huong-khanh-hoa/01')).status).toBe(404);

    const list = await (await ctx.request('/exhibitions')).text();
    expect(list).toContain('href="/exhibitions/tram-huong-khanh-hoa"');
    const recordPage = await (await ctx.request(`/records/${objectId}`)).text();
    expect(recordPage).toContain('href="/exhibitions/tram-huong-khanh-hoa"');
    expect(recordPage).toContain('"subjectOf":[{"@type":"ExhibitionEvent"');

    await setExhibitionStatus(ctx.deps, curator, ex.id, 'draft');
    expect((await ctx.request('/exhibitions/tram-huong-khanh-hoa/1')).status).toBe(404);
  });

  it("refuses another unit's staff, guessed ids and stale versions", async () => {
    const ex = await createExhibition(ctx.deps, curator, { unitId: museum, titleVi: 'Tháp Bà Ponagar' });
    const section = await addSection(ctx.deps, curator, ex.id, { headingVi: 'Kiến trúc' });
    await expect(
      createExhibition(ctx.deps, librarian, { unitId: museum, titleVi: 'Chen ngang' }),
    ).rejects.toMatchObject({ status: 403 });
    // A draft of another unit is not even confirmed to exist.
    await expect(addSection(ctx.deps, librarian, ex.id, { headingVi: 'X' })).rejects.toMatchObject({
      status: 404,
    });
    await setExhibitionStatus(ctx.deps, curator, ex.id, 'published');
    await expect(addSection(ctx.deps, librarian, ex.id, { headingVi: 'X' })).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      updateExhibition(ctx.deps, librarian, ex.id, { titleVi: 'Đổi tên', version: 3 }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(setExhibitionStatus(ctx.deps, librarian, ex.id, 'draft')).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      addRecordItem(ctx.deps, librarian, ex.id, section.id, { recordId: objectId }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      addSection(ctx.deps, curator, 'exh_aaaaaaaaaaaaaaaa', { headingVi: 'X' }),
    ).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      addRecordItem(ctx.deps, curator, ex.id, 'exs_aaaaaaaaaaaaaaaa', { recordId: objectId }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      addRecordItem(ctx.deps, curator, ex.id, section.id, { recordId: 'rec_aaaaaaaaaaaaaaaa' }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(addSection(ctx.deps, ANONYMOUS, ex.id, { headingVi: 'X' })).rejects.toMatchObject({
      status: 401,
    });
    const current = await ctx.deps.repos.exhibitions.get(ctx.deps.db, ex.id);
    await expect(
      updateExhibition(ctx.deps, curator, ex.id, { titleVi: 'Cũ', version: (current?.version ?? 0) - 1 }),
    ).rejects.toMatchObject({ status: 409 });
    const renamed = await updateExhibition(ctx.deps, curator, ex.id, {
      titleVi: 'Tháp Bà Ponagar, Nha Trang',
      version: current?.version ?? 0,
    });
    expect(renamed.titleVi).toBe('Tháp Bà Ponagar, Nha Trang');
    const sections = await ctx.deps.repos.exhibitions.listSections(ctx.deps.db, ex.id);
    expect(sections.map((s) => s.headingVi)).toEqual(['Kiến trúc']);
    expect(library).not.toBe(museum);
  });

  it('lets staff compose through the back-office forms without JavaScript', async () => {
    const user = await signUpAndSignIn(ctx);
    await grantRoleAsSystem(ctx.deps, { userId: user.userId, role: 'unit_staff', unitId: museum });
    const other = await signUpAndSignIn(ctx);
    await grantRoleAsSystem(ctx.deps, { userId: other.userId, role: 'unit_staff', unitId: library });
    const headers = { cookie: user.cookie };

    const page = await ctx.request('/admin/exhibitions', { headers });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="titleVi"');
    const bad = await postForm(ctx, '/admin/exhibitions', { unitId: museum, titleVi: '' }, headers);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('href="#exhibition-title-vi"');
    const created = await postForm(
      ctx,
      '/admin/exhibitions',
      { unitId: museum, titleVi: 'Alexandre Yersin ở Nha Trang', slug: '' },
      headers,
    );
    expect(created.status).toBe(303);
    const editPath = new URL(created.headers.get('location') ?? '', 'http://x').pathname;
    expect(editPath).toMatch(/^\/admin\/exhibitions\/exh_[a-z2-9]{16}$/);
    const exId = editPath.split('/').pop() as string;

    for (const headingVi of ['Thời trẻ', 'Viện Pasteur Nha Trang', 'Suối Dầu'])
      expect((await postForm(ctx, editPath, { intent: 'section-add', headingVi }, headers)).status).toBe(303);
    const noHeading = await postForm(ctx, editPath, { intent: 'section-add', headingVi: ' ' }, headers);
    expect(noHeading.status).toBe(422);
    const [a, , c] = await ctx.deps.repos.exhibitions.listSections(ctx.deps.db, exId);
    expect(
      (
        await postForm(
          ctx,
          editPath,
          { intent: 'section-move', sectionId: c?.id ?? '', direction: 'up' },
          headers,
        )
      ).status,
    ).toBe(303);
    expect(
      (
        await postForm(
          ctx,
          editPath,
          {
            intent: 'item-add-record',
            sectionId: a?.id ?? '',
            recordId: `http://localhost:3000/records/${objectId}`,
          },
          headers,
        )
      ).status,
    ).toBe(303);
    // The publish form carries the version the page showed; publishing on an older one is refused.
    const shown = (await (await ctx.request(editPath, { headers })).text()).match(
      /name="version" value="(\d+)"/,
    )?.[1];
    expect((await postForm(ctx, editPath, { intent: 'publish', version: '1' }, headers)).status).toBe(409);
    expect((await postForm(ctx, editPath, { intent: 'publish', version: shown ?? '' }, headers)).status).toBe(
      303,
    );
    const story = await getPublicExhibition(ctx.deps, ANONYMOUS, exId);
    expect(story.sections.map((s) => s.headingVi)).toEqual([
      'Thời trẻ',
      'Suối Dầu',
      'Viện Pasteur Nha Trang',
    ]);
    expect(story.sections[0]?.items).toHaveLength(1);

    const editHtml = await (await ctx.request(editPath, { headers })).text();
    expect(editHtml).toMatch(/Lên trên<span class="visually-hidden">: (<!-- -->)?Suối Dầu<\/span>/);
    expect(editHtml).not.toContain('<script type="module"');

    const foreign = await postForm(
      ctx,
      editPath,
      { intent: 'section-add', headingVi: 'Lạ' },
      { cookie: other.cookie },
    );
    expect(foreign.status).toBe(403);
    expect((await ctx.request(editPath, { headers: { cookie: other.cookie } })).status).toBe(404);
    expect((await ctx.request('/admin/exhibitions/exh_aaaaaaaaaaaaaaaa', { headers })).status).toBe(404);
    const anonymous = await ctx.request(editPath, { redirect: 'manual' });
    expect(anonymous.status).toBe(302);
  });
  it('serves the JSON API: public reads, strict staff writes, drafts hidden', async () => {
    const user = await signUpAndSignIn(ctx);
    await grantRoleAsSystem(ctx.deps, { userId: user.userId, role: 'unit_staff', unitId: museum });
    const send = (path: string, method: string, body: unknown, cookie: string | null = user.cookie) =>
      ctx.request(`/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify(body),
      });
    const input = { unitId: museum, titleVi: 'Gốm Chăm', slug: 'gom-cham' };
    expect((await send('/exhibitions', 'POST', { ...input, extra: true })).status).toBe(400);
    expect((await send('/exhibitions', 'POST', input, null)).status).toBe(401);
    expect((await send('/exhibitions', 'POST', { ...input, unitId: library })).status).toBe(403);
    const created = await send('/exhibitions', 'POST', input);
    expect(created.status).toBe(201);
    const ex = (await created.json()) as { id: string; status: string; url: string };
    expect(ex).toMatchObject({ status: 'draft', url: 'http://localhost:3000/exhibitions/gom-cham' });
    expect((await ctx.request('/api/v1/exhibitions/gom-cham')).status).toBe(404);
    expect(
      (await send(`/exhibitions/${ex.id}/status`, 'PUT', { status: 'published', version: 1 })).status,
    ).toBe(422);
    expect((await send(`/exhibitions/${ex.id}/sections`, 'POST', { headingVi: 'Lò gốm', x: 1 })).status).toBe(
      400,
    );
    expect((await send(`/exhibitions/${ex.id}/sections`, 'POST', { headingVi: 'Lò gốm' })).status).toBe(201);
    // Adding a section made version 2: publishing what one has not seen is refused.
    expect(
      (await send(`/exhibitions/${ex.id}/status`, 'PUT', { status: 'published', version: 1 })).status,
    ).toBe(409);
    expect(
      (await send(`/exhibitions/${ex.id}/status`, 'PUT', { status: 'published', version: 2 })).status,
    ).toBe(204);
    const read = await ctx.request('/api/v1/exhibitions/gom-cham');
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({
      titleVi: 'Gốm Chăm',
      sections: [{ headingVi: 'Lò gốm', items: [] }],
    });
    const list = (await (await ctx.request('/api/v1/exhibitions')).json()) as {
      exhibitions: Array<{ slug: string }>;
    };
    expect(list.exhibitions.map((e) => e.slug)).toContain('gom-cham');
  });
});
