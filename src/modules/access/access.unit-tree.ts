// The unit tree as an in-memory parent map, for subtree tests on every request without a query each time.
// Cached per database handle for a short time; the units module calls `invalidateUnitTree` after it writes,
// so this process sees a move at once and other processes within UNIT_TREE_TTL_MS.
import type { AppDeps } from '../../app/deps.types.ts';

export const UNIT_TREE_TTL_MS = 30_000;
/** A unit chain deeper than this is a cycle in bad data, not a real organisation. */
const MAX_DEPTH = 64;

export interface UnitTree {
  has(unitId: string): boolean;
  /** True when `unitId` is `rootId` or lies below it. */
  inSubtree(rootId: string, unitId: string): boolean;
  /** `rootId` and every unit below it. */
  subtree(rootId: string): string[];
  /** Units without a parent (the Department). */
  roots(): string[];
}

export type UnitTreeDeps = Pick<AppDeps, 'db' | 'dbh' | 'repos'>;

export function buildUnitTree(links: ReadonlyArray<{ id: string; parentId: string | null }>): UnitTree {
  const parentOf = new Map<string, string | null>();
  const childrenOf = new Map<string, string[]>();
  for (const l of links) {
    parentOf.set(l.id, l.parentId);
    if (l.parentId) {
      const list = childrenOf.get(l.parentId) ?? [];
      list.push(l.id);
      childrenOf.set(l.parentId, list);
    }
  }
  return {
    has: (unitId) => parentOf.has(unitId),
    inSubtree(rootId, unitId) {
      let cur: string | null | undefined = unitId;
      for (let depth = 0; cur && depth < MAX_DEPTH; depth++) {
        if (cur === rootId) return parentOf.has(rootId);
        cur = parentOf.get(cur);
      }
      return false;
    },
    subtree(rootId) {
      if (!parentOf.has(rootId)) return [];
      const out: string[] = [];
      const seen = new Set<string>();
      const stack = [rootId];
      while (stack.length) {
        const id = stack.pop() as string;
        if (seen.has(id)) continue;
        seen.add(id);
        out.push(id);
        stack.push(...(childrenOf.get(id) ?? []));
      }
      return out;
    },
    roots: () => [...parentOf].filter(([, parent]) => parent === null).map(([id]) => id),
  };
}

interface CacheEntry {
  loadedAt: number;
  tree: Promise<UnitTree>;
}
// One cache per database handle (pages and API share this module: one copy per process, ADR 0009).
const cache = new WeakMap<object, CacheEntry>();

export function unitTree(deps: UnitTreeDeps, now = Date.now()): Promise<UnitTree> {
  const hit = cache.get(deps.dbh);
  if (hit && now - hit.loadedAt < UNIT_TREE_TTL_MS) return hit.tree;
  const tree = deps.repos.units.parentLinks(deps.db).then(buildUnitTree);
  cache.set(deps.dbh, { loadedAt: now, tree });
  // A failed load must not stay cached.
  tree.catch(() => {
    if (cache.get(deps.dbh)?.tree === tree) cache.delete(deps.dbh);
  });
  return tree;
}

/** Forget the cached tree (call after any unit create, move, merge or close). */
export function invalidateUnitTree(deps: Pick<AppDeps, 'dbh'>): void {
  cache.delete(deps.dbh);
}

/** The tree, reloaded once if it does not know `unitId` yet (a unit created moments ago elsewhere). */
export async function unitTreeKnowing(deps: UnitTreeDeps, unitId: string): Promise<UnitTree> {
  const tree = await unitTree(deps);
  if (tree.has(unitId)) return tree;
  invalidateUnitTree(deps);
  return unitTree(deps);
}
