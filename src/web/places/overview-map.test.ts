import { describe, expect, it } from 'vitest';
import { kindGroup, layoutOverview, MAP_WIDTH } from './overview-map.ts';

const nhaTrang = { id: 'a', kind: 'provincial_library', district: 'Nha Trang', lat: 12.2451, lng: 109.1943 };
const camRanh = {
  id: 'b',
  kind: 'commune_cultural_centre',
  district: 'Cam Ranh',
  lat: 11.9214,
  lng: 109.1591,
};
const vanNinh = { id: 'c', kind: 'provincial_museum', district: 'Vạn Ninh', lat: 12.7236, lng: 109.2266 };

describe('the places overview map', () => {
  it('draws nothing when no place is located', () => {
    expect(layoutOverview([], null)).toBeNull();
  });

  it('keeps north up and every point inside the box', () => {
    const m = layoutOverview([nhaTrang, camRanh, vanNinh], null);
    if (!m) throw new Error('no map');
    const y = Object.fromEntries(m.points.map((p) => [p.id, p.y]));
    expect(y.c).toBeLessThan(y.a as number); // Vạn Ninh is north of Nha Trang
    expect(y.a).toBeLessThan(y.b as number); // Nha Trang is north of Cam Ranh
    for (const p of m.points) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(MAP_WIDTH);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(m.height);
    }
  });

  it('centres a single place instead of dividing by a zero extent', () => {
    const m = layoutOverview([nhaTrang], null);
    expect(m?.points[0]).toMatchObject({ x: MAP_WIDTH / 2 });
    expect(Number.isFinite(m?.height)).toBe(true);
  });

  it('labels each district once, where its places are, and places the reader inside the box', () => {
    const m = layoutOverview([nhaTrang, { ...nhaTrang, id: 'd', lat: 12.25 }, camRanh], {
      lat: 12.1,
      lng: 109.18,
    });
    expect(m?.districts.map((d) => d.name)).toEqual(['Nha Trang', 'Cam Ranh']);
    expect(m?.districts[0]?.count).toBe(2);
    expect(m?.you?.y).toBeGreaterThan(0);
    expect(m?.you?.y).toBeLessThan(m?.height ?? 0);
  });

  it('draws far-off islands in an inset under the mainland instead of shrinking the mainland', () => {
    const truongSa = { id: 'ts', kind: 'other', district: 'Trường Sa', lat: 8.6448, lng: 111.9208 };
    const m = layoutOverview([nhaTrang, camRanh, vanNinh, truongSa], null);
    if (!m?.inset) throw new Error('no inset');
    expect(m.points.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(m.inset.points.map((p) => p.id)).toEqual(['ts']);
    expect(m.inset.y).toBeGreaterThan(Math.max(...m.points.map((p) => p.y)));
    expect(m.inset.districts[0]?.name).toBe('Trường Sa');
    expect(m.height).toBeGreaterThanOrEqual(m.inset.y + m.inset.height);
    // The mainland still spans most of the height, not a corner.
    const ys = m.points.map((p) => p.y);
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(400);
  });

  it('groups kinds into the legend styles', () => {
    expect(kindGroup('community_library')).toBe('library');
    expect(kindGroup('mobile_library_stop')).toBe('library');
    expect(kindGroup('non_public_museum')).toBe('museum');
    expect(kindGroup('community_learning_centre')).toBe('culture');
    expect(kindGroup('other')).toBe('other');
  });
});
