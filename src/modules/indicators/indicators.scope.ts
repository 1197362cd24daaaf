// Which recorded units a unit's figures cover. A unit answers for its subtree and for every unit merged into it
// (the 2025 reorganisation: a closed unit's activity stays recorded under its own id, and the unit it was merged
// into reports it from then on), transitively. Pure: the unit list comes from the units module.
export interface ScopeUnit {
  id: string;
  parentId: string | null;
  mergedIntoId: string | null;
}

export function coveredUnits(units: readonly ScopeUnit[], rootId: string): string[] {
  const children = new Map<string, string[]>();
  const absorbed = new Map<string, string[]>();
  for (const u of units) {
    if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
    if (u.mergedIntoId) absorbed.set(u.mergedIntoId, [...(absorbed.get(u.mergedIntoId) ?? []), u.id]);
  }
  if (!units.some((u) => u.id === rootId)) return [];
  const out = new Set<string>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop() as string;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []), ...(absorbed.get(id) ?? []));
  }
  return [...out];
}

/** [from, to) of a Vietnamese calendar year as UTC instants (Asia/Ho_Chi_Minh is UTC+7, no DST). */
export function yearWindow(year: number): { from: Date; to: Date } {
  const SEVEN_HOURS = 7 * 3600 * 1000;
  return {
    from: new Date(Date.UTC(year, 0, 1) - SEVEN_HOURS),
    to: new Date(Date.UTC(year + 1, 0, 1) - SEVEN_HOURS),
  };
}

export function yearsBetween(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}
