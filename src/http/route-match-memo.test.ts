import { createStaticHandler, matchRoutes, type RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { MATCH_MEMO_MAX, memoizeMatcher, routeMatchingMemoized } from './route-match-memo.server.ts';

// A route table shaped like the app's: an optional language segment over pages, a pathless staff layout, a
// dynamic segment and a catch-all.
function routes(): RouteObject[] {
  return [
    {
      id: 'root',
      path: '',
      children: [
        {
          id: 'locale',
          path: ':lang?',
          children: [
            { id: 'home', index: true },
            { id: 'contact', path: 'contact' },
            { id: 'record', path: 'records/:id' },
            { id: 'staff', children: [{ id: 'tasks', path: 'admin/plan/tasks' }] },
            { id: 'not-found', path: '*' },
          ],
        },
      ],
    },
  ];
}

const describeMatch = (m: ReturnType<typeof matchRoutes>) =>
  m?.map((x) => ({ id: x.route.id, params: x.params, pathname: x.pathname, base: x.pathnameBase })) ?? null;

describe('route match memo', () => {
  it('is applied to the react-router copy the app loads', () => {
    // If this fails after a react-router upgrade, the matcher moved: pages still work, only slower.
    expect(routeMatchingMemoized).toBe(true);
  });

  it('answers exactly as the unmemoized matcher, for repeated and partial matches', () => {
    const paths = [
      '/',
      '/en',
      '/contact',
      '/en/contact?x=1',
      '/records/42',
      '/en/records/a%20b',
      '/admin/plan/tasks',
      '/xx/contact',
      '/nope/deeper/still',
      '/EN/Contact',
    ];
    const handler = createStaticHandler(routes());
    for (const p of paths) {
      // matchRoutes() walks the branches itself (no matcher class): the reference answer.
      const reference = describeMatch(matchRoutes(routes(), p));
      expect(describeMatch(handler.match(p))).toEqual(reference);
      expect(describeMatch(handler.match(p))).toEqual(reference);
    }
    // An unmemoized copy of the class computes the same answers.
    class Plain {
      calls = 0;
      update() {}
      match(path: unknown) {
        this.calls++;
        return [{ params: { p: String(path) }, route: 'r' }];
      }
    }
    expect(memoizeMatcher(Plain as never)).toBe(true);
    const plain = new Plain() as unknown as { match: (p: string) => { params: object }[]; calls: number };
    const a = plain.match('/a');
    const b = plain.match('/a');
    expect(plain.calls).toBe(1);
    expect(b).toEqual(a);
    // Fresh objects each time: a request changing its params cannot reach the next request.
    expect(b).not.toBe(a);
    expect(b[0]?.params).not.toBe(a[0]?.params);
    plain.match('/a?query');
    expect(plain.calls).toBe(1);
  });

  it('forgets on update and stays bounded', () => {
    class Counting {
      calls = 0;
      update() {}
      match() {
        this.calls++;
        return null;
      }
    }
    memoizeMatcher(Counting as never);
    const m = new Counting() as unknown as {
      match: (p: string) => null;
      update: (r: unknown) => void;
      calls: number;
    };
    m.match('/x');
    m.update([]);
    m.match('/x');
    expect(m.calls).toBe(2);
    for (let i = 0; i <= MATCH_MEMO_MAX; i++) m.match(`/p${i}`);
    m.match('/x');
    expect(m.calls).toBe(MATCH_MEMO_MAX + 4);
  });
});
