// Deep zoom on the image viewer page (src/web/catalogue/pages/viewer.tsx): a plain script island, no framework,
// loaded only on that page after the self-hosted OpenSeadragon build. The page works without it (a readable
// image and links); with it, the figure marked data-deep-zoom becomes a zoomable view whose tiles come from
// our own IIIF Image API service: the info.json is read here and its id rewritten to this origin, so every
// tile request goes to /iiif/image/… on this server whatever PUBLIC_URL says.
// Keyboard: the view is focusable (role="application", described by the help text): arrow keys pan, + and −
// zoom, 0 shows the whole image; three labelled buttons do the same for pointer and screen-reader users.
(() => {
  const figure = document.querySelector('figure[data-deep-zoom]');
  const OSD = window.OpenSeadragon;
  if (!figure || typeof OSD !== 'function') return;
  const infoUrl = figure.getAttribute('data-deep-zoom');
  const img = figure.querySelector('img');
  if (!infoUrl || !img) return;

  fetch(infoUrl, { headers: { Accept: 'application/ld+json' }, credentials: 'same-origin' })
    .then((res) => (res.ok ? res.json() : Promise.reject(new Error(String(res.status)))))
    .then((info) => {
      const path = new URL(infoUrl, location.href).pathname.replace(/\/info\.json$/, '');
      info.id = location.origin + path;
      start(info);
    })
    .catch(() => {
      /* the plain image stays */
    });

  function start(info) {
    const stage = document.createElement('div');
    stage.className = 'deep-zoom-stage';
    figure.insertBefore(stage, img);
    const viewer = OSD({
      element: stage,
      tileSources: [info],
      drawer: 'canvas',
      showNavigationControl: false,
      showNavigator: false,
      crossOriginPolicy: false,
      gestureSettingsMouse: { clickToZoom: false },
      visibilityRatio: 0.5,
      minZoomImageRatio: 0.8,
      maxZoomPixelRatio: 2,
    });
    const canvas = viewer.canvas;
    canvas.setAttribute('role', 'application');
    canvas.setAttribute('aria-roledescription', 'zoom');
    canvas.setAttribute('aria-label', figure.getAttribute('data-label') || img.alt);
    const help = document.getElementById(figure.getAttribute('data-help-id') || '');
    if (help) canvas.setAttribute('aria-describedby', help.id);
    canvas.tabIndex = 0;

    const controls = document.createElement('div');
    controls.className = 'deep-zoom-controls';
    controls.setAttribute('role', 'group');
    controls.setAttribute('aria-label', figure.getAttribute('data-controls') || '');
    const button = (label, action) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.addEventListener('click', action);
      controls.appendChild(b);
    };
    button(figure.getAttribute('data-zoom-in') || '+', () => viewer.viewport.zoomBy(1.6).applyConstraints());
    button(figure.getAttribute('data-zoom-out') || '−', () =>
      viewer.viewport.zoomBy(1 / 1.6).applyConstraints(),
    );
    button(figure.getAttribute('data-home') || '0', () => viewer.viewport.goHome());
    figure.insertBefore(controls, stage);

    viewer.addOnceHandler('open', () => {
      img.hidden = true;
      figure.classList.add('deep-zoom-ready');
    });
    viewer.addOnceHandler('open-failed', () => {
      stage.remove();
      controls.remove();
    });
  }
})();
