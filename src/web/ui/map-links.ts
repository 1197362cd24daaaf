// Links that open a place in the visitor's own map application (no tile server, no script): directions to the
// coordinates when known, else a search for the name and address. Google Maps URLs need no key and open the
// app on phones.

export interface MapTarget {
  name: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
}

export function directionsUrl(p: MapTarget): string {
  const destination =
    p.lat !== null && p.lng !== null ? `${p.lat},${p.lng}` : [p.name, p.address].filter(Boolean).join(', ');
  return `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(destination)}`;
}
