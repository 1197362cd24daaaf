// The platform writes path progress to the LRS itself: each step completed, each quiz attempt (failed, then
// passed, with its score) and the path's completion become one statement each, with the learner only as an
// account, the path's unit as context and the path as the steps' parent; the learner's record derives from them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { bookRecord, citizen, publishedPath, RIGHT, WRONG } from '../learning/learning.test-helpers.ts';
import { answerQuiz, completeStep } from '../learning/learning-progress.usecases.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { VERBS } from './index.server.ts';
import type { JsonObject } from './xapi-validate.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
}, 180_000);
afterAll(() => ctx.close());

describe('statements for learning paths', () => {
  it('records steps, quiz attempts and the completion once each, in the learner’s transaction', async () => {
    const library = await unitIdOf(ctx, 'thu-vien-tinh');
    const librarian = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const record = await bookRecord(ctx, librarian, library);
    const p = await publishedPath(ctx, librarian, library, record);
    const userId = 'usr_xapixapixapixapi01';
    const lan = citizen(userId, 'Trần Thị Lan');
    await completeStep(ctx.deps, lan, p.pathId, p.page);
    await completeStep(ctx.deps, lan, p.pathId, p.page); // again: no second statement
    await completeStep(ctx.deps, lan, p.pathId, p.book);
    await answerQuiz(ctx.deps, lan, p.pathId, p.quiz, WRONG);
    await answerQuiz(ctx.deps, lan, p.pathId, p.quiz, RIGHT);

    const statements = await ctx.deps.repos.lrsRecord.statementsOf(ctx.deps.db, [userId]);
    const summary = statements.map((s) => {
      const obj = s.object as { id: string };
      const result = s.result as { success?: boolean; score?: { scaled: number } } | undefined;
      return [(s.verb as { id: string }).id, obj.id.split('/').slice(-2).join('/'), result?.success ?? null];
    });
    const pathIri = `${ctx.deps.config.publicUrl}/learn/paths/${p.pathId}`;
    expect(summary).toEqual([
      [VERBS.completed, `steps/${p.page}`, null],
      [VERBS.completed, `steps/${p.book}`, null],
      [VERBS.failed, `steps/${p.quiz}`, false],
      [VERBS.passed, `steps/${p.quiz}`, true],
      [VERBS.completed, `steps/${p.quiz}`, null],
      [VERBS.completed, `paths/${p.pathId}`, null],
    ]);
    for (const s of statements) {
      // The learner only as an account on the platform: no name, email or phone.
      expect(s.actor).toEqual({
        objectType: 'Agent',
        account: { homePage: expect.any(String), name: userId },
      });
      const ctxt = s.context as JsonObject;
      expect(JSON.stringify(ctxt.extensions)).toContain(library);
      if ((s.object as { id: string }).id !== pathIri)
        expect(ctxt.contextActivities).toMatchObject({ parent: [{ id: pathIri }] });
    }
    expect(statements[2]?.result).toMatchObject({ score: { scaled: 0 } });
    expect(statements[3]?.result).toMatchObject({ score: { scaled: 1 } });
    // The record page reads these: six learning activities under "path" this year.
    const hours = await ctx.deps.repos.lrsRecord.hoursByCategoryYear(ctx.deps.db, userId);
    expect(hours.filter((h) => h.category === 'path').reduce((n, h) => n + h.count, 0)).toBe(6);
    const timeline = await ctx.deps.repos.lrsRecord.timeline(ctx.deps.db, userId, 20);
    expect(timeline).toHaveLength(6);
  });
});
