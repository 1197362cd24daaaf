// How a process hears PostgreSQL notifications (src/db/notifications.server.ts, ADR 0013): its own before its
// statement returns, on every channel, including one first listened to after the pool's connections were made;
// no statement ever queued behind a caller's (pg's deprecation warning); one listening connection per handle,
// whatever the number of channels and listeners, which comes back on every channel after a loss.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/harness.ts';
import { pause, within } from '../test/second-app.ts';
import { type DbHandle, openDatabase } from './client.server.ts';
import { LISTENER_NAME } from './notifications.server.ts';

const postgres = process.env.TEST_DB_KIND === 'postgres';
const ALREADY_EXECUTING = 'when the client is already executing a query';

/** A listener that records payloads and states. */
function recorder(seeOwnWrites = false) {
  const payloads = new Set<string>();
  const states: boolean[] = [];
  const on = {
    seeOwnWrites,
    onMessage: (p: string) => payloads.add(p),
    onState: (s: boolean) => states.push(s),
  };
  return { payloads, states, on };
}

/** The pg deprecation warnings emitted while `fn` runs (and the ticks after it). */
async function deprecationsDuring(fn: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const onWarning = (w: Error) => {
    if (w.message.includes(ALREADY_EXECUTING)) seen.push(w.message);
  };
  process.on('warning', onWarning);
  try {
    await fn();
    await pause(20);
  } finally {
    process.off('warning', onWarning);
  }
  return seen;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('notifications of a database handle', () => {
  let opened: Awaited<ReturnType<typeof openTestDatabase>>;
  let dbh: DbHandle;
  let url: string;

  beforeAll(async () => {
    opened = await openTestDatabase('empty');
    dbh = opened.dbh;
    if (postgres) {
      const [row] = await opened.dbh.query<{ db: string }>('SELECT current_database() AS db');
      const u = new URL(process.env.TEST_DATABASE_URL as string);
      u.pathname = `/${row?.db}`;
      url = u.toString();
      dbh = await openDatabase({ kind: 'postgres', url, max: 3 });
    }
  }, 60_000);
  afterAll(async () => {
    if (dbh !== opened?.dbh) await dbh?.close();
    await opened?.drop();
  });

  it('hands this process its own notification before the statement returns, on a channel listened to late, with no statement queued behind a caller’s', async () => {
    expect(process.noDeprecation).not.toBe(true);
    const early = recorder(true);
    const late = recorder(true);
    const warnings = await deprecationsDuring(async () => {
      await dbh.listen('notify_early', early.on);
      // Every pooled connection is made (and listens on the early channel) before the late channel exists.
      await Promise.all(range(9).map(() => dbh.query('SELECT pg_sleep(0.01)')));
      // Two channels at once: a LISTEN queued per channel on checkout would queue the caller's statement third.
      await Promise.all([
        dbh.listen('notify_late', late.on),
        dbh.listen('notify_late_too', recorder(true).on),
      ]);
      const missed: string[] = [];
      await Promise.all(
        range(30).map(async (i) => {
          const channel = i % 2 ? 'notify_late' : 'notify_early';
          await dbh.query('SELECT pg_notify($1, $2)', [channel, `m${i}`]);
          if (!(i % 2 ? late : early).payloads.has(`m${i}`)) missed.push(`m${i}`);
        }),
      );
      // A transaction's notifications are sent at its COMMIT, and handled before it returns.
      await dbh.execScript("SELECT pg_notify('notify_late', 'in a transaction')");
      if (!late.payloads.has('in a transaction')) missed.push('in a transaction');
      expect(missed).toEqual([]);
    });
    expect(warnings).toEqual([]);
    expect(early.states).toEqual([true]);
    expect(late.states).toEqual([true]);
  });

  it.runIf(postgres)(
    'has pooled connections LISTEN only on the channels a listener asked to see its own writes on',
    async () => {
      await dbh.listen('notify_others_only', recorder().on);
      const rows = await Promise.all(
        range(6).map(() => dbh.query<{ c: string }>('SELECT pg_listening_channels() AS c, pg_sleep(0.01)')),
      );
      for (const listened of rows) {
        expect(listened.map((r) => r.c).sort()).toEqual(['notify_early', 'notify_late', 'notify_late_too']);
      }
    },
  );

  it.runIf(postgres)(
    'would see the warning if a statement were queued behind a queued one (the check can fail)',
    async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        const warnings = await deprecationsDuring(async () => {
          // The first runs, the second waits in the queue, the third is queued behind it: pg warns.
          await Promise.all([c.query('SELECT 1'), c.query('SELECT 2'), c.query('SELECT 3')]);
        });
        expect(warnings.length).toBe(1);
      } finally {
        await c.end();
      }
    },
  );

  it.runIf(postgres)(
    'listens on one connection for every channel and listener, and on every channel again after losing it',
    async () => {
      const a = recorder();
      const b = recorder();
      const c = recorder();
      const stops = [
        await dbh.listen('notify_a', a.on),
        await dbh.listen('notify_b', b.on),
        await dbh.listen('notify_b', c.on),
      ];
      const listeners = () =>
        opened.dbh.query<{ pid: number }>(
          'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1',
          [LISTENER_NAME],
        );
      expect((await listeners()).length).toBe(1);
      const [{ pid } = { pid: 0 }] = await listeners();
      await opened.dbh.query('SELECT pg_terminate_backend($1)', [pid]);
      expect(await within(2_000, async () => a.states.at(-1) === false && b.states.at(-1) === false)).toBe(
        true,
      );
      // Back after the pause (0.5 s first), listening on both channels again, still on one connection.
      expect(
        await within(
          5_000,
          async () => a.states.at(-1) === true && b.states.at(-1) === true && c.states.at(-1) === true,
        ),
      ).toBe(true);
      expect((await listeners()).length).toBe(1);
      // Another session's notification arrives through it.
      await opened.dbh.query("SELECT pg_notify('notify_a', 'from elsewhere'), pg_notify('notify_b', 'too')");
      expect(await within(2_000, async () => a.payloads.has('from elsewhere') && c.payloads.has('too'))).toBe(
        true,
      );
      for (const stop of stops) await stop();
      expect(a.states.at(-1)).toBe(false);
    },
    20_000,
  );

  it.runIf(postgres)(
    'has every notification committed elsewhere handed over once caughtUp() resolves, for calls made together or one by one',
    async () => {
      const r = recorder();
      const stop = await dbh.listen('notify_barrier', r.on);
      // Sent and committed by another session; nothing waits for the listening connection's socket but the barrier.
      for (const i of range(40)) {
        await opened.dbh.query("SELECT pg_notify('notify_barrier', $1)", [`one-${i}`]);
        await dbh.caughtUp();
        expect(r.payloads.has(`one-${i}`)).toBe(true);
      }
      for (const i of range(10)) {
        await opened.dbh.query("SELECT pg_notify('notify_barrier', $1)", [`many-${i}`]);
        await Promise.all(
          range(8).map(async () => {
            await dbh.caughtUp();
            expect(r.payloads.has(`many-${i}`)).toBe(true);
          }),
        );
      }
      await stop();
    },
    20_000,
  );
});
