// Issue 18 over HTTP: the deep-zoom viewer is a script island loaded only on its own page (the record page keeps
// 0 KB of JavaScript), within a gzip budget, with no React in the browser; without scripts it is a readable
// page with links to the full-size image and the manifest. English catalogue pages tag Vietnamese (and other)
// record data with its language: search results, the record page, exhibition objects.
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../lib/i18n.server.ts';
import { createCatalogueRecord } from '../../modules/catalogue/catalogue.usecases.server.ts';
import { addRecordImage } from '../../modules/catalogue/media/media.usecases.server.ts';
import { addUploadedImage } from '../../modules/exhibitions/exhibitions.images.server.ts';
import {
  addRecordItem,
  addSection,
  createExhibition,
  setExhibitionStatus,
} from '../../modules/exhibitions/exhibitions.usecases.server.ts';
import { actorOn, unitIdOf } from '../../modules/units/units.test-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';

const clientDir = join(process.cwd(), process.env.RR_BUILD_DIR ?? 'build', 'client');
/** What the viewer page may load, gzip: OpenSeadragon (~86 KB) and the island. */
const VIEWER_BUDGET_GZIP = 100 * 1024;

const executableScripts = (html: string) =>
  [...html.matchAll(/<script\b([^>]*)>/g)]
    .map((m) => m[1] ?? '')
    .filter((attrs) => !/type="application\/(ld\+)?json"/.test(attrs));
const scriptFiles = (html: string) =>
  [...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] as string);

