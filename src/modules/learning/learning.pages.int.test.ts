// The learning pages as a browser without JavaScript uses them, and as an attacker posts to them: reading a
// path and its steps, answering a quiz (another quiz's answers, attempts over the limit, a double submit),
// joining a challenge and logging books (back-dated entries, a double submit), and the staff's editor
// (unit scope, sanitised pages).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { createChallenge, setChallengeStatus } from './challenges.usecases.server.ts';
import { bookRecord, publishedPath } from './learning.test-helpers.ts';

describe('learning pages', () => {
  let ctx: TestContext;
  let reader: { userId: string; cookie: string };
  let librarian: string;
  let curator: string;
  let library = '';
  let record = '';
  let path: Awaited<ReturnType<typeof publishedPath>>;
  let challenge = '';

  const get = (p: string, cookie?: string) =>
    ctx.request(p, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  const post = (p: string, cookie: string | undefined, fields: Array<[string, string]>) =>
    ctx.request(p, {
      method: 'POST',
      headers: { ...(cookie ? { cookie } : {}), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });
  const attempts = async (stepId: string) =>
    (
      await ctx.dbh.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM learning_quiz_attempts WHERE step_id = $1',
        [stepId],
      )
    )[0]?.n;
  const token = () => `ftk_${crypto.randomUUID()}`;

  beforeAll(async () => {
    ctx = await createTestContext();
    ctx.deps.now = () => new Date('2026-04-21T03:00:00Z');
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    const staff = async (code: string) => {
      const u = await signUpAndSignIn(ctx);
      await grantRoleAsSystem(ctx.deps, {
        userId: u.userId,
        role: 'unit_staff',
        unitId: await unitIdOf(ctx, code),
      });
      return u.cookie;
    };
    librarian = await staff('thu-vien-tinh');
    curator = await staff('bao-tang-tinh');
    reader = await signUpAndSignIn(ctx, { name: 'Nguyễn Văn Đọc' });
    const actor = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    record = await bookRecord(ctx, actor, library);
    path = await publishedPath(ctx, actor, library, record, 2);
    challenge = await createChallenge(ctx.deps, actor, {
      unitId: library,
      title: 'Tháng đọc sách 4/2026',
      description: 'Đọc 3 cuốn sách trong tháng Tư.',
      startsOn: '2026-04-01',
      endsOn: '2026-04-30',
      goalKind: 'books',
      goal: 3,
      groupKind: null,
    });
    await setChallengeStatus(ctx.deps, actor, challenge, 'published', 1);
  });
  afterAll(() => ctx.close());

  it('lists published paths and running challenges to anonymous visitors', async () => {
    const res = await get('/learn');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Làm quen với thư viện');
    expect(html).toContain('Tháng đọc sách 4/2026');
    expect(html).not.toContain('<script'); // a content page ships no JavaScript
  });

  it('shows a step without the quiz’s answers and asks anonymous readers to sign in to answer', async () => {
    const res = await get(`/learn/paths/${path.pathId}/steps/${path.quiz}`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('type="radio" name="q1" value="q1o1"');
    expect(html).toContain('type="checkbox" name="q2"');
    expect(html).not.toMatch(/correct/);
    const answer = await post(`/learn/paths/${path.pathId}/steps/${path.quiz}`, undefined, [
      ['intent', 'answer'],
      ['q1', 'q1o1'],
    ]);
    expect(answer.status).toBe(401);
  });

  it('grades a quiz posted as a form, answers a double submit once, and stops at the attempt limit', async () => {
    const url = `/learn/paths/${path.pathId}/steps/${path.quiz}`;
    const wrong: Array<[string, string]> = [
      ['intent', 'answer'],
      ['q1', 'q1o2'],
      ['q2', 'q2o1'],
    ];
    const t = token();
    const first = await post(url, reader.cookie, [...wrong, ['formToken', t]]);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('Chưa đạt: 0%');
    const again = await post(url, reader.cookie, [...wrong, ['formToken', t]]);
    expect(again.status).toBe(200);
    expect(await attempts(path.quiz)).toBe(1);
    // Answers naming another quiz's question are refused, and use no attempt.
    const foreign = await post(url, reader.cookie, [
      ['intent', 'answer'],
      ['q7', 'q7o1'],
      ['formToken', token()],
    ]);
    expect(foreign.status).toBe(422);
    // Two options on a single-choice question: refused too.
    const both = await post(url, reader.cookie, [
      ['intent', 'answer'],
      ['q1', 'q1o1'],
      ['q1', 'q1o2'],
      ['formToken', token()],
    ]);
    expect(both.status).toBe(422);
    expect(await attempts(path.quiz)).toBe(1);
    const second = await post(url, reader.cookie, [...wrong, ['formToken', token()]]);
    expect(second.status).toBe(200);
    const over = await post(url, reader.cookie, [
      ['intent', 'answer'],
      ['q1', 'q1o1'],
      ['q2', 'q2o1'],
      ['q2', 'q2o2'],
      ['formToken', token()],
    ]);
    expect(over.status).toBe(409);
    expect(await over.text()).toContain('Bạn đã dùng hết 2 lần làm bài');
    expect(await attempts(path.quiz)).toBe(2);
  });

  it('saves a step done by a form post and goes on to the next step', async () => {
    const other = await signUpAndSignIn(ctx, { name: 'Hồ Thị Học' });
    const res = await post(`/learn/paths/${path.pathId}/steps/${path.page}`, other.cookie, [
      ['intent', 'done'],
      ['next', path.book],
    ]);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/learn/paths/${path.pathId}/steps/${path.book}`);
    const page = await (await get(`/learn/paths/${path.pathId}`, other.cookie)).text();
    expect(page).toContain('Đã xong 1/3 bước');
  });

  it('lets a reader join a challenge, log a book once per form, and refuses back-dated entries', async () => {
    const url = `/learn/challenges/${challenge}`;
    const join = await post(url, reader.cookie, [
      ['intent', 'join'],
      ['leaderboardOptIn', 'on'],
    ]);
    expect(join.status).toBe(303);
    const backDated = await post(url, reader.cookie, [
      ['intent', 'log'],
      ['title', 'Tắt đèn'],
      ['minutes', '20'],
      ['readOn', '15/03/2026'],
      ['formToken', token()],
    ]);
    expect(backDated.status).toBe(422);
    expect(await backDated.text()).toContain('Ngày đọc phải nằm trong thời gian thử thách.');
    const t = token();
    const entry: Array<[string, string]> = [
      ['intent', 'log'],
      ['title', `https://suotdoi.example/catalogue/records/${record}`],
      ['minutes', '45'],
      ['readOn', '20/04/2026'],
      ['formToken', t],
    ];
    expect((await post(url, reader.cookie, entry)).status).toBe(303);
    expect((await post(url, reader.cookie, entry)).status).toBe(303);
    const html = await (await get(url, reader.cookie)).text();
    expect(html).toContain('1/3 cuốn sách (33%)');
    expect(html).toMatch(/<progress[^>]*max="100"[^>]*value="33"/);
    expect(html).toContain('Địa chí Khánh Hòa');
    expect(html).toContain('Tự ghi');
    expect(html).toContain('Nguyễn Văn Đọc — 1 cuốn sách');
  });

  it('keeps another unit’s staff out of a path’s editor and sanitises what staff post', async () => {
    expect((await get(`/admin/learning/paths/${path.pathId}`, curator)).status).toBe(403);
    const editor = await get(`/admin/learning/paths/${path.pathId}`, librarian);
    expect(editor.status).toBe(200);
    const version = /name="version" value="(\d+)"/.exec(await editor.text())?.[1] ?? '';
    const res = await post(`/admin/learning/paths/${path.pathId}`, librarian, [
      ['intent', 'step'],
      ['version', version],
      ['kind', 'page'],
      ['title', 'Trang có mã độc'],
      [
        'body',
        '<p>Đọc</p><script>alert(1)</script><style>p{}</style><iframe src="https://x.vn"></iframe><a href="javascript:alert(1)">bấm</a>',
      ],
      ['required', 'on'],
      ['formToken', token()],
    ]);
    expect(res.status).toBe(303);
    const steps = await ctx.deps.repos.learningPaths.steps(ctx.deps.db, path.pathId);
    const added = steps.at(-1);
    const page = await (await get(`/learn/paths/${path.pathId}/steps/${added?.id}`)).text();
    expect(page).toContain('<p>Đọc</p>');
    expect(page).not.toMatch(/<script>alert|<style>p|<iframe|javascript:/);
    // A stale version (the one before this step was added) is refused.
    const stale = await post(`/admin/learning/paths/${path.pathId}`, librarian, [
      ['intent', 'publish'],
      ['version', version],
    ]);
    expect(stale.status).toBe(409);
  });

  it('hides a draft path from the public', async () => {
    const staffActor = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const draft = await publishedPath(ctx, staffActor, library, record);
    await ctx.dbh.query("UPDATE learning_paths SET status = 'draft' WHERE id = $1", [draft.pathId]);
    expect((await get(`/learn/paths/${draft.pathId}`)).status).toBe(404);
    expect((await get(`/learn/paths/${draft.pathId}`, librarian)).status).toBe(200);
  });
});
