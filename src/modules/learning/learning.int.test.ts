// Learning paths and reading challenges through their use cases, on PGlite and PostgreSQL: staff scope,
// versions and audit; sanitised pages; quiz grading, attempt limit and double submits; completion rules;
// challenge windows, self-logged entries, verified credit, the leaderboard's opt-in; the ports the LRS and
// credentials will read; personal data and indicators.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../lib/errors.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { createUserWithPassword } from '../auth/auth.users.server.ts';
import { eventInput, guest, insertPlace } from '../events/events.test-helpers.ts';
import { createEvent } from '../events/events.usecases.server.ts';
import { checkIn } from '../events/events-attendance.usecases.server.ts';
import { registerForEvent } from '../events/events-registration.usecases.server.ts';
import { actorOn, auditCount, unitIdOf } from '../units/units.test-helpers.ts';
import {
  createChallenge,
  joinChallenge,
  logReading,
  setChallengeStatus,
  viewChallenge,
} from './challenges.usecases.server.ts';
import { challengeProgress, creditChallenges, pathCompletions } from './index.server.ts';
import { feature } from './learning.module.server.ts';
import { bookRecord, citizen, publishedPath, RIGHT, WRONG } from './learning.test-helpers.ts';
import { addStep, createPath, setPathStatus, updatePath } from './learning.usecases.server.ts';
import { answerQuiz, completeStep, viewPath, viewStep } from './learning-progress.usecases.server.ts';

const refused = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a refusal');
};

