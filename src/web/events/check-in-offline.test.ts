// The offline door check-in island (check-in-offline.js) run as the browser runs it, in pages made of a few
// stand-ins: the device's localStorage and Web Locks shared by every page of it, a network that can be cut or
// hold its answers, and a server that checks a ticket in once and answers a repeated Idempotency-Key with its
// first answer, as POST /api/v1/events/{id}/check-ins does.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const SCRIPT = readFileSync(new URL('./check-in-offline.js', import.meta.url), 'utf8');
const LAN = 'ABCD-EFGH-JK23';
const BINH = 'MNPQ-RSTU-VW45';
const TICKETS = [
  { code: LAN, name: 'Nguyễn Thị Lan', partySize: 1 },
  { code: BINH, name: 'Trần Văn Bình', partySize: 2 },
];
const MESSAGES = {
  'events.checkin.offline.saved': 'saved {name}',
  'events.checkin.offline.ok': '{code}: checked in {name}',
  'events.checkin.offline.dup': '{code}: duplicate — {detail}',
  'events.checkin.offline.bad': '{code}: invalid — {detail}',
  'events.checkin.offline.pending': '{count} waiting',
  'events.checkin.offline.synced': 'synced {ok}/{dup}/{bad}',
};

type Listener = (e: { preventDefault: () => void }) => void;
class Element {
  textContent = '';
  hidden = true;
  value = '';
  dataset: Record<string, string> = {};
  items: Element[] = [];
  listeners: Listener[] = [];
  prepend(child: Element) {
    this.items.unshift(child);
  }
  addEventListener(_type: string, fn: Listener) {
    this.listeners.push(fn);
  }
  focus() {}
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** The server: one check-in per ticket; a key seen before gets its first answer again. */
class Server {
  requests: Array<{ code: string; key: string }> = [];
  checkedIn = new Map<string, string>();
  answers = new Map<string, Answer>();
  handle(code: string, key: string): Answer {
    this.requests.push({ code, key });
    const first = this.answers.get(key);
    if (first) return first;
    const ticket = TICKETS.find((t) => t.code === code);
    let answer: Answer;
    if (!ticket) answer = { status: 404, body: { code: 'events.checkin.unknown', title: 'unknown ticket' } };
    else if (this.checkedIn.has(code))
      answer = { status: 409, body: { code: 'events.checkin.already_used', title: 'used before' } };
    else {
      this.checkedIn.set(code, key);
      answer = { status: 201, body: { name: ticket.name } };
    }
    if (answer.status < 300) this.answers.set(key, answer);
    return answer;
  }
}

/**
 * The device: its storage and locks, its network (what navigator.onLine says, whether requests get through,
 * answers at once or held until let go), its server.
 */
class Device {
  storage = new Map<string, string>();
  server = new Server();
  online = true;
  carries = true;
  holding = false;
  held: Array<() => void> = [];
  private lockQueues = new Map<string, Promise<void>>();

  /** Web Locks: one holder per name at a time; a page that ends lets go of its locks. */
  lockFor(page: Page) {
    return async (name: string, fn: () => Promise<void>) => {
      const before = this.lockQueues.get(name) ?? Promise.resolve();
      let release = () => {};
      const mine = new Promise<void>((r) => {
        release = r;
      });
      this.lockQueues.set(name, mine);
      await before;
      if (page.closed) return release();
      page.onClose.push(release);
      try {
        await fn();
      } finally {
        release();
      }
    };
  }

  /** Lets every held request through to the server; their answers go back to their pages. */
  letGo() {
    this.holding = false;
    for (const go of this.held.splice(0)) go();
  }

  open(): Page {
    return new Page(this);
  }
}

class Page {
  closed = false;
  onClose: Array<() => void> = [];
  form = new Element();
  input = new Element();
  status = new Element();
  log = new Element();
  timers: Array<() => void> = [];
  private windowListeners: Array<() => void> = [];
  private device: Device;

  constructor(device: Device) {
    this.device = device;
    const data = new Element();
    data.dataset = {
      ciOffline: JSON.stringify({
        eventId: 'evt_1',
        sessionId: 'ses_1',
        tickets: TICKETS,
        messages: MESSAGES,
      }),
      queueOnline: 'true',
    };
    const elements: Record<string, Element> = {
      'ci-form': this.form,
      'ci-offline': new Element(),
      'ci-offline-status': this.status,
      'ci-offline-log': this.log,
    };
    (this.form as unknown as { elements: unknown }).elements = { namedItem: () => this.input };
    runInNewContext(SCRIPT, {
      document: {
        querySelectorAll: () => [data],
        getElementById: (id: string) => elements[id] ?? null,
        createElement: () => new Element(),
      },
      localStorage: {
        getItem: (k: string) => device.storage.get(k) ?? null,
        setItem: (k: string, v: string) => {
          if (!this.closed) device.storage.set(k, v);
        },
      },
      navigator: {
        get onLine() {
          return device.online;
        },
        locks: { request: device.lockFor(this) },
      },
      crypto: { randomUUID },
      addEventListener: (_type: string, fn: () => void) => this.windowListeners.push(fn),
      setTimeout: (fn: () => void) => this.timers.push(fn),
      clearTimeout: () => {},
      fetch: (_url: string, init: { headers: Record<string, string>; body: string }) => this.fetch(init),
    });
  }

