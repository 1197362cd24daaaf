import { authorize, can, scopeRoots } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { type UnitTreeDeps, unitTree } from '../access/access.unit-tree.ts';
import type { AuditEntry } from './audit.repository.server.ts';
import type { AuditQuery } from './audit.schemas.server.ts';

// Vietnam is UTC+7 all year: a date filter means the whole Vietnamese day.
const dayStart = (d: string) => new Date(`${d}T00:00:00+07:00`);
const dayEnd = (d: string) => new Date(`${d}T23:59:59.999+07:00`);

/** `undefined` = every entry; otherwise only entries about these units (an administrator's subtrees). */
async function readableUnits(deps: UnitTreeDeps, actor: Actor): Promise<string[] | undefined> {
  if (can(actor, 'audit.log.read_all')) return undefined;
  const tree = await unitTree(deps);
  const roots = scopeRoots(actor, 'audit.log.read');
  if (roots.some((r) => tree.roots().includes(r))) return undefined;
  return [...new Set(roots.flatMap((r) => tree.subtree(r)))];
}

export async function listAuditEntries(
  deps: UnitTreeDeps,
  actor: Actor,
  q: AuditQuery,
): Promise<{ entries: AuditEntry[]; nextBefore: number | null }> {
  authorize(actor, 'audit.log.read');
  const unitIds = await readableUnits(deps, actor);
  const entries = await deps.repos.audit.list(deps.db, {
    unitIds,
    actorId: q.actor,
    action: q.action,
    entityType: q.entityType,
    entityId: q.entity,
    unitId: q.unit,
    from: q.from ? dayStart(q.from) : undefined,
    to: q.to ? dayEnd(q.to) : undefined,
    q: q.q,
    beforeSeq: q.before,
    limit: q.limit + 1,
  });
  const more = entries.length > q.limit;
  const page = more ? entries.slice(0, q.limit) : entries;
  return { entries: page, nextBefore: more ? (page.at(-1)?.seq ?? null) : null };
}
