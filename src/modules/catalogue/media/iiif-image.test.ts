// IIIF Image API 3.0: info.json shape (checked as the specification's validator does) and request parsing,
// with the specification's own examples (§4.1–4.5) on a 6000 × 4000 image.
import { describe, expect, it } from 'vitest';
import { ImageRequestError, imageInfo, infoProblems, MAX_SIDE, parseImageRequest } from './iiif-image.ts';

const W = 6000;
const H = 4000;
const req = (region: string, size = 'max', rotation = '0', qualityFormat = 'default.jpg') =>
  parseImageRequest({ region, size, rotation, qualityFormat }, W, H);
const bad = (region: string, size = 'max', rotation = '0', qualityFormat = 'default.jpg') => {
  try {
    req(region, size, rotation, qualityFormat);
  } catch (e) {
    return e instanceof ImageRequestError ? e.status : 'other';
  }
  return 'accepted';
};

describe('IIIF Image API 3.0 info.json', () => {
  const info = imageInfo({
    id: 'https://hoctap.example.vn/iiif/image/file_1111111111111111',
    width: W,
    height: H,
    sizes: [
      { width: 1920, height: 1280 },
      { width: 320, height: 213 },
    ],
  });

  it('has the required properties and shapes of an ImageService3 at level 2', () => {
    expect(infoProblems(info)).toEqual([]);
    expect(info).toMatchObject({
      '@context': 'http://iiif.io/api/image/3/context.json',
      type: 'ImageService3',
      protocol: 'http://iiif.io/api/image',
      profile: 'level2',
      width: W,
      height: H,
    });
    expect(info.sizes?.map((s) => s.width)).toEqual([320, 1920]);
    // Scale factors go down until the whole image fits one 512-pixel tile.
    expect(info.tiles[0]?.scaleFactors).toEqual([1, 2, 4, 8, 16]);
  });

  it('the validator catches what a broken document gets wrong', () => {
    expect(infoProblems({ ...info, type: 'ImageService2' })).toEqual(['type']);
    expect(infoProblems({ ...info, id: 'https://x.test/iiif/image/f/' })).toEqual(['id']);
    expect(infoProblems({ ...info, width: 0, tiles: [{ width: 512, scaleFactors: [] }] })).toEqual([
      'width',
      'tiles',
    ]);
    const { protocol: _, ...noProtocol } = info;
    expect(infoProblems(noProtocol)).toEqual(['protocol']);
  });
});

describe('IIIF Image API 3.0 requests', () => {
  it('regions: full, square, pixels, percent, cropped at the edge', () => {
    expect(req('full', 'max').region).toEqual({ left: 0, top: 0, width: W, height: H });
    expect(req('square', '512,').region).toEqual({ left: 1000, top: 0, width: 4000, height: 4000 });
    expect(req('125,15,120,140', '120,').region).toEqual({ left: 125, top: 15, width: 120, height: 140 });
    expect(req('pct:41.6,7.5,40,70', 'max').region).toEqual({
      left: 2496,
      top: 300,
      width: 2400,
      height: 2800,
    });
    expect(req('5900,3900,512,512', 'max').region).toEqual({
      left: 5900,
      top: 3900,
      width: 100,
      height: 100,
    });
    expect(bad('6000,0,10,10')).toBe(400);
    expect(bad('0,0,0,10')).toBe(400);
    expect(bad('1,2,3')).toBe(400);
  });

  it('sizes: w, ,h, pct, w,h, !w,h, max (capped), ^ to upscale', () => {
    expect(req('0,0,1000,500', '250,')).toMatchObject({ width: 250, height: 125 });
    expect(req('0,0,1000,500', ',100')).toMatchObject({ width: 200, height: 100 });
    expect(req('0,0,1000,500', 'pct:50')).toMatchObject({ width: 500, height: 250 });
    expect(req('0,0,1000,500', '300,300')).toMatchObject({ width: 300, height: 300 });
    expect(req('0,0,1000,500', '!300,300')).toMatchObject({ width: 300, height: 150 });
    expect(req('full', 'max')).toMatchObject({ width: MAX_SIDE, height: Math.round((H * MAX_SIDE) / W) });
    expect(bad('0,0,100,100', '200,')).toBe(400);
    expect(req('0,0,100,100', '^200,')).toMatchObject({ width: 200, height: 200 });
    expect(bad('full', `^${MAX_SIDE + 1},`)).toBe(400);
    expect(bad('full', '!300,')).toBe(400);
    expect(bad('full', ',')).toBe(400);
  });

  it('rotation by 90s with mirroring, qualities and formats', () => {
    expect(req('full', '100,', '!90', 'gray.png')).toMatchObject({
      rotation: 90,
      mirror: true,
      quality: 'gray',
      format: 'png',
    });
    expect(req('full', '100,', '360', 'bitonal.webp')).toMatchObject({ rotation: 0, quality: 'bitonal' });
    expect(bad('full', '100,', '45')).toBe(400);
    expect(bad('full', '100,', '0', 'native.jpg')).toBe(400);
    expect(bad('full', '100,', '0', 'default.gif')).toBe(400);
  });
});
