// Progressive enhancement of /places (plain script, no framework): a "use my location" button that fills
// the near-me form from the browser's geolocation, and the Leaflet map when the page carries map data.
(() => {
  const form = document.getElementById('places-near-form');
  if (form && 'geolocation' in navigator) {
    const status = form.querySelector('.places-near-status');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button-secondary';
    button.textContent = form.dataset.locateLabel || 'Use my location';
    button.addEventListener('click', () => {
      if (status) status.textContent = form.dataset.locatingLabel || '';
      navigator.geolocation.getCurrentPosition(
        (pos) => {
          form.elements.namedItem('lat').value = pos.coords.latitude.toFixed(5);
          form.elements.namedItem('lng').value = pos.coords.longitude.toFixed(5);
          form.submit();
        },
        () => {
          if (status) status.textContent = form.dataset.locateError || '';
        },
        { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 },
      );
    });
    const submit = form.querySelector('button[type=submit]');
    submit?.insertAdjacentElement('beforebegin', button);
  }

  const dataEl = document.getElementById('places-map-data');
  const mapEl = document.getElementById('places-map');
  if (!dataEl || !mapEl) return;
  const start = () => {
    const L = window.L;
    if (!L) return;
    const data = JSON.parse(dataEl.textContent || '{}');
    const map = L.map(mapEl, { scrollWheelZoom: false });
    L.tileLayer(data.tileUrl, { maxZoom: 18, attribution: data.attribution || '' }).addTo(map);
    const points = [];
    for (const p of data.places || []) {
      if (typeof p.lat !== 'number' || typeof p.lng !== 'number') continue;
      const marker = L.circleMarker([p.lat, p.lng], { radius: 8, weight: 2 }).addTo(map);
      const link = document.createElement('a');
      link.href = p.href;
      link.textContent = p.name;
      marker.bindPopup(link);
      points.push([p.lat, p.lng]);
    }
    if (data.near) {
      L.circleMarker([data.near.lat, data.near.lng], { radius: 6, color: '#b00020' }).addTo(map);
      points.push([data.near.lat, data.near.lng]);
    }
    if (points.length) map.fitBounds(points, { padding: [24, 24], maxZoom: 14 });
    else map.setView([12.25, 109.05], 9);
  };
  if (window.L) start();
  else window.addEventListener('load', start);
})();
