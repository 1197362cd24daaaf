// The one way back-office writes are audited: call `record` inside the same transaction as the write.
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

export function createAuditService(repo: AuditRepository) {
  return {
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
