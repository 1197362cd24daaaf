// Every place that sends a visitor to a path they supplied (sign-in `next`, the follow form's `returnTo`)
// keeps them on this site, whatever dot segments, slashes or encodings the path hides.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postForm, signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';

const HOSTILE = ['/.//evil.example', '/a/..//evil.example', '/..//evil.example', '/%2e%2e//evil.example'];

let ctx: TestContext;
let reader: Awaited<ReturnType<typeof signUpAndSignIn>>;

beforeAll(async () => {
  ctx = await createTestContext();
  reader = await signUpAndSignIn(ctx);
}, 120_000);
afterAll(() => ctx.close());

function expectLocal(res: Response) {
  expect([302, 303]).toContain(res.status);
  const location = res.headers.get('location') ?? '';
  expect(location.startsWith('/')).toBe(true);
  expect(location).not.toMatch(/^\/[/\\]/);
  expect(new URL(location, 'https://hoctap.example.vn').host).toBe('hoctap.example.vn');
}

describe('redirect targets supplied by the visitor', () => {
  it.each(HOSTILE)('the sign-in page sends a signed-in visitor home, not to %s', async (next) => {
    const res = await ctx.request(`/sign-in?next=${encodeURIComponent(next)}`, {
      headers: { cookie: reader.cookie },
      redirect: 'manual',
    });
    expectLocal(res);
  });

  it.each(HOSTILE)('the sign-in form does not send the visitor to %s', async (next) => {
    const res = await postForm(ctx, '/sign-in', { email: reader.email, password: reader.password, next });
    expectLocal(res);
  });

  it.each(HOSTILE)('the follow form does not return to %s', async (returnTo) => {
    const res = await postForm(
      ctx,
      '/account/follows',
      { intent: 'follow', kind: 'category', target: 'reading', returnTo },
      { cookie: reader.cookie },
    );
    expectLocal(res);
  });

  it.each(['/en//evil.example', '/en/.//evil.example', '//evil.example/en'])(
    'the language switch of the page at %s links within the site',
    async (path) => {
      const res = await ctx.request(path);
      const html = await res.text();
      const links = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1] ?? '');
      expect(links.length).toBeGreaterThan(0);
      for (const href of links) expect(href, href).not.toMatch(/^(\/[/\\]|[a-z]+:)/i);
    },
  );
});
