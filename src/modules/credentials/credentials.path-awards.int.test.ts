// A badge from a completed path: an achievement whose automatic rule names a path is issued, signed, to the
// learner the moment they complete it (in the same transaction), once; completing another path earns nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { bookRecord, citizen, publishedPath, RIGHT } from '../learning/learning.test-helpers.ts';
import { answerQuiz, completeStep } from '../learning/learning-progress.usecases.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { createAchievement } from './credentials.usecases.server.ts';
import { verifyDocument } from './credentials.verify.server.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
}, 180_000);
afterAll(() => ctx?.close());

describe('badges from a completed path', () => {
  it('are issued, signed, when the path is completed, once', async () => {
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const library = await unitIdOf(ctx, 'thu-vien-tinh');
    const recordId = await bookRecord(ctx, staff, library);
    const p = await publishedPath(ctx, staff, library, recordId);
    const other = await publishedPath(ctx, staff, library, recordId);
    const achievementId = await createAchievement(ctx.deps, staff, {
      unitId: library,
      nameVi: 'Làm quen với thư viện',
      criteriaVi: 'Hoàn thành lộ trình "Làm quen với thư viện".',
      imageAlt: 'Huy hiệu hình quyển sách',
      awardRule: { kind: 'path_completed', ref: p.pathId },
    });
    const u = await signUpAndSignIn(ctx, { name: 'Ngô Thị Lộ Trình' });
    const me = citizen(u.userId, 'Ngô Thị Lộ Trình');
    const awards = () =>
      ctx.dbh.query<{ id: string; recipient_name: string; source: string }>(
        'SELECT id, recipient_name, source FROM credential_awards WHERE learner_id = $1',
        [u.userId],
      );
    // Another path completed: nothing.
    for (const s of [other.page, other.book]) await completeStep(ctx.deps, me, other.pathId, s);
    await answerQuiz(ctx.deps, me, other.pathId, other.quiz, RIGHT);
    expect(await awards()).toEqual([]);
    // Steps of the named path: nothing until it is complete.
    await completeStep(ctx.deps, me, p.pathId, p.page);
    await completeStep(ctx.deps, me, p.pathId, p.book);
    expect(await awards()).toEqual([]);
    await answerQuiz(ctx.deps, me, p.pathId, p.quiz, RIGHT);
    const got = await awards();
    expect(got).toEqual([expect.objectContaining({ recipient_name: 'Ngô Thị Lộ Trình', source: 'rule' })]);
    const award = await ctx.deps.repos.credentials.award(ctx.deps.db, got[0]!.id);
    expect(await verifyDocument(ctx.deps, award?.document)).toMatchObject({ status: 'valid' });
    // Completing again (another attempt) does not issue a second one.
    await completeStep(ctx.deps, me, p.pathId, p.page);
    expect(await awards()).toHaveLength(1);
    expect(achievementId).toMatch(/^ach_/);
  });
});
