// The van page without network (plain script, no framework). Lends, returns, holds handed over and new readers
// are queued in IndexedDB with a transaction id and the time they happened, checked against the route pack the
// page carries (unknown card, blocked reader, copy not on board: said at once, queued anyway — the server
// decides), and sent to POST /api/v1/circulation/sync when the network is back; each outcome is shown in words.
(() => {
  const root = document.getElementById('van');
  const packEl = document.getElementById('van-pack');
  if (!root || !packEl || !('indexedDB' in window)) return;
  root.hidden = false;
  const { pack, messages } = JSON.parse(packEl.dataset.pack || '{}');
  const say = (key, params = {}) =>
    (messages[key] || key).replace(/\{(\w+)\}/g, (_, k) =>
      params[k] === undefined ? '' : String(params[k]),
    );
  const status = document.getElementById('van-status');
  const list = document.getElementById('van-queue');
  const readers = new Map(pack.readers.map((r) => [r.card, r]));
  const items = new Map(pack.items.map((i) => [i.barcode, i]));
  // Installable and usable with no network (issue 15): the worker, scoped to the van page, answers from a cache
  // that the page fills itself after loading online: its own address (with the route's pack in it) and the
  // scripts and styles it uses. Said on the page once done, so staff know it will open at the next stop.
  if ('serviceWorker' in navigator && 'caches' in window && navigator.onLine) {
    const urls = [
      location.href,
      ...[...document.querySelectorAll('script[src], link[rel="stylesheet"], link[rel="modulepreload"]')].map(
        (el) => el.src || el.href,
      ),
    ];
    navigator.serviceWorker
      .register('/admin/circulation/van-sw.js', { scope: '/admin/circulation/van' })
      .then(() => caches.open(root.dataset.cache || 'suotdoi-van'))
      .then((c) => c.addAll([...new Set(urls)]))
      .then(() => navigator.serviceWorker.ready)
      .then(() => {
        root.dataset.offlineReady = 'true';
        if (!status.textContent) status.textContent = say('circulation.van.ready');
      })
      .catch(() => {});
  }

  const open = () =>
    new Promise((resolve, reject) => {
      const req = indexedDB.open('suotdoi-van', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('queue', { keyPath: 'txnId' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const tx = async (mode, fn) => {
    const db = await open();
    return new Promise((resolve, reject) => {
      const t = db.transaction('queue', mode);
      const out = fn(t.objectStore('queue'));
      t.oncomplete = () => resolve(out?.result);
      t.onerror = () => reject(t.error);
    });
  };
  const all = () => tx('readonly', (s) => s.getAll());
  const put = (row) => tx('readwrite', (s) => s.put(row));

  async function render() {
    const rows = (await all()).sort((a, b) => a.at.localeCompare(b.at));
    // A hold already handed over on this device stays marked (and its button off) across reloads.
    for (const r of rows.filter((x) => x.holdId)) {
      const row = root.querySelector(`[data-hold-row="${CSS.escape(r.holdId)}"]`);
      if (!row) continue;
      row.dataset.state = r.result ? r.result.outcome : 'queued';
      const button = row.querySelector('button');
      if (button) button.disabled = true;
    }
    list.replaceChildren(
      ...rows.map((r) => {
        const li = document.createElement('li');
        const what =
          r.kind === 'register'
            ? `${r.name}${r.cardNumber ? ` (${say('circulation.van.cardGiven', { card: r.cardNumber })})` : ''}`
            : r.kind === 'checkout'
              ? `${r.card} — ${r.barcode}`
              : r.barcode;
        const outcome = r.result
          ? `${say(`circulation.van.${r.result.outcome}`)}${r.result.messageKey ? `: ${say(r.result.messageKey, { barcode: r.barcode || '', card: r.card || '', ...r.result.params })}` : ''}${r.result.cardNumber ? ` ${say('circulation.van.newCard', { card: r.result.cardNumber })}` : ''}`
          : say('circulation.van.queued');
        li.textContent = `${what}: ${outcome}`;
        li.dataset.state = r.result ? r.result.outcome : 'queued';
        return li;
      }),
    );
  }

  for (const form of root.querySelectorAll('form[data-kind]')) {
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const kind = form.dataset.kind;
      const f = new FormData(form);
      const row = { txnId: crypto.randomUUID(), kind, at: new Date().toISOString() };
      let warning = '';
      if (kind === 'checkout') {
        row.card = String(f.get('card')).trim();
        row.barcode = String(f.get('barcode')).trim().toUpperCase();
        const reader = readers.get(row.card);
        if (!reader) warning = say('circulation.error.unknownCard', { card: row.card });
        else if (reader.blocked) warning = say('circulation.error.readerBlocked', { reason: '' });
        else if (!items.has(row.barcode))
          warning = say('circulation.error.unknownBarcode', { barcode: row.barcode });
      } else if (kind === 'checkin') {
        row.barcode = String(f.get('barcode')).trim().toUpperCase();
      } else {
        // A number from the block reserved for this device, so the card written here stays valid after sync.
        const card = await drawCard();
        if (card) row.cardNumber = card;
        Object.assign(row, {
          name: String(f.get('name')).trim(),
          phone: null,
          birthYear: null,
          guardianName: null,
          consent: true,
        });
      }
      // Cleared before anything is awaited: a code scanned right after this one must not be wiped by a late
      // reset (a scanner types the next barcode while this one is still being stored).
      form.reset();
      form.querySelector('input')?.focus();
      await put(row);
      status.textContent = warning
        ? `${say('circulation.van.queued')} — ${warning}`
        : row.cardNumber
          ? `${say('circulation.van.queued')} — ${say('circulation.van.cardGiven', { card: row.cardNumber })}`
          : say('circulation.van.queued');
      await render();
      if (navigator.onLine) sync();
    });
  }

  // Holds to deliver: handing one over is a lend of the held copy to its holder, queued with the hold's id so the
  // sync can say if the hold was cancelled or filled by another copy meanwhile (then it is an ordinary loan).
  for (const button of root.querySelectorAll('button[data-hold]')) {
    button.addEventListener('click', async () => {
      button.disabled = true;
      const { hold, card, barcode } = button.dataset;
      await put({
        txnId: crypto.randomUUID(),
        kind: 'checkout',
        at: new Date().toISOString(),
        card,
        barcode,
        holdId: hold,
      });
      status.textContent = say('circulation.van.handedOver', { barcode });
      await render();
      if (navigator.onLine) sync();
    });
  }

  // One sync at a time, in this page and in any other page of the device (Web Locks): the online event and the
  // "sync now" button often come together, and a check of a flag an await before setting it let both send the
  // whole queue. A call while a sync runs makes it go round once more, for what was queued meanwhile.
  let running = null;
  let again = false;
  let retry = null;
  let delay = 0;
  function sync() {
    if (running) {
      again = true;
      return running;
    }
    clearTimeout(retry);
    running = (async () => {
      do {
        again = false;
        await (navigator.locks ? navigator.locks.request('suotdoi-van-queue', sendQueue) : sendQueue());
      } while (again && navigator.onLine);
    })().finally(() => {
      running = null;
    });
    return running;
  }
  async function sendQueue() {
    const pending = (await all()).filter((r) => !r.result);
    if (!pending.length) return;
    status.textContent = say('circulation.van.syncing');
    try {
      for (let i = 0; i < pending.length; i += 200) {
        const batch = pending.slice(i, i + 200);
        const transactions = batch.map(({ result, ...t }) => t);
        const res = await fetch('/api/v1/circulation/sync', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            deviceId: deviceId(),
            unitId: root.dataset.unit,
            routeId: root.dataset.route || null,
            transactions,
          }),
        });
        if (!res.ok) throw new Error(String(res.status));
        const { results } = await res.json();
        for (const r of results) {
          const row = batch.find((b) => b.txnId === r.txnId);
          if (row) await put({ ...row, result: r });
        }
      }
      status.textContent = say('circulation.van.synced');
      delay = 0;
    } catch (e) {
      status.textContent = say('circulation.van.offline');
      // No answer (the online event can come before the network carries requests) or a failing server: tried
      // again a little later, less often each time; the button or the next online event try at once.
      if (!/^4\d\d$/.test(e?.message)) {
        delay = Math.min(Math.max(delay * 2, 2000), 60_000);
        retry = setTimeout(() => navigator.onLine && sync(), delay);
      }
    } finally {
      await render();
    }
  }
  // Card numbers reserved for this device (topped up whenever the page opens online), kept on the device.
  const cardsKey = `suotdoi-van-cards:${root.dataset.unit}`;
  async function reserveCards() {
    try {
      const res = await fetch('/api/v1/circulation/offline-cards', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ unitId: root.dataset.unit, deviceId: deviceId() }),
      });
      if (res.ok) localStorage.setItem(cardsKey, JSON.stringify((await res.json()).cards));
    } catch {}
  }
  async function drawCard() {
    const used = new Set((await all()).map((r) => r.cardNumber).filter(Boolean));
    const free = JSON.parse(localStorage.getItem(cardsKey) || '[]').filter((c) => !used.has(c));
    return free[0] || null;
  }
  function deviceId() {
    let id = localStorage.getItem('suotdoi-van-device');
    if (!id) {
      id = crypto.randomUUID();
      localStorage.setItem('suotdoi-van-device', id);
    }
    return id;
  }
  document.getElementById('van-sync').addEventListener('click', sync);
  window.addEventListener('online', sync);
  window.addEventListener('offline', () => {
    status.textContent = say('circulation.van.offline');
  });
  // Opened again (perhaps from the cache, perhaps after a reload at a stop): what is queued is shown, and sent
  // if the network is there.
  render().then(() => {
    if (navigator.onLine) sync().then(reserveCards);
  });
})();
