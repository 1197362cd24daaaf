// Images on catalogue records through the real files module, use cases, pages and the IIIF manifest route:
// alt text required, unit scope, order, srcset on the public page, a valid manifest with CORS.
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS } from '../../../lib/authz.ts';
import { postForm, signUpAndSignIn } from '../../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { grantRoleAsSystem } from '../../access/access.grants.server.ts';
import { addUploadedImage } from '../../exhibitions/exhibitions.images.server.ts';
import {
  addSection,
  createExhibition,
  setExhibitionStatus,
} from '../../exhibitions/exhibitions.usecases.server.ts';
import { actorOn, auditCount, unitIdOf } from '../../units/units.test-helpers.ts';
import { createCatalogueRecord } from '../catalogue.usecases.server.ts';
import { IIIF_CONTENT_TYPE, manifestProblems } from './iiif.ts';
import {
  addRecordImage,
  deleteRecordImage,
  listRecordImages,
  moveRecordImage,
  updateRecordImageText,
} from './media.usecases.server.ts';

describe('record images and IIIF manifests', () => {
  let ctx: TestContext;
  let dir: string;
  let museum: string;
  let curator: Actor;
  let librarian: Actor;
  let recordId: string;
  let draftId: string;
  let n = 0;

  /** A real PNG on disk, as the multipart parser would have left it. */
  async function png(width: number, height: number, color = '#8a5a2b'): Promise<string> {
    const path = join(dir, `upload-${++n}.png`);
    await sharp({ create: { width, height, channels: 3, background: color } })
      .png()
      .toFile(path);
    return path;
  }
  const storedFiles = async () =>
    (await ctx.dbh.query<{ n: number }>('SELECT count(*)::int AS n FROM stored_files'))[0]?.n ?? 0;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'record-images-'));
    ctx = await createTestContext({ config: { DATA_DIR: join(dir, 'data') } });
    museum = await unitIdOf(ctx, 'bao-tang-tinh');
    curator = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
    librarian = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const record = (title: string, published: boolean) =>
      createCatalogueRecord(ctx.deps, curator, {
        type: 'museum_object',
        title,
        creators: ['Nghệ nhân Chăm'],
        subjects: ['Tháp Bà Ponagar'],
        unitId: museum,
        published,
        details: {},
        holdings: [{ availability: 'on_display' }],
        rights: 'http://creativecommons.org/licenses/by/4.0/',
      });
    recordId = (await record('Tượng nữ thần Po Nagar', true)).id;
    draftId = (await record('Phù điêu chưa công bố', false)).id;
  });
  afterAll(() => ctx.close());

  it('requires the Vietnamese alt text and stores nothing without it', async () => {
    const before = await storedFiles();
    const temp = await png(40, 30);
    await expect(
      addRecordImage(ctx.deps, curator, recordId, { tempPath: temp, fileName: 'a.png' }, { altVi: '   ' }),
    ).rejects.toMatchObject({ status: 422, messageKey: 'exhibitions.error.altRequired' });
    await expect(
      addRecordImage(ctx.deps, curator, recordId, { tempPath: await png(40, 30), fileName: 'a.png' }, {}),
    ).rejects.toMatchObject({ status: 422 });
    expect(await storedFiles()).toBe(before);
    expect((await readdir(dir)).filter((f) => f.startsWith('upload-'))).toEqual([]);
  });

  it("keeps other units' staff, anonymous visitors and guessed ids out", async () => {
    const text = { altVi: 'Tượng đá' };
    await expect(
      addRecordImage(ctx.deps, librarian, recordId, { tempPath: await png(40, 30), fileName: 'a.png' }, text),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      addRecordImage(ctx.deps, librarian, draftId, { tempPath: await png(40, 30), fileName: 'a.png' }, text),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      addRecordImage(ctx.deps, ANONYMOUS, recordId, { tempPath: await png(40, 30), fileName: 'a.png' }, text),
    ).rejects.toMatchObject({ status: 401 });
    await expect(
      addRecordImage(
        ctx.deps,
        curator,
        'rec_aaaaaaaaaaaaaaaa',
        { tempPath: await png(40, 30), fileName: 'a.png' },
        text,
      ),
    ).rejects.toMatchObject({ status: 404 });
    expect((await readdir(dir)).filter((f) => f.startsWith('upload-'))).toEqual([]);
  });

  it('stores ordered images with derivatives and serves a valid IIIF manifest with CORS', async () => {
    const front = await addRecordImage(
      ctx.deps,
      curator,
      recordId,
      { tempPath: await png(2400, 1600), fileName: 'mat-truoc.png' },
      {
        altVi: 'Mặt trước tượng nữ thần bằng sa thạch',
        altEn: 'Front of the sandstone goddess',
        captionVi: 'Mặt trước',
      },
    );
    const back = await addRecordImage(
      ctx.deps,
      curator,
      recordId,
      { tempPath: await png(600, 900, '#444444'), fileName: 'mat-sau.png' },
      { altVi: 'Mặt sau tượng, lưng phẳng' },
    );
    expect([front.position, back.position]).toEqual([0, 1]);
    expect(front).toMatchObject({ width: 2400, height: 1600 });
    expect(front.variants.large).toMatchObject({ width: 1920, height: 1280 });
    expect(await auditCount(ctx, 'catalogue.image.create', recordId)).toBe(2);

    const res = await ctx.request(`/iiif/${recordId}/manifest.json`, {
      headers: { origin: 'https://viewer.example' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('content-type')).toBe(IIIF_CONTENT_TYPE);
    const manifest = (await res.json()) as Record<string, unknown>;
    expect(manifestProblems(manifest)).toEqual([]);
    expect(manifest.id).toBe(`http://localhost:3000/iiif/${recordId}/manifest.json`);
    expect(manifest.rights).toBe('http://creativecommons.org/licenses/by/4.0/');
    const canvases = manifest.items as Array<{
      width: number;
      height: number;
      label: unknown;
      items: unknown;
    }>;
    expect(canvases.map((c) => [c.width, c.height])).toEqual([
      [2400, 1600],
      [600, 900],
    ]);
    expect(canvases[0]?.label).toEqual({
      vi: ['Mặt trước tượng nữ thần bằng sa thạch'],
      en: ['Front of the sandstone goddess'],
    });
    const bodyUrl = /"body":\{"id":"http:\/\/localhost:3000(\/media\/[^"]+)"/.exec(
      JSON.stringify(canvases[0]?.items),
    )?.[1];
    const media = await ctx.request(bodyUrl ?? '/missing');
    expect(media.status).toBe(200);
    expect(media.headers.get('content-type')).toBe('image/webp');
    expect(media.headers.get('cache-control')).toContain('max-age=31536000');
    const preflight = await ctx.request(`/iiif/${recordId}/manifest.json`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');

    await moveRecordImage(ctx.deps, curator, recordId, back.id, 'up');
    await updateRecordImageText(
      ctx.deps,
      curator,
      recordId,
      back.id,
      { altVi: 'Lưng tượng', captionEn: 'Back' },
      back.version,
    );
    await expect(
      updateRecordImageText(ctx.deps, curator, recordId, back.id, { altVi: '' }, back.version + 1),
    ).rejects.toMatchObject({ status: 422 });
    await expect(moveRecordImage(ctx.deps, librarian, recordId, back.id, 'down')).rejects.toMatchObject({
      status: 403,
    });
    await expect(deleteRecordImage(ctx.deps, curator, draftId, back.id)).rejects.toMatchObject({
      status: 404,
    });
    const reordered = (await (await ctx.request(`/iiif/${recordId}/manifest.json`)).json()) as {
      items: Array<{ label: { vi: string[] } }>;
    };
    expect(reordered.items.map((c) => c.label.vi[0])).toEqual([
      'Lưng tượng',
      'Mặt trước tượng nữ thần bằng sa thạch',
    ]);
    expect((await listRecordImages(ctx.deps, ANONYMOUS, recordId)).map((i) => i.id)).toEqual([
      back.id,
      front.id,
    ]);
  });

  it('answers 404 for manifests of drafts, records without images and malformed ids', async () => {
    await addRecordImage(
      ctx.deps,
      curator,
      draftId,
      { tempPath: await png(300, 200), fileName: 'x.png' },
      { altVi: 'Phù điêu' },
    );
    for (const path of [
      `/iiif/${draftId}/manifest.json`,
      '/iiif/rec_aaaaaaaaaaaaaaaa/manifest.json',
      '/iiif/not-an-id/manifest.json',
    ]) {
      const res = await ctx.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('shows images with srcset and alt text on the public record page, and JSON-LD images', async () => {
    const res = await ctx.request(`/records/${recordId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(
      /<img[^>]+srcSet="\/media\/file_[a-z2-9]+\/thumb 320w, \/media\/file_[a-z2-9]+\/medium 960w, \/media\/file_[a-z2-9]+\/large 1920w"/i,
    );
    expect(html).toContain('alt="Mặt trước tượng nữ thần bằng sa thạch"');
    expect(html).toContain(`href="http://localhost:3000/iiif/${recordId}/manifest.json"`);
    expect(html).toContain('<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/"/>');
    expect(html).toContain('<meta name="DC.title" content="Tượng nữ thần Po Nagar"/>');
    const ld = JSON.parse(
      /<script type="application\/ld\+json"[^>]*>(.*?)<\/script>/s.exec(html)?.[1] ?? '{}',
    );
    expect(ld).toMatchObject({ '@type': 'VisualArtwork', name: 'Tượng nữ thần Po Nagar' });
    expect(ld.image).toHaveLength(2);
    expect(ld.image[0]).toMatchObject({ '@type': 'ImageObject', description: 'Lưng tượng' });
    const en = await (await ctx.request(`/en/records/${recordId}`)).text();
    expect(en).toContain('alt="Front of the sandstone goddess"');
    expect(en).toMatch(/alt="Lưng tượng" lang="vi"/);
    expect(html).not.toContain('/admin/catalogue/records/');
  });

  it('lets staff upload through the no-JavaScript form, with the alt text error linked to its field', async () => {
    const user = await signUpAndSignIn(ctx);
    await grantRoleAsSystem(ctx.deps, { userId: user.userId, role: 'unit_staff', unitId: museum });
    const bytes = await sharp({ create: { width: 50, height: 40, channels: 3, background: '#0b5c8a' } })
      .jpeg()
      .toBuffer();
    const upload = (fields: Record<string, string>) => {
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'anh.jpg');
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      return ctx.request(`/admin/catalogue/records/${recordId}/images/new`, {
        method: 'POST',
        headers: { cookie: user.cookie },
        body: form,
        redirect: 'manual',
      });
    };
    const files = await storedFiles();
    const missing = await upload({ altVi: '', captionVi: 'Chú thích' });
    expect(missing.status).toBe(422);
    const page = await missing.text();
    expect(page).toContain('href="#record-image-alt-vi"');
    expect(page).toContain('value="Chú thích"');
    expect(await storedFiles()).toBe(files);
    const ok = await upload({ altVi: 'Ảnh chụp bệ tượng' });
    expect(ok.status).toBe(303);
    expect(await storedFiles()).toBe(files + 1);
    const manage = await ctx.request(`/admin/catalogue/records/${recordId}/images`, {
      headers: { cookie: user.cookie },
    });
    expect(manage.status).toBe(200);
    expect(await manage.text()).toContain('Ảnh chụp bệ tượng');
    const recordPage = await (
      await ctx.request(`/records/${recordId}`, { headers: { cookie: user.cookie } })
    ).text();
    expect(recordPage).toContain(`href="/admin/catalogue/records/${recordId}/images"`);
  });
  it('places uploaded images in exhibition sections only with alt text and only for the unit', async () => {
    const ex = await createExhibition(ctx.deps, curator, { unitId: museum, titleVi: 'Điêu khắc Chăm' });
    const section = await addSection(ctx.deps, curator, ex.id, { headingVi: 'Tượng thờ' });
    const files = await storedFiles();
    await expect(
      addUploadedImage(
        ctx.deps,
        curator,
        ex.id,
        section.id,
        { tempPath: await png(80, 60), fileName: 'a.png' },
        {
          altVi: '',
        },
      ),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      addUploadedImage(
        ctx.deps,
        librarian,
        ex.id,
        section.id,
        { tempPath: await png(80, 60), fileName: 'a.png' },
        {
          altVi: 'Tượng',
        },
      ),
    ).rejects.toMatchObject({ status: 404 });
    expect(await storedFiles()).toBe(files);
    await addUploadedImage(
      ctx.deps,
      curator,
      ex.id,
      section.id,
      { tempPath: await png(800, 600, '#996633'), fileName: 'tuong.png' },
      { altVi: 'Tượng thần Shiva bằng sa thạch', captionVi: 'Thế kỷ X' },
    );
    expect(await storedFiles()).toBe(files + 1);
    await setExhibitionStatus(ctx.deps, curator, ex.id, 'published');
    const html = await (await ctx.request(`/exhibitions/${ex.slug}/1`)).text();
    expect(html).toMatch(/<img[^>]+alt="Tượng thần Shiva bằng sa thạch"/);
    expect(html).toContain('<figcaption>Thế kỷ X</figcaption>');
    expect((await readdir(dir)).filter((f) => f.startsWith('upload-'))).toEqual([]);
  });

  it('refuses the second edit of image texts made from the same version (409), side by side on the page', async () => {
    const image = await addRecordImage(
      ctx.deps,
      curator,
      recordId,
      { tempPath: await png(40, 30), fileName: 'c.png' },
      { altVi: 'Bệ tượng' },
    );
    const user = await signUpAndSignIn(ctx);
    await grantRoleAsSystem(ctx.deps, { userId: user.userId, role: 'unit_staff', unitId: museum });
    const path = `/admin/catalogue/records/${recordId}/images`;
    const page = await (await ctx.request(path, { headers: { cookie: user.cookie } })).text();
    const hidden = `name="imageId" value="${image.id}"/><input type="hidden" name="version" value="(\\d+)"`;
    const loaded = Number(page.match(new RegExp(hidden))?.[1]);
    expect(loaded).toBe(image.version);
    await updateRecordImageText(ctx.deps, curator, recordId, image.id, { altVi: 'Bệ tượng đá' }, loaded);
    await expect(
      updateRecordImageText(ctx.deps, curator, recordId, image.id, { altVi: 'Bệ tượng (B)' }, loaded),
    ).rejects.toMatchObject({ status: 409, code: 'catalogue.image.version_conflict' });
    const stale = await postForm(
      ctx,
      path,
      { intent: 'update', imageId: image.id, version: String(loaded), altVi: 'Bản sửa trên trang' },
      { cookie: user.cookie },
    );
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('class="conflict-summary"');
    expect(html).toContain('Bệ tượng đá');
    expect(html).toContain('Bản sửa trên trang');
    expect((await ctx.deps.repos.catalogueMedia.getImage(ctx.deps.db, image.id))?.altVi).toBe('Bệ tượng đá');
  });
});
