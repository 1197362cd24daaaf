// Every edit names the version it was loaded with: walks the OpenAPI document and requires `version` in the
// JSON body of every PUT and PATCH, so a new edit endpoint without optimistic concurrency fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ seed: false });
}, 180_000);
afterAll(() => ctx.close());

type Schema = { $ref?: string; required?: string[]; properties?: Record<string, unknown>; allOf?: Schema[] };
type Operation = { requestBody?: { content?: Record<string, { schema?: Schema }> } };
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

describe('edit endpoints carry a version', () => {
  it('requires `version` in the body of every PUT and PATCH of the API', async () => {
    const doc = (await (await ctx.request('/api/v1/openapi.json')).json()) as Doc;
    const resolve = (s: Schema | undefined): Schema | undefined =>
      s?.$ref ? resolve(doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')]) : s;
    const edits: string[] = [];
    const without: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const method of ['put', 'patch'] as const) {
        const op = ops[method];
        if (!op) continue;
        edits.push(`${method.toUpperCase()} ${path}`);
        const schema = resolve(op.requestBody?.content?.['application/json']?.schema);
        const required = [
          ...(schema?.required ?? []),
          ...(schema?.allOf ?? []).flatMap((s) => resolve(s)?.required ?? []),
        ];
        if (!required.includes('version')) without.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(edits.length).toBeGreaterThan(8);
    expect(without).toEqual([]);
  });
});
