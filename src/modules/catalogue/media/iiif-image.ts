// IIIF Image API 3.0 (https://iiif.io/api/image/3.0/), compliance level 2: the image information (info.json)
// and the parsing of `{region}/{size}/{rotation}/{quality}.{format}` into a plan for sharp. Pure functions;
// the HTTP side is iiif-image.http.server.ts.

export const IMAGE_CONTEXT = 'http://iiif.io/api/image/3/context.json';
export const IMAGE_PROTOCOL = 'http://iiif.io/api/image';
/** Largest side served (also advertised as maxWidth/maxHeight), and the tile size viewers ask for. */
export const MAX_SIDE = 4096;
export const TILE = 512;
export const FORMATS = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;
export type ImageFormat = keyof typeof FORMATS;
export type Quality = 'default' | 'color' | 'gray' | 'bitonal';

export interface ImageInfoInput {
  id: string;
  width: number;
  height: number;
  /** Stored derivatives (thumb, medium, large): listed as `sizes` a viewer can ask for first. */
  sizes: ReadonlyArray<{ width: number; height: number }>;
}

/** The image information document (info.json) of one image. */
export function imageInfo(i: ImageInfoInput) {
  const scaleFactors: number[] = [];
  for (let f = 1; f <= 64; f *= 2) {
    scaleFactors.push(f);
    if (Math.ceil(i.width / f) <= TILE && Math.ceil(i.height / f) <= TILE) break;
  }
  const sizes = [...i.sizes]
    .filter((s) => s.width <= i.width && s.height <= i.height)
    .sort((a, b) => a.width - b.width)
    .map((s) => ({ type: 'Size', width: s.width, height: s.height }));
  return {
    '@context': IMAGE_CONTEXT,
    id: i.id,
    type: 'ImageService3',
    protocol: IMAGE_PROTOCOL,
    profile: 'level2',
    width: i.width,
    height: i.height,
    maxWidth: MAX_SIDE,
    maxHeight: MAX_SIDE,
    ...(sizes.length ? { sizes } : {}),
    tiles: [{ type: 'Tile', width: TILE, scaleFactors }],
    extraFormats: ['webp'],
    extraQualities: ['color', 'gray', 'bitonal'],
    extraFeatures: ['mirroring', 'profileLinkHeader'],
  };
}

export interface ImagePlan {
  region: { left: number; top: number; width: number; height: number };
  width: number;
  height: number;
  rotation: 0 | 90 | 180 | 270;
  mirror: boolean;
  quality: Quality;
  format: ImageFormat;
}

export class ImageRequestError extends Error {
  readonly status: 400 | 404;
  constructor(message: string, status: 400 | 404 = 400) {
    super(message);
    this.status = status;
  }
}

const num = (s: string) => (/^\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN);

function parseRegion(s: string, w: number, h: number): ImagePlan['region'] {
  if (s === 'full') return { left: 0, top: 0, width: w, height: h };
  if (s === 'square') {
    const side = Math.min(w, h);
    return { left: Math.floor((w - side) / 2), top: Math.floor((h - side) / 2), width: side, height: side };
  }
  const pct = s.startsWith('pct:');
  const parts = (pct ? s.slice(4) : s).split(',').map(num);
  if (
    parts.length !== 4 ||
    parts.some((p) => Number.isNaN(p)) ||
    (!pct && parts.some((p) => !Number.isInteger(p)))
  )
    throw new ImageRequestError(`invalid region "${s}"`);
  let [x, y, rw, rh] = parts as [number, number, number, number];
  if (pct) [x, y, rw, rh] = [(x * w) / 100, (y * h) / 100, (rw * w) / 100, (rh * h) / 100];
  if (rw <= 0 || rh <= 0) throw new ImageRequestError(`region "${s}" has no area`);
  if (x >= w || y >= h) throw new ImageRequestError(`region "${s}" is outside the image`);
  const left = Math.round(x);
  const top = Math.round(y);
  // A region extending past the image is cropped to it (Image API 3.0 §4.1).
  return {
    left,
    top,
    width: Math.max(1, Math.min(Math.round(rw), w - left)),
    height: Math.max(1, Math.min(Math.round(rh), h - top)),
  };
}

