// Camera scanning (plain script, no framework; the page works without it) for the circulation desk and event
// check-in. Beside each field marked data-scan it adds a button that opens the back camera and fills the field
// with the first code it reads: BarcodeDetector where the browser has it (Code 128, EAN-13 ISBNs, QR), else
// jsQR for QR codes only (loaded only then, when the camera starts).
(() => {
  const config = document.getElementById('scan-config');
  if (!config || !navigator.mediaDevices?.getUserMedia) return;
  let jsQR = null;
  const loadJsQR = () =>
    new Promise((resolve, reject) => {
      if (window.jsQR) return resolve(window.jsQR);
      const s = document.createElement('script');
      s.src = config.dataset.jsqr;
      const nonce = document.querySelector('script[nonce]')?.nonce;
      if (nonce) s.nonce = nonce;
      s.onload = () => resolve(window.jsQR);
      s.onerror = reject;
      document.head.append(s);
    });
  const detector =
    'BarcodeDetector' in window
      ? new window.BarcodeDetector({ formats: ['code_128', 'ean_13', 'qr_code', 'code_39'] })
      : null;

  for (const input of document.querySelectorAll('input[data-scan]')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button-secondary';
    button.textContent = config.dataset.scanLabel || 'Scan';
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.hidden = true;
    video.width = 320;
    video.setAttribute('aria-label', config.dataset.cameraLabel || config.dataset.scanLabel || 'Camera');
    input.insertAdjacentElement('afterend', video);
    input.insertAdjacentElement('afterend', button);
    let stream = null;
    let stopped = true;
    const stop = () => {
      stopped = true;
      for (const t of stream?.getTracks() ?? []) t.stop();
      video.hidden = true;
      button.textContent = config.dataset.scanLabel || 'Scan';
    };
    const found = (text) => {
      input.value = text;
      stop();
      const form = input.form;
      const next = [...form.querySelectorAll('input[data-scan]')].find((i) => !i.value);
      if (next) next.focus();
      else form.requestSubmit();
    };
    button.addEventListener('click', async () => {
      if (!stopped) return stop();
      try {
        if (!detector) jsQR = jsQR ?? (await loadJsQR());
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
        video.srcObject = stream;
        video.hidden = false;
        await video.play();
        stopped = false;
        button.textContent = config.dataset.stopLabel || 'Stop';
        const canvas = document.createElement('canvas');
        const ctx = canvas.getContext('2d', { willReadFrequently: true });
        const tick = async () => {
          if (stopped) return;
          if (video.videoWidth) {
            if (detector) {
              const codes = await detector.detect(video).catch(() => []);
              if (codes[0]?.rawValue) return found(codes[0].rawValue);
            } else if (jsQR && ctx) {
              canvas.width = video.videoWidth;
              canvas.height = video.videoHeight;
              ctx.drawImage(video, 0, 0);
              const r = jsQR(
                ctx.getImageData(0, 0, canvas.width, canvas.height).data,
                canvas.width,
                canvas.height,
              );
              if (r?.data) return found(r.data);
            }
          }
          requestAnimationFrame(tick);
        };
        tick();
      } catch {
        stop();
      }
    });
  }
})();
