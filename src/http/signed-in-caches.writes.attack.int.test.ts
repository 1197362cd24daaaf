// Attacks on the per-process caches (ADR 0013) by changing what they show behind their back: a write to each
// table the task list reads, by plain SQL in another worker's connection and through another route of the
// other worker; a settings change made elsewhere; Vietnam's day turning over. After each, the signed-in page
// and the API answer of both workers must be what a fresh render or read gives (the app with caches off).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { grantRoleAsSystem } from '../modules/access/access.grants.server.ts';
import { unitIdOf } from '../modules/units/units.test-helpers.ts';
import { signUpAndSignIn } from '../test/auth-helpers.ts';
import { type CacheApps, openCacheApps, type Send, stableAnswer, within } from '../test/cache-apps.ts';

const PAGE = '/admin/plan/tasks';
const API = '/api/v1/plan/tasks';

interface TaskJson {
  id: string;
  content: string;
  lead: { units: Array<{ id: string; name: string }> };
  instances: Array<{ id: string; year: number; dueDate: string | null; status: string }>;
}

describe('cached answers after a change made elsewhere', () => {
  let apps: CacheApps;
  let officer: string;
  const init = () => ({ headers: { cookie: officer } });
  const both = (): Array<[string, Send]> => [
    ['here', apps.here],
    ['other', apps.other.send],
  ];
  const answer = async (send: Send, path: string) => stableAnswer(await send(path, init()));
  /** Kept in both workers (asked twice each), and what the page and the API said then. */
  async function keepBoth() {
    const before: Record<string, string> = {};
    for (const [name, send] of both())
      for (const path of [PAGE, API]) {
        before[`${name} ${path}`] = await answer(send, path);
        await answer(send, path);
      }
    return before;
  }
  /** Both workers show the change (within the notification's crossing), and equal a fresh render or read. */
  async function expectChangedAndFresh(before: Record<string, string>, visibleOn = [PAGE, API]) {
    for (const path of [PAGE, API]) {
      const want = await stableAnswer(await apps.fresh.send(path, init()));
      for (const [name, send] of both()) {
        if (visibleOn.includes(path))
          expect(want, `${name} ${path}: the change is visible at all`).not.toBe(before[`${name} ${path}`]);
        expect(await within(1_000, async () => (await answer(send, path)) === want), `${name} ${path}`).toBe(
          true,
        );
      }
    }
  }
  const overdue = (i: TaskJson['instances'][number]) => {
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    return i.dueDate !== null && i.dueDate < today && i.status !== 'done' && i.status !== 'not_done';
  };
  const firstTask = async () => {
    const res = await apps.fresh.send(API, init());
    return ((await res.json()) as { tasks: TaskJson[] }).tasks[0] as TaskJson;
  };

  beforeAll(async () => {
    apps = await openCacheApps();
    const u = await signUpAndSignIn(apps.ctx, { name: 'Cán bộ theo dõi' });
    const unitId = await unitIdOf(apps.ctx, 'phong-qlvhgd');
    await grantRoleAsSystem(apps.ctx.deps, { userId: u.userId, role: 'department_officer', unitId });
    officer = u.cookie;
    await new Promise((r) => setTimeout(r, 300));
  }, 180_000);
  afterAll(async () => {
    vi.restoreAllMocks();
    await apps?.close();
  });

  it('shows a task, its units, its years and a unit renamed by SQL in another worker', async () => {
    const task = await firstTask();
    const unit = task.lead.units[0];
    const year = task.instances[0];
    if (!unit || !year) throw new Error('the first task has no lead unit or no year');
    const writes: Array<[string, unknown[]]> = [
      ['UPDATE plan_tasks SET content = content || $2 WHERE id = $1', [task.id, ` (sửa ${Date.now()})`]],
      ['UPDATE units SET name = name || $2 WHERE id = $1', [unit.id, ' (tên mới)']],
      // The list marks overdue years: make this one change sides.
      overdue(year)
        ? [`UPDATE plan_task_instances SET status = 'done' WHERE id = $1`, [year.id]]
        : [
            `UPDATE plan_task_instances SET due_date = '2024-01-02', status = 'in_progress' WHERE id = $1`,
            [year.id],
          ],
      [
        `DELETE FROM plan_task_units WHERE task_id = $1 AND unit_id = $2 AND role = 'lead'`,
        [task.id, unit.id],
      ],
    ];
    for (const [text, params] of writes) {
      const before = await keepBoth();
      await apps.other.dbh.query(text, params);
      await expectChangedAndFresh(before);
    }
  });

  it("shows a year's new due date set through the other worker's API", async () => {
    const task = await firstTask();
    const year = task.instances[0];
    if (!year) throw new Error('no year');
    const path = `/api/v1/plan/instances/${year.id}`;
    const { version } = (await (await apps.other.send(path, init())).json()) as { version: number };
    const dueDate = `${year.year}-${year.dueDate === `${year.year}-10-15` ? '10-16' : '10-15'}`;
    const before = await keepBoth();
    const res = await apps.other.send(`${path}/due-date`, {
      method: 'PUT',
      headers: { cookie: officer, 'content-type': 'application/json' },
      body: JSON.stringify({ dueDate, version }),
    });
    expect(res.status).toBe(204);
    // The page shows a due date only as an overdue mark, which this change may leave as it was.
    await expectChangedAndFresh(before, [API]);
  });

  it("shows the department's new name set elsewhere, no later than the settings' own bound", async () => {
    await keepBoth();
    const name = `Sở Thử Nghiệm ${Date.now()}`;
    await apps.other.dbh.query(
      `INSERT INTO settings (key, value) VALUES ('department.name', to_jsonb($1::text))
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      [name],
    );
    await new Promise((r) => setTimeout(r, 300));
    await answer(apps.here, PAGE); // rendered (the notification emptied the cache) and kept again
    // Past the settings' ten seconds of memory (settings.repository.server.ts): any fresh render shows the
    // new name, so a kept page must as well.
    const now = Date.now.bind(Date);
    const later = vi.spyOn(Date, 'now').mockImplementation(() => now() + 11_000);
    try {
      expect(await (await apps.fresh.send(PAGE, init())).text()).toContain(name);
      for (const [, send] of both()) expect(await (await send(PAGE, init())).text()).toContain(name);
    } finally {
      later.mockRestore();
    }
  });

  it("turns Vietnam's day over at 17:00 UTC: overdue years and the API's answer follow", async () => {
    const task = await firstTask();
    const year = task.instances[0];
    if (!year) throw new Error('no year');
    // Two days from now: a session signed in today is still valid then.
    const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await apps.ctx.dbh.query(
      `UPDATE plan_task_instances SET due_date = $2, status = 'not_started' WHERE id = $1`,
      [year.id, day],
    );
    // Its other years finished: only this one can make the task overdue.
    await apps.ctx.dbh.query(
      `UPDATE plan_task_instances SET status = 'done' WHERE task_id = $1 AND id <> $2`,
      [task.id, year.id],
    );
    const clocks = [apps.ctx.deps, apps.other.deps, apps.fresh.deps];
    const setClock = (iso: string) => {
      for (const deps of clocks) vi.spyOn(deps, 'now').mockImplementation(() => new Date(iso));
    };
    try {
      const lists = [`${PAGE}?overdue=1`, `${API}?overdue=1&pageSize=100`];
      setClock(`${day}T16:59:00Z`); // 23:59 in Vietnam: due today, not overdue yet
      const lastMinute: string[] = [];
      for (const path of lists) {
        const want = await stableAnswer(await apps.fresh.send(path, init()));
        lastMinute.push(want);
        for (const [, send] of both()) {
          expect(await answer(send, path)).toBe(want);
          expect(await answer(send, path)).toBe(want);
        }
      }
      setClock(`${day}T17:01:00Z`); // 00:01 the next day: overdue
      for (const [i, path] of lists.entries()) {
        const want = await stableAnswer(await apps.fresh.send(path, init()));
        expect(want).not.toBe(lastMinute[i]);
        for (const [, send] of both()) expect(await answer(send, path)).toBe(want);
      }
    } finally {
      vi.restoreAllMocks();
    }
  });
});
