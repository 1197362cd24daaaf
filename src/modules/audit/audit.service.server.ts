// The one way back-office writes are audited: call `record` inside the same transaction as the write.
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { currentRequestId } from '../../lib/request-context.server.ts';
import type { AuditRepository } from './audit.repository.server.ts';

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | null;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** An audit event whose entity id, unit and after-image may be SQL over the caller's rows (`recordFrom`). */
export interface AuditEventSql {
  action: string;
  entityType: string;
  entityId: string | SQL;
  unitId: string | SQL | null;
  after: unknown;
}

export function createAuditService(repo: AuditRepository) {
  return {
    /**
     * `record` as part of the caller's own statement: the INSERT to put in its CTE chain, one entry per row of
     * `from` — for a write that is one statement and must stay one round trip (the desk's lend and return).
     */
    recordFrom(actor: Actor, from: SQL, e: AuditEventSql): SQL {
      return repo.appendFrom(from, {
        actorId: actor.kind === 'user' ? actor.userId : null,
        actorLabel: actor.kind === 'user' ? actor.email : null,
        unitId: e.unitId,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        before: null,
        after: e.after,
        requestId: currentRequestId() ?? null,
      });
    },
    async record(tx: Db, actor: Actor, e: AuditEvent): Promise<void> {
      await repo.append(tx, {
        actorId: actor.kind === 'user' ? actor.userId : null,
        // No actor: the system itself (seeding, scheduled jobs, command-line tools); pages say so in words.
        actorLabel: actor.kind === 'user' ? actor.email : null,
        unitId: e.unitId ?? null,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId ?? null,
        before: e.before ?? null,
        after: e.after ?? null,
        requestId: currentRequestId() ?? null,
      });
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
