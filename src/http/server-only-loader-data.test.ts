// Loader data of a page that does not hydrate is not encoded for the browser, and its components still get it.
import {
  createRequestHandler,
  type EntryContext,
  RouterContextProvider,
  type ServerBuild,
} from 'react-router';
import { describe, expect, it } from 'vitest';
import { fakeRoute, fakeServerBuild } from '../test/fake-build.ts';
import { documentRequest, serverOnlyLoaderData, unboxLoaderData } from './server-only-loader-data.server.ts';

const TASKS = { tasks: [{ id: 'task-secret-1', title: 'Số hóa tài liệu' }] };

/** What the entry module saw: the browser handoff as text and the loader data once opened. */
async function describeDocument(_request: Request, status: number, _h: Headers, entry: EntryContext) {
  const reader = entry.serverHandoffStream?.getReader();
  let handoff = '';
  for (;;) {
    const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
    if (chunk.done) break;
    handoff += new TextDecoder().decode(chunk.value);
  }
  const loaderData = unboxLoaderData(entry.staticHandlerContext.loaderData);
  return Response.json({ status, handoff, loaderData });
}

const Page = () => null;

function fakeBuild(): ServerBuild {
  const modules = {
    root: fakeRoute('root', undefined, '', { default: Page, loader: () => ({ site: 'Suốt Đời' }) }),
    tasks: fakeRoute('tasks', 'root', 'tasks', { default: Page, loader: () => TASKS }),
    island: fakeRoute('island', 'root', 'island', {
      default: Page,
      handle: { hydrate: true },
      loader: () => TASKS,
    }),
    feed: fakeRoute('feed', 'root', 'feed.json', { loader: () => TASKS }),
    moved: fakeRoute('moved', 'root', 'moved', {
      default: Page,
      loader: () => new Response(null, { status: 302, headers: { Location: '/tasks' } }),
    }),
  };
  return fakeServerBuild(modules, { default: describeDocument });
}

const handle = createRequestHandler(serverOnlyLoaderData(fakeBuild()), 'production');

async function get(path: string, document = true) {
  const ctx = new RouterContextProvider();
  ctx.set(documentRequest, document);
  const res = await handle(new Request(`http://localhost${path}`), ctx);
  return res;
}

describe('loader data of pages that do not hydrate stays on the server', () => {
  it('a page that does not hydrate sends no loader data to the browser, yet renders with all of it', async () => {
    const seen = (await (await get('/tasks')).json()) as { handoff: string; loaderData: unknown };
    expect(seen.handoff).not.toContain('task-secret-1');
    expect(seen.handoff).not.toContain('Suốt Đời');
    expect(seen.loaderData).toEqual({ root: { site: 'Suốt Đời' }, tasks: TASKS });
  });

  it('a page with a route that hydrates hands every loader’s data to the browser, as before', async () => {
    const seen = (await (await get('/island')).json()) as { handoff: string; loaderData: unknown };
    expect(seen.handoff).toContain('task-secret-1');
    expect(seen.handoff).toContain('Suốt Đời');
    expect(seen.loaderData).toEqual({ root: { site: 'Suốt Đời' }, island: TASKS });
  });

  it('a client navigation’s data request (not a document) gets the loader data unchanged', async () => {
    const res = await get('/tasks.data', false);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('task-secret-1');
  });

  it('a resource route answers its data as is, and a redirect from a loader still redirects', async () => {
    const feed = await get('/feed.json');
    expect(await feed.json()).toEqual(TASKS);
    const moved = await get('/moved');
    expect(moved.status).toBe(302);
    expect(moved.headers.get('Location')).toBe('/tasks');
  });

  it('wraps a build once', () => {
    const build = fakeBuild();
    expect(serverOnlyLoaderData(build)).toBe(serverOnlyLoaderData(build));
  });
});