describe('the image viewer and the language of record data', () => {
  let ctx: TestContext;
  let recordId = '';
  let imageId = '';
  let frenchId = '';
  let exhibitionItemId = '';

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'viewer-'));
    ctx = await createTestContext({ config: { DATA_DIR: join(dir, 'data') } });
    const museum = await unitIdOf(ctx, 'bao-tang-tinh');
    const curator = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
    const record = (title: string, language: string, creators: string[]) =>
      createCatalogueRecord(ctx.deps, curator, {
        type: 'museum_object',
        title,
        creators,
        subjects: ['Tháp Bà Ponagar'],
        language,
        unitId: museum,
        published: true,
        details: {},
        holdings: [{ availability: 'on_display', location: 'Phòng trưng bày tầng 2' }],
      });
    recordId = (await record('Tượng nữ thần Po Nagar', 'vie', ['Nghệ nhân Chăm'])).id;
    frenchId = (await record('Les tours de Po Nagar', 'fre', ['Henri Parmentier'])).id;
    const png = join(dir, 'tuong.png');
    await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#8a5a2b' } })
      .png()
      .toFile(png);
    imageId = (
      await addRecordImage(
        ctx.deps,
        curator,
        recordId,
        { tempPath: png, fileName: 'tuong.png' },
        { altVi: 'Tượng đá nữ thần ngồi trên bệ', captionVi: 'Mặt trước' },
      )
    ).id;
    const ex = await createExhibition(ctx.deps, curator, {
      unitId: museum,
      titleVi: 'Tháp Bà',
      titleEn: 'The Po Nagar towers',
    });
    const section = await addSection(ctx.deps, curator, ex.id, { headingVi: 'Tượng', headingEn: 'Statues' });
    await addRecordItem(ctx.deps, curator, ex.id, section.id, { recordId });
    await addRecordItem(ctx.deps, curator, ex.id, section.id, { recordId: frenchId });
    const tower = join(dir, 'thap.png');
    await sharp({ create: { width: 900, height: 1400, channels: 3, background: '#a0522d' } })
      .png()
      .toFile(tower);
    exhibitionItemId = await addUploadedImage(
      ctx.deps,
      curator,
      ex.id,
      section.id,
      { tempPath: tower, fileName: 'thap.png' },
      { altVi: 'Tháp gạch đỏ trên đồi', captionVi: 'Tháp chính' },
    );
    await setExhibitionStatus(ctx.deps, curator, ex.id, 'published');
  }, 180_000);
  afterAll(() => ctx?.close());

  it('the record page runs no script and links to the viewer and, labelled, to the manifest', async () => {
    const html = await (await ctx.request(`/records/${recordId}`)).text();
    expect(executableScripts(html)).toEqual([]);
    expect(html).not.toContain('modulepreload');
    expect(html).toContain(
      `href="/records/${recordId}/images/${imageId}">${t('vi', 'catalogue.viewer.open')}<`,
    );
    expect(html).toContain(`/iiif/${recordId}/manifest.json" type="application/ld+json">`);
    expect(html).toContain(t('vi', 'catalogue.viewer.manifest'));
  });

  for (const locale of ['vi', 'en'] as const) {
    it(`the viewer page (${locale}) loads only OpenSeadragon and its island, within budget, and reads without them`, async () => {
      const prefix = locale === 'en' ? '/en' : '';
      const res = await ctx.request(`${prefix}/records/${recordId}/images/${imageId}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).not.toMatch(/<script [^>]*type="module"/);
      expect(html).not.toContain('__reactRouterContext');
      const files = scriptFiles(html);
      expect(files).toEqual([
        expect.stringMatching(/^\/assets\/openseadragon\.min-[\w-]+\.js$/),
        expect.stringMatching(/^\/assets\/deep-zoom-[\w-]+\.js$/),
      ]);
      const gzip = files.reduce((n, f) => n + gzipSync(readFileSync(join(clientDir, f))).length, 0);
      expect(gzip).toBeLessThanOrEqual(VIEWER_BUDGET_GZIP);
      for (const f of files) expect(html).toMatch(new RegExp(`<script src="${f}" nonce="[^"]+" defer="">`));
      // The island reads our own image service.
      expect(html).toContain('data-deep-zoom="/iiif/image/');
      const info = /data-deep-zoom="([^"]+)"/.exec(html)?.[1] as string;
      expect((await ctx.request(info)).status).toBe(200);
      // Without scripts: the large derivative with its alt text, full-size and manifest links.
      expect(html).toMatch(/<img [^>]*src="\/media\/[\w-]+\/large"/);
      expect(html).toContain('alt="Tượng đá nữ thần ngồi trên bệ"');
      const full = /href="(\/iiif\/image\/[^"]+\/full\/max\/0\/default\.jpg)"/.exec(html)?.[1] as string;
      const fullRes = await ctx.request(full);
      expect(fullRes.status).toBe(200);
      expect(fullRes.headers.get('content-type')).toBe('image/jpeg');
      expect(html).toContain(t(locale, 'catalogue.viewer.manifest'));
      expect(html).toContain(t(locale, 'catalogue.viewer.help'));
    });
  }

  it('opens an exhibition’s own image in the same viewer, linked from its section', async () => {
    const section = await (await ctx.request('/en/exhibitions/thap-ba/1')).text();
    expect(executableScripts(section)).toEqual([]);
    expect(section).toContain(`href="/en/exhibitions/thap-ba/images/${exhibitionItemId}"`);
    expect(section).toContain(`href="/en/records/${recordId}/images/${imageId}"`);
    const res = await ctx.request(`/en/exhibitions/thap-ba/images/${exhibitionItemId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(scriptFiles(html)).toEqual([
      expect.stringMatching(/^\/assets\/openseadragon\.min-[\w-]+\.js$/),
      expect.stringMatching(/^\/assets\/deep-zoom-[\w-]+\.js$/),
    ]);
    expect(html).toContain('<h1>Statues</h1>');
    expect(html).toContain('alt="Tháp gạch đỏ trên đồi" lang="vi"');
    expect(html).toContain('<figcaption lang="vi">Tháp chính</figcaption>');
    const info = /data-deep-zoom="([^"]+)"/.exec(html)?.[1] as string;
    expect((await ctx.request(info)).status).toBe(200);
    expect((await ctx.request(`/exhibitions/thap-ba/images/${imageId}`)).status).toBe(404);
  });

  it('answers 404 for an image that is not the record’s', async () => {
    expect((await ctx.request(`/records/${frenchId}/images/${imageId}`)).status).toBe(404);
    expect((await ctx.request(`/records/${recordId}/images/nothing`)).status).toBe(404);
  });

  it('tags record data with its language on English pages, and not on Vietnamese ones', async () => {
    const en = await (await ctx.request(`/en/records/${recordId}`)).text();
    expect(en).toContain('<h1 lang="vi">Tượng nữ thần Po Nagar</h1>');
    expect(en).toContain('<dd lang="vi">Nghệ nhân Chăm</dd>');
    expect(en).toMatch(/<dd lang="vi">[^<]*Bảo tàng/);
    expect(en).toContain('<td lang="vi">Phòng trưng bày tầng 2</td>');
    const fr = await (await ctx.request(`/en/records/${frenchId}`)).text();
    expect(fr).toContain('<h1 lang="fr">Les tours de Po Nagar</h1>');
    const vi = await (await ctx.request(`/records/${recordId}`)).text();
    expect(vi).toContain('<h1>Tượng nữ thần Po Nagar</h1>');
    const frOnVi = await (await ctx.request(`/records/${frenchId}`)).text();
    expect(frOnVi).toContain('<h1 lang="fr">Les tours de Po Nagar</h1>');

    const search = await (await ctx.request('/en/search?q=po+nagar')).text();
    expect(search).toMatch(new RegExp(`<a href="/en/records/${recordId}" lang="vi">`));
    expect(search).toMatch(new RegExp(`<a href="/en/records/${frenchId}" lang="fr">`));
    expect(search).toContain('<span lang="vi">Nghệ nhân Chăm</span>');
    expect(search).toMatch(/Held by: <span lang="vi">Bảo tàng/);
    const searchVi = await (await ctx.request('/search?q=po+nagar')).text();
    expect(searchVi).toContain(`<a href="/records/${recordId}">`);
    expect(searchVi).toContain('<span>Nghệ nhân Chăm</span>');
    expect(search).toMatch(/> <span lang="vi">Bảo tàng tỉnh<\/span> <span class="muted">/);

    const ex = await (await ctx.request('/en/exhibitions/thap-ba/1')).text();
    expect(ex).toMatch(new RegExp(`<a href="/en/records/${recordId}" lang="vi">Tượng nữ thần Po Nagar</a>`));
    expect(ex).toMatch(new RegExp(`<a href="/en/records/${frenchId}" lang="fr">Les tours de Po Nagar</a>`));
    expect(ex).toContain('<h1>The Po Nagar towers</h1>');
  });
});