  private fetch(init: { headers: Record<string, string>; body: string }): Promise<unknown> {
    const { code } = JSON.parse(init.body) as { code: string };
    const key = init.headers['idempotency-key'] ?? '';
    return new Promise((resolve, reject) => {
      const go = () => {
        if (!this.device.online || !this.device.carries) return reject(new TypeError('Failed to fetch'));
        const answer = this.device.server.handle(code, key);
        // A page that has ended never hears its answer.
        if (this.closed) return;
        resolve({
          ok: answer.status < 300,
          status: answer.status,
          json: async () => answer.body,
        });
      };
      if (this.device.holding) this.device.held.push(go);
      else go();
    });
  }

  scan(code: string) {
    this.input.value = code;
    for (const fn of this.form.listeners) fn({ preventDefault() {} });
  }

  /** The online event; `carries: false` when it comes before the network carries requests. */
  goOnline({ carries = true } = {}) {
    this.device.online = true;
    this.device.carries = carries;
    for (const fn of this.windowListeners) fn();
  }

  runTimers() {
    for (const fn of this.timers.splice(0)) fn();
  }

  close() {
    this.closed = true;
    for (const release of this.onClose.splice(0)) release();
  }

  lines(state: string): string[] {
    return this.log.items.filter((li) => li.dataset.state === state).map((li) => li.textContent);
  }

  queue(): Array<{ code: string; key?: string }> {
    return JSON.parse(this.device.storage.get('suotdoi-checkin:evt_1:ses_1') ?? '{"queue":[]}').queue;
  }
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the offline door check-in island', () => {
  it('sends a code scanned while another is being sent after it, instead of dropping it from the device', async () => {
    const device = new Device();
    const page = device.open();
    device.holding = true;
    page.scan(LAN);
    await settle();
    page.scan(BINH);
    device.letGo();
    await settle();
    device.letGo();
    await settle();
    expect(device.server.requests.map((r) => r.code)).toEqual([LAN, BINH]);
    expect(page.lines('ok')).toEqual([
      `${BINH}: checked in Trần Văn Bình`,
      `${LAN}: checked in Nguyễn Thị Lan`,
    ]);
    expect(page.queue()).toEqual([]);
  });

  it('sends a queued code once when the online event comes while the page is already sending it', async () => {
    const device = new Device();
    device.online = false;
    const page = device.open();
    page.scan(LAN);
    device.holding = true;
    page.goOnline();
    await settle();
    page.goOnline();
    await settle();
    device.letGo();
    await settle();
    device.letGo();
    await settle();
    expect(device.server.requests).toHaveLength(1);
    expect(page.lines('ok')).toEqual([`${LAN}: checked in Nguyễn Thị Lan`]);
  });

  it('lets a second page of the device wait while the first sends, so a code goes out once', async () => {
    const device = new Device();
    device.online = false;
    const first = device.open();
    first.scan(LAN);
    device.holding = true;
    first.goOnline();
    await settle();
    const second = device.open();
    await settle();
    device.letGo();
    await settle();
    device.letGo();
    await settle();
    expect(device.server.requests).toHaveLength(1);
    expect(first.lines('ok')).toEqual([`${LAN}: checked in Nguyễn Thị Lan`]);
    expect(second.lines('dup')).toEqual([]);
    expect(second.queue()).toEqual([]);
  });

  it('says "checked in" for a code whose first answer was lost with the page, when the next page sends it again', async () => {
    const device = new Device();
    device.online = false;
    const first = device.open();
    first.scan(LAN);
    device.holding = true;
    first.goOnline();
    await settle();
    first.close();
    device.letGo();
    await settle();
    expect(device.server.checkedIn.has(LAN)).toBe(true);
    const next = device.open();
    await settle();
    const [sent, resent] = device.server.requests;
    expect(resent?.key).toBe(sent?.key);
    expect(next.lines('ok')).toEqual([`${LAN}: checked in Nguyễn Thị Lan`]);
    expect(next.lines('dup')).toEqual([]);
  });

  it('still reports a ticket another device checked in as a duplicate', async () => {
    const device = new Device();
    device.server.handle(BINH, 'another-device-key');
    device.online = false;
    const page = device.open();
    page.scan(BINH);
    page.goOnline();
    await settle();
    expect(page.lines('dup')).toEqual([`${BINH}: duplicate — used before`]);
    expect(page.status.textContent).toBe('synced 0/1/0');
  });

  it('keeps a code whose send failed (the online event came before the network) and sends it again later', async () => {
    const device = new Device();
    device.online = false;
    const page = device.open();
    page.scan(LAN);
    page.goOnline({ carries: false });
    await settle();
    expect(device.server.requests).toEqual([]);
    expect(page.queue()).toHaveLength(1);
    expect(page.status.textContent).toBe('1 waiting');
    device.carries = true;
    page.runTimers();
    await settle();
    expect(page.lines('ok')).toEqual([`${LAN}: checked in Nguyễn Thị Lan`]);
    expect(page.queue()).toEqual([]);
  });
});
