// The award-rule form of the back office (issue 14), through the app: unit staff choose "path completed" and
// one of their units' learning paths; every problem is reported at once in Vietnamese; a field the form does
// not have is refused; a stale version is refused with both versions shown; the write is audited; creating an
// achievement with a path rule by the list form is done once however often it is posted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/authz.ts';
import { grantRoleAsSystem } from '../../modules/access/access.grants.server.ts';
import { createAchievement } from '../../modules/credentials/credentials.usecases.server.ts';
import { bookRecord, citizen, publishedPath, RIGHT } from '../../modules/learning/learning.test-helpers.ts';
import { createPath } from '../../modules/learning/learning.usecases.server.ts';
import { answerQuiz, completeStep } from '../../modules/learning/learning-progress.usecases.server.ts';
import { actorOn, unitIdOf } from '../../modules/units/units.test-helpers.ts';
import { postForm, signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';

let ctx: TestContext;
let staff: Actor;
let cookie: string;
let library: string;
let ownPath: { pathId: string; page: string; book: string; quiz: string };
let museumPath: string;
let achievementId: string;

const page = () => `/admin/credentials/${achievementId}`;
const stored = async () =>
  (
    await ctx.dbh.query<{ award_rule: unknown; version: number }>(
      'SELECT award_rule, version FROM achievements WHERE id = $1',
      [achievementId],
    )
  )[0];

beforeAll(async () => {
  ctx = await createTestContext();
  library = await unitIdOf(ctx, 'thu-vien-tinh');
  staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  const u = await signUpAndSignIn(ctx, { name: 'Lê Văn Thủ Thư' });
  await grantRoleAsSystem(ctx.deps, { userId: u.userId, role: 'unit_staff', unitId: library });
  cookie = u.cookie;
  ownPath = await publishedPath(ctx, staff, library, await bookRecord(ctx, staff, library));
  const museumStaff = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
  museumPath = await createPath(ctx.deps, museumStaff, {
    unitId: await unitIdOf(ctx, 'bao-tang-tinh'),
    title: 'Lộ trình của bảo tàng',
    summary: 'Không thuộc thư viện.',
    completionRule: 'all_steps',
  });
  achievementId = await createAchievement(ctx.deps, staff, {
    unitId: library,
    nameVi: 'Bạn đọc nhập môn',
    criteriaVi: 'Hoàn thành lộ trình làm quen với thư viện.',
    imageAlt: 'Huy hiệu quyển sách mở',
  });
}, 180_000);
afterAll(() => ctx?.close());

describe('the award-rule form of an achievement', () => {
  it('offers the paths of the staff member’s own units only, with the version it was loaded with', async () => {
    const res = await ctx.request(page(), { headers: { cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    const form = /<form[^>]*>(?:(?!<\/form>)[\s\S])*name="intent" value="rule"[\s\S]*?<\/form>/.exec(
      html,
    )?.[0];
    expect(form).toContain('name="version" value="1"');
    expect(form).toContain(`value="${ownPath.pathId}"`);
    expect(form).not.toContain(museumPath);
  });

  it('reports every problem at once, in Vietnamese, and stores nothing', async () => {
    const res = await postForm(
      ctx,
      page(),
      {
        intent: 'rule',
        version: '1',
        ruleKind: 'events_attended',
        ruleCategory: 'bogus',
        ruleCount: '0',
        admin: '1',
      },
      { cookie },
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Biểu mẫu có trường không được phép: admin.');
    expect(html).toContain('Hãy chọn loại sự kiện trong danh sách.');
    expect(html).toContain('Số sự kiện phải là số nguyên từ 1 đến 365.');
    expect(html).toContain('href="#rule-ruleCount"');
    expect(await stored()).toMatchObject({ award_rule: null, version: 1 });
  });

  it('asks for a path when "path completed" is chosen without one', async () => {
    const res = await postForm(
      ctx,
      page(),
      { intent: 'rule', version: '1', ruleKind: 'path_completed' },
      { cookie },
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Hãy chọn lộ trình học cần hoàn thành.');
  });

  it('refuses a path of a unit the staff member does not work for', async () => {
    const res = await postForm(
      ctx,
      page(),
      { intent: 'rule', version: '1', ruleKind: 'path_completed', rulePath: museumPath },
      { cookie },
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Không tìm thấy lộ trình học này trong các đơn vị bạn được làm việc.');
    expect(await stored()).toMatchObject({ award_rule: null, version: 1 });
  });

  it('saves the path rule, audits it, and the badge is then earned by completing that path', async () => {
    const res = await postForm(
      ctx,
      page(),
      { intent: 'rule', version: '1', ruleKind: 'path_completed', rulePath: ownPath.pathId },
      { cookie },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Đã lưu quy tắc tự động trao.');
    expect(await stored()).toMatchObject({
      award_rule: { kind: 'path_completed', ref: ownPath.pathId },
      version: 2,
    });
    const audit = await ctx.dbh.query<{ before: unknown; after: unknown }>(
      "SELECT before, after FROM audit_log WHERE action = 'credentials.achievement.update' AND entity_id = $1",
      [achievementId],
    );
    expect(audit).toEqual([
      {
        before: { awardRule: null, version: 1 },
        after: { awardRule: { kind: 'path_completed', ref: ownPath.pathId }, version: 2 },
      },
    ]);
    const u = await signUpAndSignIn(ctx, { name: 'Đặng Thị Học' });
    const me = citizen(u.userId, 'Đặng Thị Học');
    for (const s of [ownPath.page, ownPath.book]) await completeStep(ctx.deps, me, ownPath.pathId, s);
    await answerQuiz(ctx.deps, me, ownPath.pathId, ownPath.quiz, RIGHT);
    const awards = await ctx.dbh.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM credential_awards WHERE achievement_id = $1 AND learner_id = $2',
      [achievementId, u.userId],
    );
    expect(awards[0]?.n).toBe(1);
  });

  it('refuses a save based on an older version (409), showing what is stored now', async () => {
    const res = await postForm(
      ctx,
      page(),
      { intent: 'rule', version: '1', ruleKind: '', ruleCount: '3', ruleCategory: 'reading', rulePath: '' },
      { cookie },
    );
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('data-conflict-version="2"');
    expect(html).toContain('name="version" value="2"');
    expect(await stored()).toMatchObject({ award_rule: { kind: 'path_completed' }, version: 2 });
  });

  it('is not shown to, and refused for, staff of another unit', async () => {
    const other = await signUpAndSignIn(ctx, { name: 'Trần Bảo Tàng' });
    await grantRoleAsSystem(ctx.deps, {
      userId: other.userId,
      role: 'unit_staff',
      unitId: await unitIdOf(ctx, 'bao-tang-tinh'),
    });
    const res = await postForm(
      ctx,
      page(),
      { intent: 'rule', version: '2', ruleKind: '' },
      { cookie: other.cookie },
    );
    expect(res.status).toBe(403);
    expect(await stored()).toMatchObject({ version: 2 });
  });
});

describe('creating an achievement with a path rule', () => {
  it('creates it once however often the same form is posted', async () => {
    const html = await (await ctx.request('/admin/credentials', { headers: { cookie } })).text();
    const formToken = /name="formToken" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const fields = {
      formToken,
      unitId: library,
      nameVi: 'Người đọc chăm',
      nameEn: '',
      criteriaVi: 'Hoàn thành lộ trình thư viện.',
      criteriaEn: '',
      imageAlt: 'Huy hiệu ngọn đèn',
      imageColor: '#0b5394',
      ruleKind: 'path_completed',
      ruleCategory: 'reading',
      ruleCount: '3',
      rulePath: ownPath.pathId,
      validityMonths: '',
    };
    const first = await postForm(ctx, '/admin/credentials', fields, { cookie });
    const second = await postForm(ctx, '/admin/credentials', fields, { cookie });
    expect(first.status).toBe(303);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    const rows = await ctx.dbh.query<{ award_rule: unknown }>(
      "SELECT award_rule FROM achievements WHERE name_vi = 'Người đọc chăm'",
    );
    expect(rows).toEqual([{ award_rule: { kind: 'path_completed', ref: ownPath.pathId } }]);
  });
});
