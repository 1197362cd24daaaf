// Route matching once per distinct path, not on every request (ADR 0013).
//
// React Router's matcher (V6RegExMatcher) walks every flattened route branch in rank order for each match,
// and a document request matches twice (the request handler, then the static handler's query). With ~160
// routes under the optional `:lang?` segment that is ~320 branches, each re-running its parents' regular
// expressions and path joins: about a millisecond per match on a busy core, a quarter of the CPU of the home
// page. The result only depends on the route table and the path, so it is remembered per (matcher, path,
// partial) in a bounded map, dropped when the matcher's routes change (update). Callers get fresh match
// objects (and a fresh params object, shared by a branch's matches as React Router does), never the stored
// ones, so nothing a request does to its matches reaches another request.
//
// The class is internal to react-router (not in its exports map), so it is reached by file URL from the
// package's resolved entry. If a react-router release moves or renames it, the patch is not applied, the app
// works exactly as before (slower), and route-match-memo.test.ts fails to say so.

interface RouteMatchLike {
  params: Record<string, string | undefined>;
  [key: string]: unknown;
}
type MatchFn = (this: object, locationArg: unknown, allowPartial?: boolean) => RouteMatchLike[] | null;
interface MatcherClass {
  prototype: { match: MatchFn; update: (this: object, routes: unknown) => unknown };
}

/** Distinct paths remembered per matcher; beyond it the map starts over (unknown paths are cheap to lose). */
export const MATCH_MEMO_MAX = 2000;
const PATCHED = Symbol.for('suotdoi.routeMatchMemo');

const memos = new WeakMap<object, Map<string, RouteMatchLike[] | null>>();

function pathnameOf(locationArg: unknown): string | null {
  if (typeof locationArg === 'string') {
    const cut = locationArg.search(/[?#]/);
    return cut === -1 ? locationArg : locationArg.slice(0, cut);
  }
  if (locationArg && typeof locationArg === 'object' && 'pathname' in locationArg) {
    const p = (locationArg as { pathname?: unknown }).pathname;
    return typeof p === 'string' ? p : null;
  }
  return null;
}

function copy(matches: RouteMatchLike[] | null): RouteMatchLike[] | null {
  if (!matches) return null;
  const first = matches[0];
  const params = first ? { ...first.params } : {};
  return matches.map((m) => ({ ...m, params }));
}

/** Wraps a matcher class's match() with the memo; idempotent. Exported for the test. */
export function memoizeMatcher(cls: MatcherClass): boolean {
  const proto = cls.prototype as MatcherClass['prototype'] & { [PATCHED]?: true };
  if (typeof proto.match !== 'function' || typeof proto.update !== 'function') return false;
  if (proto[PATCHED]) return true;
  const match = proto.match;
  const update = proto.update;
  proto.update = function (this: object, routes: unknown) {
    memos.delete(this);
    return update.call(this, routes);
  };
  proto.match = function (this: object, locationArg: unknown, allowPartial = false) {
    const pathname = pathnameOf(locationArg);
    if (pathname === null) return match.call(this, locationArg, allowPartial);
    let memo = memos.get(this);
    if (!memo) {
      memo = new Map();
      memos.set(this, memo);
    }
    const key = allowPartial ? `1${pathname}` : `0${pathname}`;
    let found = memo.get(key);
    if (found === undefined) {
      found = match.call(this, pathname, allowPartial);
      if (memo.size >= MATCH_MEMO_MAX) memo.clear();
      memo.set(key, found);
    }
    return copy(found);
  };
  proto[PATCHED] = true;
  return true;
}

/** Patches the matcher of the react-router copy this process resolves (production and development builds). */
export async function memoizeRouteMatching(): Promise<boolean> {
  let entry: string;
  try {
    entry = import.meta.resolve('react-router');
  } catch {
    return false;
  }
  const dist = entry.replace(/\/dist\/(production|development)\/.*$/, '/dist/');
  if (dist === entry) return false;
  let patched = false;
  for (const flavour of ['production', 'development']) {
    try {
      const mod = (await import(`${dist}${flavour}/lib/router/matcher.js`)) as {
        V6RegExMatcher?: MatcherClass;
      };
      if (mod.V6RegExMatcher && memoizeMatcher(mod.V6RegExMatcher)) patched = true;
    } catch {
      // this flavour is not installed, or the file moved: leave it unpatched
    }
  }
  return patched;
}

/** Applied once when the app module loads (src/app/create-app.server.ts imports this file). */
export const routeMatchingMemoized: boolean = await memoizeRouteMatching();
