// What the ADL LRS conformance test suite found (docs/lrs.md, "Conformance"), kept as tests: the
// Consistent-Through header on refusals too, single context activities answered as arrays, `ids` format,
// attachments that have a fileUrl and are also sent, and the Alternate Request Syntax.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { statement, xapiClient } from './lrs.test-helpers.ts';

let ctx: TestContext;
let client: Awaited<ReturnType<typeof xapiClient>>;

beforeAll(async () => {
  ctx = await createTestContext();
  client = await xapiClient(ctx);
}, 180_000);
afterAll(() => ctx?.close());

describe('the LRS against the conformance suite’s findings', () => {
  it('says how current the Statements resource is even when it refuses', async () => {
    const res = await client.call('/xapi/statements?statementId=not-a-uuid&verb=x');
    expect(res.status).toBe(400);
    expect(res.headers.get('x-experience-api-consistent-through')).toBeTruthy();
  });

  it('answers a single context activity as an array and keeps only ids in the ids format', async () => {
    const s = statement({
      context: { contextActivities: { parent: { id: 'http://example.vn/khoa-hoc/cha' } } },
    });
    expect((await client.call('/xapi/statements', { method: 'POST', json: s })).status).toBe(200);
    const got = await (await client.call(`/xapi/statements?statementId=${s.id}`)).json();
    expect(got.context.contextActivities.parent).toEqual([{ id: 'http://example.vn/khoa-hoc/cha' }]);
    // The same statement sent again (single object) is the same content, not a conflict.
    expect((await client.call('/xapi/statements', { method: 'POST', json: s })).status).toBe(200);
    const ids = await (await client.call(`/xapi/statements?statementId=${s.id}&format=ids`)).json();
    expect(ids.object).toEqual({ id: s.object.id });
    expect(ids.actor).toEqual({ objectType: 'Agent', mbox: s.actor.mbox });
  });

  it('accepts the part of an attachment that also has a fileUrl', async () => {
    const text = Buffer.from('đây là một tệp đính kèm');
    const sha2 = createHash('sha256').update(text).digest('hex');
    const s = statement({
      attachments: [
        {
          usageType: 'http://example.vn/dinh-kem',
          display: { vi: 'Tệp' },
          contentType: 'text/plain',
          length: text.length,
          sha2,
          fileUrl: 'http://example.vn/tep.txt',
        },
      ],
    });
    const b = 'ranh-gioi-314159';
    const body = Buffer.concat([
      Buffer.from(`--${b}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(s)}\r\n`),
      Buffer.from(`--${b}\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n`),
      Buffer.from(`X-Experience-API-Hash: ${sha2}\r\n\r\n`),
      text,
      Buffer.from(`\r\n--${b}--\r\n`),
    ]);
    const res = await client.call('/xapi/statements', {
      method: 'POST',
      headers: { 'content-type': `multipart/mixed; boundary=${b}` },
      body,
    });
    expect(res.status).toBe(200);
  });

  it('takes the Alternate Request Syntax: a form POST carrying method, headers and content', async () => {
    const s = statement();
    const form = new URLSearchParams({
      statementId: s.id,
      content: JSON.stringify(s),
      Authorization: client.auth,
      'X-Experience-API-Version': '1.0.3',
      'Content-Type': 'application/json',
    });
    const put = await ctx.app.request('/xapi/statements?method=PUT', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(put.status).toBe(204);
    expect(put.headers.get('x-experience-api-version')).toBe('1.0.3');
    const get = await ctx.app.request('/xapi/statements?method=GET', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        statementId: s.id,
        Authorization: client.auth,
        'X-Experience-API-Version': '1.0.3',
      }).toString(),
    });
    expect(get.status).toBe(200);
    expect((await get.json()).id).toBe(s.id);
    const bad = await ctx.app.request('/xapi/statements?method=PUT', { method: 'POST' });
    expect(bad.status).toBe(400);
    const noAuth = await ctx.app.request('/xapi/statements?method=GET', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'X-Experience-API-Version=1.0.3',
    });
    expect(noAuth.status).toBe(401);
  });
});
