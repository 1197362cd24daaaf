// The IIIF Image API service over HTTP on real stored images: info.json valid against the 3.0 shape and
// referenced from the manifest, tiles and sizes rendered by sharp with the asked dimensions, errors as 400/404.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { actorOn, unitIdOf } from '../../units/units.test-helpers.ts';
import { createCatalogueRecord } from '../catalogue.usecases.server.ts';
import { infoProblems } from './iiif-image.ts';
import { addRecordImage } from './media.usecases.server.ts';

let ctx: TestContext;
let fileId: string;
let recordId: string;
const BASE = 'http://localhost:3000';

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'iiif-image-'));
  ctx = await createTestContext({ config: { DATA_DIR: join(dir, 'data') } });
  const museum = await unitIdOf(ctx, 'bao-tang-tinh');
  const curator = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
  recordId = (
    await createCatalogueRecord(ctx.deps, curator, {
      type: 'museum_object',
      title: 'Bình gốm Chăm',
      creators: [],
      subjects: [],
      unitId: museum,
      published: true,
      details: {},
      holdings: [],
      language: 'vie',
    })
  ).id;
  // Left half red, right half blue: a region request must return only its colour.
  const upload = join(dir, 'binh.png');
  await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#ff0000' } })
    .composite([
      {
        input: await sharp({ create: { width: 1500, height: 2000, channels: 3, background: '#0000ff' } })
          .png()
          .toBuffer(),
        left: 1500,
        top: 0,
      },
    ])
    .png()
    .toFile(upload);
  const image = await addRecordImage(
    ctx.deps,
    curator,
    recordId,
    { tempPath: upload, fileName: 'binh.png' },
    { altVi: 'Bình gốm hai màu' },
  );
  fileId = image.fileId;
});
afterAll(() => ctx.close());

describe('IIIF Image API 3.0 over HTTP', () => {
  it('serves a valid info.json that the manifest references as an ImageService3', async () => {
    const res = await ctx.request(`/iiif/image/${fileId}/info.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('content-type')).toBe('application/json');
    const info = (await res.json()) as Record<string, unknown>;
    expect(infoProblems(info)).toEqual([]);
    expect(info).toMatchObject({ id: `${BASE}/iiif/image/${fileId}`, width: 3000, height: 2000 });
    const ld = await ctx.request(`/iiif/image/${fileId}/info.json`, {
      headers: { accept: 'application/ld+json' },
    });
    expect(ld.headers.get('content-type')).toBe(
      'application/ld+json;profile="http://iiif.io/api/image/3/context.json"',
    );
    const base = await ctx.request(`/iiif/image/${fileId}`);
    expect(base.status).toBe(303);
    expect(base.headers.get('location')).toBe(`${BASE}/iiif/image/${fileId}/info.json`);
    const manifest = (await (await ctx.request(`/iiif/${recordId}/manifest.json`)).json()) as {
      items: Array<{ items: Array<{ items: Array<{ body: { service: unknown } }> }> }>;
    };
    expect(manifest.items[0]?.items[0]?.items[0]?.body.service).toEqual([
      { id: info.id, type: 'ImageService3', profile: 'level2' },
    ]);
  });

  it('renders regions, sizes, rotations and formats with the asked dimensions and content', async () => {
    const get = async (path: string) => {
      const res = await ctx.request(`/iiif/image/${fileId}/${path}`);
      expect(res.status, path).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      return { res, meta: await sharp(bytes).metadata(), stats: await sharp(bytes).stats() };
    };
    const tile = await get('1500,0,512,512/256,/0/default.jpg');
    expect(tile.res.headers.get('content-type')).toBe('image/jpeg');
    expect([tile.meta.width, tile.meta.height]).toEqual([256, 256]);
    expect(tile.stats.channels[2]?.mean).toBeGreaterThan(200); // blue half only
    expect(tile.stats.channels[0]?.mean).toBeLessThan(40);
    const rotated = await get('full/!300,300/90/default.png');
    expect(rotated.meta.format).toBe('png');
    expect([rotated.meta.width, rotated.meta.height]).toEqual([200, 300]);
    const gray = await get('square/100,/0/gray.webp');
    expect(gray.meta.format).toBe('webp');
    expect([gray.meta.width, gray.meta.height]).toEqual([100, 100]);
    const mirrored = await get('0,0,3000,10/pct:10/!0/default.png');
    expect(mirrored.meta.width).toBe(300);
  });

  it('answers 400 for malformed requests and 404 for unknown or non-public files', async () => {
    for (const path of ['full/max/45/default.jpg', 'full/max/0/native.jpg', '9000,0,10,10/max/0/default.jpg'])
      expect((await ctx.request(`/iiif/image/${fileId}/${path}`)).status, path).toBe(400);
    expect((await ctx.request('/iiif/image/file_aaaaaaaaaaaaaaaa/info.json')).status).toBe(404);
    expect((await ctx.request('/iiif/image/not-an-id/full/max/0/default.jpg')).status).toBe(404);
  });
});
