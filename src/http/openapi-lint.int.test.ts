// The OpenAPI document passes an OpenAPI linter's recommended rules (Redocly, run in-process), declares its
// server, how callers authenticate and which operations are public, and documents the error responses.
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.ts';

let ctx: TestContext;
let source = '';
beforeAll(async () => {
  ctx = await createTestContext();
  source = await (await ctx.request('/api/v1/openapi.json')).text();
}, 180_000);
afterAll(() => ctx.close());

describe('the OpenAPI document', () => {
  it('has no errors under the recommended lint rules', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config });
    const summary: Record<string, number> = {};
    for (const p of problems)
      summary[`${p.severity} ${p.ruleId}`] = (summary[`${p.severity} ${p.ruleId}`] ?? 0) + 1;
    console.info('OpenAPI lint (recommended):', summary);
    const errors = problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ''}`);
    expect(errors).toEqual([]);
  });
});
