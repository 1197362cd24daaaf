// Two processes in one test: a second app on the test context's database, with its own per-process caches, as
// another worker or instance would be (ADR 0013's caches forgotten by notifications). On PostgreSQL it has its
// own connections (so its notifications cross a connection, as between processes); on PGlite it shares the
// handle (one process, one connection).
import { buildDeps } from '../app/build-deps.server.ts';
import { createApp } from '../app/create-app.server.ts';
import type { AppDeps } from '../app/deps.types.ts';
import { type DbHandle, openDatabase } from '../db/client.server.ts';
import { createLogger } from '../lib/logger.server.ts';
import { loadBuild, TEST_ORIGIN, type TestContext, testConfig } from './harness.ts';

export interface SecondApp {
  deps: AppDeps;
  dbh: DbHandle;
  /** A GET with this cookie (and headers), as a browser on our own origin. */
  request(path: string, cookie: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/**
 * A handle of its own on `ctx`'s test database, as another process would have (PostgreSQL: its own two
 * connections, so notifications cross a connection); PGlite: `ctx`'s handle (one process). The caller closes
 * it when it is not `ctx.dbh`.
 */
export async function secondHandle(ctx: TestContext): Promise<DbHandle> {
  if (ctx.dbh.kind !== 'postgres') return ctx.dbh;
  const [row] = await ctx.dbh.query<{ db: string }>('SELECT current_database() AS db');
  const url = new URL(process.env.TEST_DATABASE_URL as string);
  url.pathname = `/${row?.db}`;
  return openDatabase({ kind: 'postgres', url: url.toString(), max: 2 });
}

/** A second app on `ctx`'s database with `config`'s settings (closed before `ctx`). */
export async function secondApp(ctx: TestContext, config: Record<string, string>): Promise<SecondApp> {
  const dbh = await secondHandle(ctx);
  const deps = buildDeps(testConfig(config), dbh, createLogger('silent'));
  const app = createApp(deps, { build: await loadBuild() });
  return {
    deps,
    dbh,
    request: async (path, cookie, headers = {}) =>
      app.request(`${TEST_ORIGIN}${path}`, { headers: { cookie, ...headers } }),
    close: async () => {
      if (dbh !== ctx.dbh) await dbh.close();
    },
  };
}

/**
 * Both apps answer once (each cache listens from its app's start, and serves nothing until it does), then a
 * pause lets the notifications of the setup's own writes cross.
 */
export async function bothListening(
  ctx: TestContext,
  other: SecondApp,
  path = '/',
  cookie = '',
): Promise<void> {
  await (await ctx.request(path, cookie ? { headers: { cookie } } : {})).arrayBuffer();
  await (await other.request(path, cookie)).arrayBuffer();
  await pause(300);
}

export const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls until `ok` holds, for at most `ms`: a notification crosses a connection, it is not synchronous. */
export async function within(ms: number, ok: () => Promise<boolean>): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (await ok()) return true;
    if (Date.now() > until) return false;
    await pause(10);
  }
}
