// The demo data fills each program-operations register (issue 16): a training course with attendance, a
// consenting and a non-consenting sponsor with donations (only the former thanked in public), a cooperation
// activity, an inspection with one overdue follow-up in its owner's work items, and a decided nomination on
// the honour roll with another awaiting the officer's decision. Warnings would mean a seed failed quietly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoActor } from '../modules/plan/plan.demo-actor.server.ts';
import { createTestContext, type TestContext } from '../test/harness.ts';
import { modules } from './modules.server.ts';
import { seedDemo } from './seeds.server.ts';

describe('demo data of the registers', () => {
  let ctx: TestContext;
  const warnings: string[] = [];
  const count = async (table: string) =>
    (await ctx.dbh.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n ?? 0;

  beforeAll(async () => {
    ctx = await createTestContext();
    const warn = ctx.deps.logger.warn.bind(ctx.deps.logger);
    ctx.deps.logger.warn = ((obj: unknown, msg?: string) => {
      warnings.push(`${String(msg)} ${JSON.stringify(obj)}`);
      return warn(obj as never, msg as never);
    }) as typeof ctx.deps.logger.warn;
    await seedDemo(ctx.deps);
  }, 240_000);
  afterAll(() => ctx?.close());

  it('seeds every register without a warning', async () => {
    expect(
      warnings.filter((w) => /training|sponsorship|cooperation|inspections|commendations/.test(w)),
    ).toEqual([]);
    expect(await count('training_courses')).toBeGreaterThan(0);
    expect(await count('training_attendance')).toBeGreaterThan(0);
    expect(await count('donations')).toBe(3);
    expect(await count('coop_activities')).toBeGreaterThan(0);
  });

  it('thanks only the consenting sponsor and honours the decided nomination in public', async () => {
    const sponsors = await (await ctx.request('/sponsors')).text();
    expect(sponsors).toContain('Công ty Cổ phần Sách Biển Xanh (demo)');
    expect(sponsors).not.toContain('Bạn đọc giấu tên');
    const roll = await (await ctx.request('/honour-roll')).text();
    expect(roll).toContain('Tủ sách di động đến với làng chài');
    expect(roll).not.toContain('Đọc sách cùng con');
  });

  it('puts the overdue follow-up and the open nomination in the right people’s work', async () => {
    const items = async (email: string) => {
      const actor = await demoActor(ctx.deps, email);
      const out = [];
      for (const m of modules) if (m.workItems && actor) out.push(...(await m.workItems(ctx.deps, actor)));
      return out;
    };
    const staff = await items('thuvien.nhanvien@demo.suotdoi.vn');
    expect(staff.filter((w) => w.overdue).map((w) => w.params.action)).toEqual([
      'Lập sổ theo dõi bạn đọc tham gia câu lạc bộ',
    ]);
    const officer = await items('admin@demo.suotdoi.vn');
    expect(officer.map((w) => w.params.name)).toContain('Nguyễn Thị Thu (demo)');
  });
});
