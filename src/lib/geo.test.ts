import { describe, expect, it } from 'vitest';
import { haversineKm, isValidLatLng, parseCoordinate } from './geo.ts';

describe('haversineKm', () => {
  it('is zero for the same point', () => {
    expect(haversineKm({ lat: 12.24, lng: 109.19 }, { lat: 12.24, lng: 109.19 })).toBe(0);
  });

  it('measures Nha Trang to Cam Ranh city at about 35 km', () => {
    const nhaTrang = { lat: 12.2388, lng: 109.1967 };
    const camRanh = { lat: 11.9214, lng: 109.1591 };
    const d = haversineKm(nhaTrang, camRanh);
    expect(d).toBeGreaterThan(34);
    expect(d).toBeLessThan(37);
  });

  it('measures one degree of latitude as about 111 km and is symmetric', () => {
    const a = { lat: 10, lng: 109 };
    const b = { lat: 11, lng: 109 };
    expect(haversineKm(a, b)).toBeCloseTo(111.2, 0);
    expect(haversineKm(a, b)).toBeCloseTo(haversineKm(b, a), 10);
  });

  it('handles antipodes without NaN', () => {
    expect(haversineKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(20015, -1);
  });
});

describe('coordinates', () => {
  it('reads a decimal point or a Vietnamese decimal comma', () => {
    expect(parseCoordinate('12.2388')).toBe(12.2388);
    expect(parseCoordinate(' 109,1967 ')).toBe(109.1967);
    expect(parseCoordinate('-8.5')).toBe(-8.5);
  });

  it('refuses anything that is not a plain number', () => {
    for (const s of ['', 'abc', '12.3.4', '1e3', '12°14′', 'NaN', 'Infinity', '0x10', null, undefined]) {
      expect(parseCoordinate(s)).toBeNull();
    }
  });

  it('validates ranges', () => {
    expect(isValidLatLng({ lat: 12, lng: 109 })).toBe(true);
    expect(isValidLatLng({ lat: 91, lng: 109 })).toBe(false);
    expect(isValidLatLng({ lat: 12, lng: -181 })).toBe(false);
    expect(isValidLatLng({ lat: Number.NaN, lng: 0 })).toBe(false);
  });
});
