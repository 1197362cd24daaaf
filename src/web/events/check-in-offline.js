// Check-in at a door with no network (issue 15; plain script, the page works without it). Online, the session's
// ticket list from the page is kept on the device; offline, a code is checked against it and queued ("saved,
// will sync"), a code scanned twice is said at once; back online, each queued code goes to the check-in API and
// the outcome is listed: checked in, duplicate (already used), or invalid.
(() => {
  // One island per ticket list: the check-in page has one (the defaults below); the mobile-library van's page
  // has one per event at the route's stops, naming its own elements and queueing even online (data-queue-online).
  for (const data of document.querySelectorAll('[data-ci-offline]')) start(data);

  function start(data) {
    const $ = (id) => document.getElementById(id);
    const form = $(data.dataset.form || 'ci-form');
    const box = $(data.dataset.box || 'ci-offline');
    if (!form || !box) return;
    const queueOnline = data.dataset.queueOnline === 'true';
    const { eventId, sessionId, tickets, messages } = JSON.parse(data.dataset.ciOffline || '{}');
    const say = (k, p = {}) => (messages[k] || k).replace(/\{(\w+)\}/g, (_, x) => p[x] ?? '');
    const status = $(data.dataset.status || 'ci-offline-status');
    const log = $(data.dataset.log || 'ci-offline-log');
    const key = `suotdoi-checkin:${eventId}:${sessionId}`;
    const load = () => JSON.parse(localStorage.getItem(key) || '{"queue":[]}');
    const save = (s) => localStorage.setItem(key, JSON.stringify(s));
    const line = (text, state) => {
      const li = document.createElement('li');
      li.textContent = text;
      li.dataset.state = state;
      log.prepend(li);
    };
    const newKey = () =>
      globalThis.crypto?.randomUUID
        ? `ci-${crypto.randomUUID()}`
        : `ci-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const norm = (raw) => {
      const s = (raw.trim().split('/').pop() || '').toUpperCase().replace(/[^A-Z0-9]/g, '');
      return s.length === 12 ? `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}` : null;
    };
    save({ ...load(), tickets });
    box.hidden = false;
    status.textContent = say('events.checkin.offline.ready', { count: tickets.length });
    // Opened again at a stop (the van's page comes from the device's cache): what is still queued is listed.
    for (const q of load().queue) {
      const t = tickets.find((x) => x.code === q.code);
      const said = t
        ? say('events.checkin.offline.saved', { name: t.name, count: t.partySize })
        : say('events.checkin.offline.notOnList', { code: q.code });
      line(`${q.code}: ${said}`, 'queued');
    }

    form.addEventListener('submit', (e) => {
      if (navigator.onLine && !queueOnline) return;
      e.preventDefault();
      const input = form.elements.namedItem('code');
      const code = norm(input.value);
      input.value = '';
      input.focus();
      if (!code) {
        status.textContent = say('events.error.checkIn.badCode');
        return;
      }
      const s = load();
      if (s.queue.some((q) => q.code === code)) {
        status.textContent = say('events.checkin.offline.duplicate', { code });
        return line(status.textContent, 'duplicate');
      }
      const t = (s.tickets || []).find((x) => x.code === code);
      // Its own Idempotency-Key: if the network drops after the server checked the ticket in but before its
      // answer arrived, the retry gets that first answer (checked in), not "already used" by this very device.
      s.queue.push({ code, key: newKey() });
      save(s);
      status.textContent = t
        ? say('events.checkin.offline.saved', { name: t.name, count: t.partySize })
        : say('events.checkin.offline.notOnList', { code });
      line(`${code}: ${status.textContent}`, 'queued');
      if (navigator.onLine) sync();
    });

    let busy = false;
    async function sync() {
      const s = load();
      if (busy || !s.queue.length) return;
      busy = true;
      status.textContent = say('events.checkin.offline.syncing');
      const n = { ok: 0, dup: 0, bad: 0 };
      try {
        while (s.queue.length) {
          const first = s.queue[0];
          // A code queued before keys were kept gets one now, stored before it is first sent.
          if (!first.key) {
            first.key = newKey();
            save(s);
          }
          const { code, key } = first;
          const res = await fetch(`/api/v1/events/${eventId}/check-ins`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': key },
            body: JSON.stringify({ sessionId, code }),
          });
          if (res.status === 401 || res.status === 403 || res.status >= 500) break;
          const body = await res.json().catch(() => ({}));
          const kind = res.ok ? 'ok' : body.code === 'events.checkin.already_used' ? 'dup' : 'bad';
          n[kind]++;
          line(say(`events.checkin.offline.${kind}`, { code, name: body.name, detail: body.title }), kind);
          s.queue.shift();
          save(s);
        }
      } catch {}
      busy = false;
      status.textContent = s.queue.length
        ? say('events.checkin.offline.pending', { count: s.queue.length })
        : say('events.checkin.offline.synced', n);
    }
    addEventListener('online', sync);
    if (navigator.onLine) sync();
  }
})();
