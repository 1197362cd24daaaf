// Geometry of the places overview map (pure; client-safe): located points projected into an SVG box with an
// equirectangular projection corrected for latitude (fine at a province's scale), and where to label districts.
// Far-off islands (Khánh Hòa includes the Trường Sa archipelago, ~450 km offshore) go into an inset under the
// main map, as on printed maps of the province; otherwise the mainland would shrink to a corner.

export interface MapPoint {
  id: string;
  kind: string;
  district: string | null;
  lat: number;
  lng: number;
}

export interface ProjectedPoint extends MapPoint {
  x: number;
  y: number;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DistrictLabel {
  name: string;
  x: number;
  y: number;
  count: number;
}

export interface OverviewLayout {
  width: number;
  height: number;
  points: ProjectedPoint[];
  /** One label per district, at the mean position of its points. */
  districts: DistrictLabel[];
  you: { x: number; y: number } | null;
  /** Points far from the rest, drawn in a framed box under the main map. */
  inset: (Box & { points: ProjectedPoint[]; districts: DistrictLabel[] }) | null;
}

export const MAP_WIDTH = 600;
const PAD = 28;
const MAX_HEIGHT = 900;
const INSET_HEIGHT = 120;
/** Farther than this (in degrees, ~165 km) from the median of all points: drawn in the inset. */
const OUTLIER_DEGREES = 1.5;

/** The kinds grouped into four marker styles (the legend names them). */
export function kindGroup(kind: string): 'library' | 'museum' | 'culture' | 'other' {
  if (/library|mobile_library_stop/.test(kind)) return 'library';
  if (/museum/.test(kind)) return 'museum';
  if (/cultural|learning_centre/.test(kind)) return 'culture';
  return 'other';
}

export function layoutOverview(
  points: readonly MapPoint[],
  you: { lat: number; lng: number } | null,
): OverviewLayout | null {
  if (points.length === 0) return null;
  const mLat = median(points.map((p) => p.lat));
  const mLng = median(points.map((p) => p.lng));
  const far = (p: { lat: number; lng: number }) =>
    Math.abs(p.lat - mLat) > OUTLIER_DEGREES || Math.abs(p.lng - mLng) > OUTLIER_DEGREES;
  const main = points.filter((p) => !far(p));
  const outliers = points.filter(far);
  const youMain = you && !far(you) ? you : null;
  const mainFit = fitProjection([...main, ...(youMain ? [youMain] : [])], MAP_WIDTH, MAX_HEIGHT);
  const mainHeight = Math.max(240, mainFit.height);
  const mainBox = { x: 0, y: 0, width: MAP_WIDTH, height: mainHeight };
  const projected = main.map((p) => ({ ...p, ...mainFit.project(p.lat, p.lng, mainBox) }));
  let inset: OverviewLayout['inset'] = null;
  if (outliers.length) {
    const box = { x: 8, y: mainHeight + 8, width: MAP_WIDTH - 16, height: INSET_HEIGHT };
    const f = fitProjection(outliers, box.width, box.height);
    const pts = outliers.map((p) => ({ ...p, ...f.project(p.lat, p.lng, box) }));
    inset = { ...box, points: pts, districts: labels(pts) };
  }
  return {
    width: MAP_WIDTH,
    height: inset ? inset.y + inset.height + 8 : mainHeight,
    points: projected,
    districts: labels(projected),
    you: youMain ? mainFit.project(youMain.lat, youMain.lng, mainBox) : null,
    inset,
  };
}

/** A projection that fits these coordinates into width × (at most) maxHeight, centred in the box it draws in. */
function fitProjection(all: ReadonlyArray<{ lat: number; lng: number }>, width: number, maxHeight: number) {
  const lats = all.map((p) => p.lat);
  const lngs = all.map((p) => p.lng);
  const [minLat, maxLat] = [Math.min(...lats), Math.max(...lats)];
  const [minLng, maxLng] = [Math.min(...lngs), Math.max(...lngs)];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  // At least ~2 km of extent either way, so one place (or a few at one spot) is drawn centred, not stretched.
  const spanX = Math.max((maxLng - minLng) * k, 0.02);
  const spanY = Math.max(maxLat - minLat, 0.02);
  const pad = Math.min(PAD, maxHeight / 5);
  const scale = Math.min((width - 2 * pad) / spanX, (maxHeight - 2 * pad) / spanY);
  const cx = (minLng + maxLng) / 2;
  const cy = (minLat + maxLat) / 2;
  return {
    height: Math.round(spanY * scale + 2 * pad),
    project: (lat: number, lng: number, box: Box) => ({
      x: round(box.x + box.width / 2 + (lng - cx) * k * scale),
      y: round(box.y + box.height / 2 - (lat - cy) * scale),
    }),
  };
}

function labels(points: readonly ProjectedPoint[]): DistrictLabel[] {
  const byDistrict = new Map<string, { x: number; y: number; count: number }>();
  for (const p of points) {
    if (!p.district) continue;
    const d = byDistrict.get(p.district) ?? { x: 0, y: 0, count: 0 };
    d.x += p.x;
    d.y += p.y;
    d.count++;
    byDistrict.set(p.district, d);
  }
  return [...byDistrict.entries()]
    .map(([name, d]) => ({ name, x: round(d.x / d.count), y: round(d.y / d.count), count: d.count }))
    .sort((a, b) => b.count - a.count);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const round = (n: number) => Math.round(n * 10) / 10;
