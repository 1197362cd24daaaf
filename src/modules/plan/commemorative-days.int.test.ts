// The commemorative days are read once per process, and an edit shows at once: in the process that wrote it
// (the seed forgets its copy after the commit) and in every other one (the notification of migration 0203).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppDeps } from '../../app/deps.types.ts';
import type { DbHandle } from '../../db/client.server.ts';
import { ANONYMOUS } from '../../lib/authz.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { monthView } from '../event-feeds/calendar.usecases.server.ts';
import { listCommemorativeDays } from './index.server.ts';
import { seedCommemorativeDays } from './plan.seed.server.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
}, 180_000);
afterAll(() => ctx.close());

const CODE = 'ngay-sach-van-hoa-doc';
const NAME = 'Ngày Sách và Văn hóa đọc Việt Nam';

/** The app's deps on `dbh` (a process of its own), counting the statements that read the days. */
function processOn(dbh: DbHandle) {
  const reads = { n: 0 };
  const plan = ctx.deps.repos.plan;
  const deps: AppDeps = {
    ...ctx.deps,
    dbh,
    repos: {
      ...ctx.deps.repos,
      plan: {
        ...plan,
        listCommemorativeDays: (db) => {
          reads.n++;
          return plan.listCommemorativeDays(db);
        },
      },
    },
  };
  return { deps, reads };
}

/** Another process whose notifications never arrive (as if lost): only its own writes make it forget. */
const deafHandle = (): DbHandle => ({
  ...ctx.dbh,
  listen: (channel, on) => ctx.dbh.listen(channel, { onMessage: () => undefined, onState: on.onState }),
});

const nameIn = async (deps: AppDeps) =>
  (await listCommemorativeDays(deps)).find((d) => d.code === CODE)?.name;

const rename = (name: string) =>
  ctx.dbh.query('UPDATE commemorative_days SET name = $1 WHERE code = $2', [name, CODE]);

/** Calls until the cache serves (its LISTEN is up): then a call reads nothing. */
async function warm(p: ReturnType<typeof processOn>) {
  await vi.waitFor(async () => {
    const before = p.reads.n;
    await listCommemorativeDays(p.deps);
    expect(p.reads.n).toBe(before);
  });
}

describe('commemorative days kept per process', () => {
  it('are read once for many month views', async () => {
    const p = processOn(deafHandle());
    await warm(p);
    const before = p.reads.n;
    for (let month = 1; month <= 12; month++) {
      const view = await monthView(p.deps, ANONYMOUS, { year: 2027, month });
      if (month === 4) expect(view.occurrences.map((o) => o.name)).toContain(NAME);
    }
    expect(p.reads.n).toBe(before);
  });

  it('show an edit by this process at once', async () => {
    const p = processOn(deafHandle());
    await rename('Tên sửa tay');
    await warm(p);
    expect(await nameIn(p.deps)).toBe('Tên sửa tay');
    // The seed corrects the row (a fixed transcription) and forgets this process's copy after its commit.
    expect(await seedCommemorativeDays(p.deps)).toBe(1);
    expect(await nameIn(p.deps)).toBe(NAME);
    const april = await monthView(p.deps, ANONYMOUS, { year: 2027, month: 4 });
    expect(april.occurrences.find((o) => o.code === CODE)?.name).toBe(NAME);
  });

  it('show an edit by another process (or by hand) as soon as its notification arrives', async () => {
    const p = processOn(ctx.dbh);
    await warm(p);
    expect(await nameIn(p.deps)).toBe(NAME);
    try {
      await rename('Ngày Sách (sửa ở tiến trình khác)');
      await vi.waitFor(async () => expect(await nameIn(p.deps)).toBe('Ngày Sách (sửa ở tiến trình khác)'), {
        timeout: 2000,
      });
    } finally {
      await seedCommemorativeDays(ctx.deps);
    }
    await vi.waitFor(async () => expect(await nameIn(p.deps)).toBe(NAME), { timeout: 2000 });
  });
});
