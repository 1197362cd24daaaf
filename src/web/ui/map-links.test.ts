import { describe, expect, it } from 'vitest';
import { directionsUrl } from './map-links.ts';

describe('directions link', () => {
  it('goes to the coordinates when the place has them', () => {
    expect(directionsUrl({ name: 'Thư viện tỉnh', address: null, lat: 12.2388, lng: 109.1967 })).toBe(
      'https://www.google.com/maps/dir/?api=1&destination=12.2388%2C109.1967',
    );
  });
  it('searches the name and address otherwise, encoded', () => {
    const url = directionsUrl({ name: 'Bảo tàng', address: '16 Trần Phú & Nha Trang', lat: null, lng: null });
    expect(new URL(url).searchParams.get('destination')).toBe('Bảo tàng, 16 Trần Phú & Nha Trang');
  });
});