function parseSize(s: string, rw: number, rh: number): { width: number; height: number } {
  const up = s.startsWith('^');
  const body = up ? s.slice(1) : s;
  let width: number;
  let height: number;
  if (body === 'max') {
    const scale = Math.min(1, MAX_SIDE / rw, MAX_SIDE / rh);
    const scaleUp = up ? Math.min(MAX_SIDE / rw, MAX_SIDE / rh) : scale;
    width = Math.round(rw * scaleUp);
    height = Math.round(rh * scaleUp);
  } else if (body.startsWith('pct:')) {
    const n = num(body.slice(4));
    if (Number.isNaN(n) || n <= 0) throw new ImageRequestError(`invalid size "${s}"`);
    width = Math.round((rw * n) / 100);
    height = Math.round((rh * n) / 100);
  } else {
    const confined = body.startsWith('!');
    const m = /^(\d*),(\d*)$/.exec(confined ? body.slice(1) : body);
    if (!m || (!m[1] && !m[2]) || (confined && (!m[1] || !m[2])))
      throw new ImageRequestError(`invalid size "${s}"`);
    const w = m[1] ? Number(m[1]) : undefined;
    const h = m[2] ? Number(m[2]) : undefined;
    if (w === 0 || h === 0) throw new ImageRequestError(`size "${s}" has no area`);
    if (confined && w !== undefined && h !== undefined) {
      const scale = Math.min(w / rw, h / rh);
      width = Math.max(1, Math.floor(rw * scale));
      height = Math.max(1, Math.floor(rh * scale));
    } else if (w !== undefined && h !== undefined) {
      width = w;
      height = h;
    } else if (w !== undefined) {
      width = w;
      height = Math.max(1, Math.round((rh * w) / rw));
    } else {
      height = h as number;
      width = Math.max(1, Math.round((rw * (h as number)) / rh));
    }
  }
  width = Math.max(1, width);
  height = Math.max(1, height);
  if (!up && (width > rw || height > rh))
    throw new ImageRequestError(`size "${s}" is larger than the region; ask with "^" to upscale`);
  if (width > MAX_SIDE || height > MAX_SIDE)
    throw new ImageRequestError(`size "${s}" exceeds the maximum of ${MAX_SIDE} pixels a side`);
  return { width, height };
}

/** Parses the four path segments of an image request against an image of `w` × `h` pixels. */
export function parseImageRequest(
  segments: { region: string; size: string; rotation: string; qualityFormat: string },
  w: number,
  h: number,
): ImagePlan {
  const region = parseRegion(segments.region, w, h);
  const size = parseSize(segments.size, region.width, region.height);
  const mirror = segments.rotation.startsWith('!');
  const degrees = num(mirror ? segments.rotation.slice(1) : segments.rotation);
  if (![0, 90, 180, 270, 360].includes(degrees))
    throw new ImageRequestError(`rotation "${segments.rotation}": only multiples of 90 are supported`);
  const m = /^(default|color|gray|bitonal)\.([a-z0-9]+)$/.exec(segments.qualityFormat);
  if (!m) throw new ImageRequestError(`invalid quality or format "${segments.qualityFormat}"`);
  const format = m[2] as string;
  if (!(format in FORMATS)) throw new ImageRequestError(`format "${format}" is not supported`, 400);
  return {
    region,
    ...size,
    rotation: (degrees % 360) as ImagePlan['rotation'],
    mirror,
    quality: m[1] as Quality,
    format: format as ImageFormat,
  };
}

/**
 * Departures of an info.json from the Image API 3.0 shape (required properties, types, profile, tiles and
 * sizes), used by tests as a validator would.
 */
export function infoProblems(info: Record<string, unknown>): string[] {
  const out: string[] = [];
  const posInt = (v: unknown) => Number.isInteger(v) && (v as number) > 0;
  if (info['@context'] !== IMAGE_CONTEXT) out.push('@context');
  if (typeof info.id !== 'string' || !/^https?:\/\/[^/]+\/.+[^/]$/.test(info.id)) out.push('id');
  if (info.type !== 'ImageService3') out.push('type');
  if (info.protocol !== IMAGE_PROTOCOL) out.push('protocol');
  if (!['level0', 'level1', 'level2'].includes(String(info.profile))) out.push('profile');
  for (const k of ['width', 'height']) if (!posInt(info[k])) out.push(k);
  for (const k of ['maxWidth', 'maxHeight', 'maxArea']) if (k in info && !posInt(info[k])) out.push(k);
  if ('sizes' in info) {
    const sizes = info.sizes as Array<Record<string, unknown>>;
    if (
      !Array.isArray(sizes) ||
      sizes.some((s) => (s.type ?? 'Size') !== 'Size' || !posInt(s.width) || !posInt(s.height))
    )
      out.push('sizes');
  }
  if ('tiles' in info) {
    const tiles = info.tiles as Array<Record<string, unknown>>;
    if (
      !Array.isArray(tiles) ||
      tiles.some(
        (t) =>
          (t.type ?? 'Tile') !== 'Tile' ||
          !posInt(t.width) ||
          ('height' in t && !posInt(t.height)) ||
          !Array.isArray(t.scaleFactors) ||
          (t.scaleFactors as unknown[]).length === 0 ||
          !(t.scaleFactors as unknown[]).every(posInt),
      )
    )
      out.push('tiles');
  }
  for (const k of ['extraFormats', 'extraQualities', 'extraFeatures'])
    if (k in info && !(Array.isArray(info[k]) && (info[k] as unknown[]).every((x) => typeof x === 'string')))
      out.push(k);
  return out;
}
