// Test helpers for the learning module: citizens as actors, a short path with a page, a book and a quiz.
import type { Actor } from '../../lib/authz.ts';
import { testActor } from '../../test/actors.ts';
import type { TestContext } from '../../test/harness.ts';
import { createCatalogueRecord } from '../catalogue/catalogue.usecases.server.ts';
import { addStep, createPath, setPathStatus } from './learning.usecases.server.ts';

export function citizen(userId: string, name: string): Actor {
  const actor = testActor([]);
  if (actor.kind !== 'user') throw new Error('testActor is a user');
  return { ...actor, userId, name, email: `${userId}@example.vn` };
}

export const QUIZ_TEXT = `? Ngày Sách và Văn hóa đọc Việt Nam là ngày nào?
* 21/4
- 23/4
? Những nơi nào cho mượn sách?
* Thư viện tỉnh
* Thư viện lưu động
- Bến xe`;

export const RIGHT = { q1: ['q1o1'], q2: ['q2o1', 'q2o2'] };
export const WRONG = { q1: ['q1o2'], q2: ['q2o1'] };

export async function bookRecord(ctx: TestContext, staff: Actor, unitId: string, published = true) {
  return (
    await createCatalogueRecord(ctx.deps, staff, {
      type: 'book',
      title: 'Địa chí Khánh Hòa',
      creators: ['Nhiều tác giả'],
      subjects: ['Địa chí'],
      unitId,
      published,
      details: {},
      holdings: [{ availability: 'available' }],
      rights: 'http://creativecommons.org/licenses/by/4.0/',
    })
  ).id;
}

/** A published path: a page, a book to read, a quiz (pass mark 100, `maxAttempts` attempts). */
export async function publishedPath(
  ctx: TestContext,
  staff: Actor,
  unitId: string,
  recordId: string,
  maxAttempts = 2,
) {
  const pathId = await createPath(ctx.deps, staff, {
    unitId,
    title: 'Làm quen với thư viện',
    summary: 'Ba bước ngắn.',
    completionRule: 'all_steps',
  });
  const base = { body: '', required: true } as const;
  const page = await addStep(ctx.deps, staff, pathId, {
    ...base,
    kind: 'page',
    title: 'Thư viện là gì',
    body: '<p>Thư viện cho mượn sách.</p>',
    version: 1,
  });
  const book = await addStep(ctx.deps, staff, pathId, {
    ...base,
    kind: 'record',
    title: 'Đọc cuốn này',
    refId: recordId,
    version: 2,
  });
  const quiz = await addStep(ctx.deps, staff, pathId, {
    ...base,
    kind: 'quiz',
    title: 'Kiểm tra nhanh',
    quizText: QUIZ_TEXT,
    passMark: 100,
    maxAttempts,
    version: 3,
  });
  await setPathStatus(ctx.deps, staff, pathId, 'published', 4);
  return { pathId, page, book, quiz };
}
