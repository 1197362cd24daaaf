// All SQL touching audit_log. Deliberately no update or delete functions.
import { and, desc, eq, gte, ilike, inArray, lt, lte, or, SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { likeEscape } from '../../db/sql.server.ts';
import { newId } from './audit.ids.server.ts';
import { auditLog } from './audit.table.server.ts';

export interface AuditEntryInput {
  actorId: string | null;
  actorLabel: string | null;
  unitId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export interface AuditFilter {
  actorId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  unitId?: string | undefined;
  /** Only entries about one of these units (entries without a unit are then left out). */
  unitIds?: readonly string[] | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  q?: string | undefined;
  /** Keyset cursor: entries older than this sequence number. */
  beforeSeq?: number | undefined;
  limit: number;
}

export type AuditEntry = typeof auditLog.$inferSelect;

export function createAuditRepository() {
  return {
    async append(db: Db, e: AuditEntryInput): Promise<string> {
      const id = newId('aud');
      await db.insert(auditLog).values({
        id,
        actorId: e.actorId,
        actorLabel: e.actorLabel,
        unitId: e.unitId,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        before: e.before ?? null,
        after: e.after ?? null,
        requestId: e.requestId,
      } as typeof auditLog.$inferInsert);
      return id;
    },

    /**
     * `append` as a part of a caller's statement (a data-modifying CTE): one entry per row of `from` (the
     * caller's CTE of the rows it changed), so the entry commits with the change in the same round trip. Fields
     * given as SQL are expressions over `from`'s columns.
     */
    appendFrom(from: SQL, e: { [K in keyof AuditEntryInput]: AuditEntryInput[K] | SQL }): SQL {
      const v = (x: unknown) => (x instanceof SQL ? x : sql`${x === undefined ? null : x}`);
      const json = (x: unknown) =>
        x instanceof SQL ? sql`${x}::jsonb` : sql`${x == null ? null : JSON.stringify(x)}::jsonb`;
      return sql`INSERT INTO audit_log (id, actor_id, actor_label, unit_id, action, entity_type, entity_id, before,
          after, request_id)
        SELECT ${newId('aud')}, ${v(e.actorId)}, ${v(e.actorLabel)}, ${v(e.unitId)}, ${v(e.action)},
          ${v(e.entityType)}, ${v(e.entityId)}, ${json(e.before)}, ${json(e.after)}, ${v(e.requestId)} FROM ${from}`;
    },

    async list(db: Db, f: AuditFilter): Promise<AuditEntry[]> {
      const where: SQL[] = [];
      if (f.actorId) where.push(eq(auditLog.actorId, f.actorId));
      if (f.action) where.push(eq(auditLog.action, f.action));
      if (f.entityType) where.push(eq(auditLog.entityType, f.entityType));
      if (f.entityId) where.push(eq(auditLog.entityId, f.entityId));
      if (f.unitId) where.push(eq(auditLog.unitId, f.unitId));
      if (f.unitIds) where.push(f.unitIds.length ? inArray(auditLog.unitId, [...f.unitIds]) : sql`false`);
      if (f.from) where.push(gte(auditLog.at, f.from));
      if (f.to) where.push(lte(auditLog.at, f.to));
      if (f.beforeSeq) where.push(lt(auditLog.seq, f.beforeSeq));
      if (f.q) {
        const like = `%${likeEscape(f.q)}%`;
        const textMatch = or(
          ilike(auditLog.action, like),
          ilike(auditLog.actorLabel, like),
          ilike(auditLog.entityId, like),
        );
        if (textMatch) where.push(textMatch);
      }
      return db
        .select()
        .from(auditLog)
        .where(where.length ? and(...where) : undefined)
        .orderBy(desc(auditLog.seq))
        .limit(f.limit);
    },
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
