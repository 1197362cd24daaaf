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
    // Every change reads the stored queue afresh and writes it back with nothing awaited in between. A copy read
    // before a send and written back after its answer would drop a code queued meanwhile, or bring back a code
    // that another page of this device (a reload, a second tab) had sent already, to be sent again.
    const change = (fn) => {
      const s = load();
      fn(s);
      localStorage.setItem(key, JSON.stringify(s));
      return s;
    };
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
    const savedText = (code) => {
      const t = (tickets || []).find((x) => x.code === code);
      return t
        ? say('events.checkin.offline.saved', { name: t.name, count: t.partySize })
        : say('events.checkin.offline.notOnList', { code });
    };
    change((s) => {
      s.tickets = tickets;
    });
    box.hidden = false;
    status.textContent = say('events.checkin.offline.ready', { count: tickets.length });
    // Opened again at a stop (the van's page comes from the device's cache): what is still queued is listed.
    for (const q of load().queue) line(`${q.code}: ${savedText(q.code)}`, 'queued');

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
      let queued = true;
      change((s) => {
        queued = !s.queue.some((q) => q.code === code);
        // Its own Idempotency-Key, kept with the code: if the answer to a send is lost (the network drops, the
        // page is closed or reloaded while the request is out), the next send gets that first answer.
        if (queued) s.queue.push({ code, key: newKey() });
      });
      if (!queued) {
        status.textContent = say('events.checkin.offline.duplicate', { code });
        return line(status.textContent, 'duplicate');
      }
      status.textContent = savedText(code);
      line(`${code}: ${status.textContent}`, 'queued');
      if (navigator.onLine) sync();
    });

    // One sync of this queue at a time, here and in every other page of the device: the page opening, the
    // online event, a code queued online and the retry timer all call sync(); while one runs, a call only asks
    // it to go round once more. Across pages (a reload whose predecessor still has a send out, a second tab) a
    // Web Lock named after the queue lets one page send at a time; a page that ends releases it.
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
          await (navigator.locks ? navigator.locks.request(key, send) : send());
        } while (again && navigator.onLine);
      })().finally(() => {
        running = null;
      });
      return running;
    }

    async function send() {
      let next = load().queue[0];
      if (!next) return;
      status.textContent = say('events.checkin.offline.syncing');
      const n = { ok: 0, dup: 0, bad: 0 };
      let failed = false;
      try {
        while (next) {
          // A code queued before keys were kept gets one now, stored before it is first sent.
          if (!next.key) {
            const { code } = next;
            next = { code, key: newKey() };
            const { key: fresh } = next;
            change((s) => {
              const q = s.queue.find((x) => x.code === code && !x.key);
              if (q) q.key = fresh;
            });
          }
          const { code, key: sent } = next;
          const res = await fetch(`/api/v1/events/${eventId}/check-ins`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': sent },
            body: JSON.stringify({ sessionId, code }),
          });
          if (res.status === 401 || res.status === 403 || res.status >= 500) {
            failed = res.status >= 500;
            break;
          }
          const body = await res.json().catch(() => ({}));
          // A replayed answer (idempotent-replayed) is the first answer to this very code: said the same way.
          const kind = res.ok ? 'ok' : body.code === 'events.checkin.already_used' ? 'dup' : 'bad';
          n[kind]++;
          line(say(`events.checkin.offline.${kind}`, { code, name: body.name, detail: body.title }), kind);
          next = change((s) => {
            s.queue = s.queue.filter((q) => q.key !== sent);
          }).queue[0];
        }
      } catch {
        // No answer (the network is not really back yet): the code stays queued with its key.
        failed = true;
      }
      const left = load().queue.length;
      status.textContent = left
        ? say('events.checkin.offline.pending', { count: left })
        : say('events.checkin.offline.synced', n);
      // The online event can come before the network carries requests: try again a little later, less often
      // each time, until the queue is empty (an online event or a new code tries at once).
      delay = failed && left ? Math.min(Math.max(delay * 2, 2000), 60_000) : 0;
      if (delay) retry = setTimeout(() => navigator.onLine && sync(), delay);
    }
    addEventListener('online', sync);
    if (navigator.onLine) sync();
  }
})();
