// A harvester that validates against OAI-PMH.xsd must never be handed an invalid Identify: without a valid
// admin address (the default SMTP_FROM is no-reply@localhost) the provider says it is unavailable instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  // What loadConfig yields for DATABASE_URL with the default SMTP_FROM (src/config.test.ts).
  ctx.deps.config.oai = { ...ctx.deps.config.oai, adminEmail: null };
});
afterAll(() => ctx.close());

describe('the OAI-PMH provider without a valid admin address', () => {
  it('answers 503 with a reason and a Retry-After, for GET and POST, and serves no Identify', async () => {
    for (const res of [
      await ctx.request('/oai?verb=Identify'),
      await ctx.request('/oai', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'verb=Identify',
      }),
    ]) {
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('3600');
      const text = await res.text();
      expect(text).toContain('OAI_ADMIN_EMAIL');
      expect(text).not.toContain('<Identify>');
    }
  });
});