describe('learning paths and reading challenges', () => {
  let ctx: TestContext;
  let library = '';
  let museum = '';
  let librarian: Awaited<ReturnType<typeof actorOn>>;
  let curator: Awaited<ReturnType<typeof actorOn>>;
  let record = '';

  beforeAll(async () => {
    ctx = await createTestContext();
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    museum = await unitIdOf(ctx, 'bao-tang-tinh');
    librarian = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    curator = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
    record = await bookRecord(ctx, librarian, library);
    ctx.deps.now = () => new Date('2026-04-21T03:00:00Z');
  });
  afterAll(() => ctx.close());

  describe('staff', () => {
    it('keeps a path to its unit: another unit’s staff can neither create for it nor edit it', async () => {
      expect(
        (
          await refused(
            createPath(ctx.deps, curator, {
              unitId: library,
              title: 'x',
              summary: '',
              completionRule: 'all_steps',
            }),
          )
        ).status,
      ).toBe(403);
      const id = await createPath(ctx.deps, librarian, {
        unitId: library,
        title: 'Nháp',
        summary: '',
        completionRule: 'all_steps',
      });
      // A draft of another unit is not even visible to them.
      const e = await refused(
        updatePath(ctx.deps, curator, id, {
          unitId: museum,
          title: 'x',
          summary: '',
          completionRule: 'all_steps',
          version: 1,
        }),
      );
      expect(e.status).toBe(404);
      expect(await auditCount(ctx, 'learning.path.create', id)).toBe(1);
    });

    it('refuses a save made from a stale version and publishing a path without steps', async () => {
      const id = await createPath(ctx.deps, librarian, {
        unitId: library,
        title: 'Hai người sửa',
        summary: '',
        completionRule: 'all_steps',
      });
      await updatePath(ctx.deps, librarian, id, {
        unitId: library,
        title: 'Bản một',
        summary: '',
        completionRule: 'all_steps',
        version: 1,
      });
      expect(
        (
          await refused(
            updatePath(ctx.deps, librarian, id, {
              unitId: library,
              title: 'Bản hai',
              summary: '',
              completionRule: 'all_steps',
              version: 1,
            }),
          )
        ).status,
      ).toBe(409);
      expect((await refused(setPathStatus(ctx.deps, librarian, id, 'published', 2))).code).toBe(
        'learning.path_empty',
      );
    });

    it('stores pages sanitised and refuses unknown or unpublished references and broken quizzes', async () => {
      const id = await createPath(ctx.deps, librarian, {
        unitId: library,
        title: 'An toàn',
        summary: '',
        completionRule: 'all_steps',
      });
      const base = { body: '', required: true } as const;
      await addStep(ctx.deps, librarian, id, {
        ...base,
        kind: 'page',
        title: 'Trang',
        body: '<p>Chào</p><script>alert(1)</script><a href="javascript:alert(1)">x</a><iframe src="https://a.vn"></iframe>',
        version: 1,
      });
      const [step] = await ctx.deps.repos.learningPaths.steps(ctx.deps.db, id);
      expect(step?.body).toBe('<p>Chào</p><a rel="noopener noreferrer">x</a>');
      const hidden = await bookRecord(ctx, librarian, library, false);
      for (const refId of ['rec_aaaaaaaaaaaaaaaa', hidden]) {
        const e = await refused(
          addStep(ctx.deps, librarian, id, { ...base, kind: 'record', title: 'Sách', refId, version: 2 }),
        );
        expect(e.messageKey).toBe('learning.error.step.refId');
      }
      const e = await refused(
        addStep(ctx.deps, librarian, id, {
          ...base,
          kind: 'quiz',
          title: 'Q',
          quizText: '? Hỏi\n- a\n- b',
          version: 2,
        }),
      );
      expect(e.messageKey).toBe('learning.error.quiz.noCorrect');
    });
  });

  describe('a learner following a path', () => {
    it('hides the answers, saves each step, and completes the path once when the quiz is passed', async () => {
      const p = await publishedPath(ctx, librarian, library, record);
      const lan = citizen('usr_lanlanlanlanlanla1', 'Trần Thị Lan');
      const view = await viewStep(ctx.deps, lan, p.pathId, p.quiz);
      expect(JSON.stringify(view.step.quiz)).not.toContain('correct');
      expect((await refused(completeStep(ctx.deps, lan, p.pathId, p.quiz))).code).toBe(
        'learning.quiz_not_passed',
      );
      await completeStep(ctx.deps, lan, p.pathId, p.page);
      await completeStep(ctx.deps, lan, p.pathId, p.page); // again: still one record
      await completeStep(ctx.deps, lan, p.pathId, p.book);
      const wrong = await answerQuiz(ctx.deps, lan, p.pathId, p.quiz, WRONG);
      expect(wrong).toMatchObject({ passed: false, scorePercent: 0, attemptsLeft: 1, pathCompleted: false });
      const right = await answerQuiz(ctx.deps, lan, p.pathId, p.quiz, RIGHT);
      expect(right).toMatchObject({ passed: true, scorePercent: 100, pathCompleted: true });
      expect((await refused(answerQuiz(ctx.deps, lan, p.pathId, p.quiz, RIGHT))).code).toBe(
        'learning.quiz_passed',
      );
      const after = await viewPath(ctx.deps, lan, p.pathId);
      expect(after.done.sort()).toEqual([p.page, p.book, p.quiz].sort());
      expect(after.completedAt).not.toBeNull();
      const done = await pathCompletions(ctx.deps, [lan.kind === 'user' ? lan.userId : '']);
      expect(done.map((d) => d.pathId)).toEqual([p.pathId]);
    });

    it('stops at the attempt limit and refuses answers naming another quiz’s options', async () => {
      const p = await publishedPath(ctx, librarian, library, record, 1);
      const minh = citizen('usr_minhminhminhminh', 'Lê Văn Minh');
      expect((await refused(answerQuiz(ctx.deps, minh, p.pathId, p.quiz, { q1: ['q9o1'] }))).status).toBe(
        422,
      );
      await answerQuiz(ctx.deps, minh, p.pathId, p.quiz, WRONG);
      const e = await refused(answerQuiz(ctx.deps, minh, p.pathId, p.quiz, RIGHT));
      expect(e.code).toBe('learning.attempts_used');
      expect(
        await ctx.deps.repos.learningPaths.attempts(ctx.deps.db, 'usr_minhminhminhminh', p.quiz),
      ).toHaveLength(1);
    });

    it('counts two simultaneous submissions of the last attempt once', async () => {
      const p = await publishedPath(ctx, librarian, library, record, 1);
      const hoa = citizen('usr_hoahoahoahoahoaho', 'Phạm Thị Hoa');
      const results = await Promise.allSettled([
        answerQuiz(ctx.deps, hoa, p.pathId, p.quiz, WRONG),
        answerQuiz(ctx.deps, hoa, p.pathId, p.quiz, WRONG),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(
        await ctx.deps.repos.learningPaths.attempts(ctx.deps.db, 'usr_hoahoahoahoahoaho', p.quiz),
      ).toHaveLength(1);
    });

    it('does not let anyone follow a draft, nor a quiz step through another path', async () => {
      const p = await publishedPath(ctx, librarian, library, record);
      const other = await publishedPath(ctx, librarian, library, record);
      const an = citizen('usr_ananananananana1', 'Võ An');
      expect((await refused(answerQuiz(ctx.deps, an, other.pathId, p.quiz, RIGHT))).status).toBe(404);
      await setPathStatus(ctx.deps, librarian, p.pathId, 'draft', 5);
      expect((await refused(completeStep(ctx.deps, an, p.pathId, p.page))).status).toBe(404);
      expect((await refused(viewPath(ctx.deps, an, p.pathId))).status).toBe(404);
    });
  });

  describe('reading challenges', () => {
    let challenge = '';
    const thu = citizen('usr_thuthuthuthuthuth', 'Đặng Thu');
    const quiet = citizen('usr_quietquietquietq', 'Người kín đáo');

    beforeAll(async () => {
      challenge = await createChallenge(ctx.deps, librarian, {
        unitId: library,
        title: 'Thử thách đọc 21/4',
        description: '',
        startsOn: '2026-04-01',
        endsOn: '2026-04-30',
        goalKind: 'books',
        goal: 4,
        groupKind: 'class',
      });
    });

    it('can be joined only once published and running, with a group when it groups', async () => {
      expect(
        (await refused(joinChallenge(ctx.deps, thu, challenge, { leaderboardOptIn: true }))).status,
      ).toBe(404);
      await setChallengeStatus(ctx.deps, librarian, challenge, 'published', 1);
      expect((await refused(joinChallenge(ctx.deps, thu, challenge, { leaderboardOptIn: true }))).code).toBe(
        'learning.group_required',
      );
      await joinChallenge(ctx.deps, thu, challenge, { groupName: '6A', leaderboardOptIn: true });
      await joinChallenge(ctx.deps, quiet, challenge, { groupName: '6A', leaderboardOptIn: false });
      expect(await auditCount(ctx, 'learning.challenge.publish', challenge)).toBe(1);
    });

    it('refuses self-logged days outside the window or after today, and logs the rest as self-logged', async () => {
      const entry = (readOn: string) =>
        logReading(ctx.deps, thu, challenge, { title: 'Dế Mèn phiêu lưu ký', minutes: 30, readOn });
      expect((await refused(entry('2026-03-31'))).messageKey).toBe('learning.error.entryDay.beforeWindow');
      expect((await refused(entry('2026-04-22'))).messageKey).toBe('learning.error.entryDay.future');
      await entry('2026-04-20');
      await logReading(ctx.deps, thu, challenge, { recordId: record, minutes: 0, readOn: '2026-04-21' });
      expect(
        (
          await refused(
            logReading(ctx.deps, thu, challenge, {
              recordId: 'rec_aaaaaaaaaaaaaaaa',
              minutes: 0,
              readOn: '2026-04-21',
            }),
          )
        ).status,
      ).toBe(422);
      const v = await viewChallenge(ctx.deps, thu, challenge);
      expect(v.me?.total).toBe(2);
      expect(v.me?.percent).toBe(50);
      expect(v.me?.entries.map((e) => [e.source, e.title])).toEqual([
        ['self', 'Địa chí Khánh Hòa'],
        ['self', 'Dế Mèn phiêu lưu ký'],
      ]);
    });

    it('refuses entries once the challenge is over', async () => {
      const was = ctx.deps.now;
      ctx.deps.now = () => new Date('2026-05-02T03:00:00Z');
      try {
        const e = await refused(
          logReading(ctx.deps, thu, challenge, { title: 'Muộn', minutes: 0, readOn: '2026-04-30' }),
        );
        expect(e.code).toBe('learning.challenge_closed');
      } finally {
        ctx.deps.now = was;
      }
    });

    it('shows only opted-in people on the leaderboard, while group totals count everyone', async () => {
      await logReading(ctx.deps, quiet, challenge, { title: 'Sách riêng', minutes: 0, readOn: '2026-04-21' });
      const v = await viewChallenge(ctx.deps, citizen('usr_visitorvisitorvi', 'Khách'), challenge);
      expect(v.leaderboard.map((r) => r.displayName)).toEqual(['Đặng Thu']);
      expect(v.groups).toEqual([{ groupName: '6A', participants: 2, total: 3 }]);
      expect(JSON.stringify(v)).not.toContain('Người kín đáo');
    });

    it('credits a completed path to the running challenges its learner joined, once', async () => {
      const p = await publishedPath(ctx, librarian, library, record);
      await completeStep(ctx.deps, thu, p.pathId, p.page);
      await completeStep(ctx.deps, thu, p.pathId, p.book);
      await answerQuiz(ctx.deps, thu, p.pathId, p.quiz, RIGHT);
      const v = await viewChallenge(ctx.deps, thu, challenge);
      const credited = v.me?.entries.filter((e) => e.source === 'path') ?? [];
      expect(credited).toHaveLength(1);
      expect(v.me?.total).toBe(3);
      // The same verified activity credited again (a retry) changes nothing.
      const again = await ctx.deps.db.transaction((tx) =>
        creditChallenges(ctx.deps, tx, {
          learnerId: 'usr_thuthuthuthuthuth',
          source: 'path',
          sourceRef: p.pathId,
          title: 'x',
          at: ctx.deps.now(),
          books: 1,
          minutes: 0,
        }),
      );
      expect(again).toEqual([]);
      const progress = await challengeProgress(ctx.deps, ['usr_thuthuthuthuthuth']);
      expect(progress).toEqual([expect.objectContaining({ challengeId: challenge, books: 3, goal: 4 })]);
    });

    it('credits an event check-in to the challenges the registrant joined, as verified attendance', async () => {
      const place = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh Khánh Hòa');
      const eventId = await createEvent(
        ctx.deps,
        librarian,
        eventInput(library, place, {
          schedule: { firstDate: '2026-04-21', startTime: '11:00', endTime: '13:30', weekly: null },
        }),
      );
      const [session] = await ctx.deps.repos.events.sessions(ctx.deps.db, eventId);
      const { id } = await createUserWithPassword(ctx.deps, {
        email: 'nga@example.vn',
        name: 'Ngô Nga',
        password: 'Hoa sen nở giữa hồ 2024',
      });
      const nga = citizen(id, 'Ngô Nga');
      await joinChallenge(ctx.deps, nga, challenge, { groupName: '6B', leaderboardOptIn: false });
      const reg = await registerForEvent(ctx.deps, nga, eventId, guest({ name: 'Ngô Nga' }));
      await checkIn(ctx.deps, librarian, eventId, {
        sessionId: session?.id ?? '',
        code: reg.registration.ticketCode,
      });
      const v = await viewChallenge(ctx.deps, nga, challenge);
      expect(
        v.me?.entries.filter((e) => e.source === 'event').map((e) => [e.title, e.minutes, e.books]),
      ).toEqual([['Ngày Sách và Văn hóa đọc Việt Nam: đọc cùng con', 150, 0]]);
    });

    it('counts indicators by unit and keeps them equal after a learner’s data is erased', async () => {
      const q = {
        from: new Date('2026-04-01T00:00:00Z'),
        to: new Date('2026-05-01T00:00:00Z'),
        breakdown: 'unit' as const,
      };
      const completed = await (feature.indicatorSources ?? [])
        .find((s) => s.key === 'learning.pathsCompleted')
        ?.compute(ctx.deps, { ...q, unitIds: [museum] });
      expect(completed).toEqual([]);
      const sources = Object.fromEntries((feature.indicatorSources ?? []).map((s) => [s.key, s]));
      const read = async () => ({
        participants: await sources['learning.challengeParticipants']?.compute(ctx.deps, q),
        books: await sources['learning.booksRead']?.compute(ctx.deps, q),
      });
      const before = await read();
      expect(before.participants).toEqual([{ key: library, value: 3 }]);
      expect(before.books).toEqual([{ key: library, value: 4 }]);
      const subject = { learnerIds: ['usr_thuthuthuthuthuth'], emails: [], phones: [] };
      const exported = await feature.personalData?.export(ctx.deps, ctx.deps.db, subject);
      expect(exported?.reading_challenge_entries).toHaveLength(3);
      await ctx.deps.db.transaction(
        (tx) => feature.personalData?.erase(ctx.deps, tx, subject) ?? Promise.resolve(),
      );
      expect(await read()).toEqual(before);
      const after = await feature.personalData?.export(ctx.deps, ctx.deps.db, subject);
      expect(Object.values(after ?? {}).flat()).toEqual([]);
      const v = await viewChallenge(ctx.deps, quiet, challenge);
      expect(v.leaderboard).toEqual([]);
    });
  });
});
