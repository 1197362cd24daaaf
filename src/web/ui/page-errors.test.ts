import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryAnswer } from './page-errors.ts';

describe('queryAnswer', () => {
  it('answers a valid query with a plain object, so a page that does not hydrate keeps it from the handoff', () => {
    // src/http/server-only-loader-data.server.ts boxes plain objects only; data() was encoded for nobody.
    const answer = queryAnswer({ rows: [1, 2] }, undefined);
    expect(Object.getPrototypeOf(answer)).toBe(Object.prototype);
    expect(answer).toEqual({ rows: [1, 2], problems: [] });
  });

  it('answers an invalid query with status 400 and the reasons', () => {
    const parsed = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/) }).safeParse({ month: 'x' });
    const answer = queryAnswer({ rows: [] }, parsed.error) as unknown as {
      init: { status: number };
      data: { problems: unknown[] };
    };
    expect(answer.init.status).toBe(400);
    expect(answer.data.problems).toHaveLength(1);
  });
});
