// The breach register: administrators record an incident when it is discovered, see the 72-hour deadline for
// notifying the authority counted from discovery, and record the notifications and the actions taken.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize } from '../../app/policies.server.ts';
import type { Db } from '../../db/client.server.ts';
import { queryRows, toDate } from '../../db/sql.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { AppError } from '../../lib/errors.ts';
import { multiLineText, singleLineText } from '../../lib/text.server.ts';
import { newId } from './privacy.ids.server.ts';

/** Notify the authority within 72 hours of discovery. */
export const AUTHORITY_DEADLINE_MS = 72 * 3600_000;

export interface Breach {
  id: string;
  title: string;
  description: string;
  discoveredAt: Date;
  dataAffected: string;
  peopleAffected: number | null;
  authorityNotifiedAt: Date | null;
  subjectsNotifiedAt: Date | null;
  actions: string;
  status: 'open' | 'closed';
}

const instant = z.iso.datetime({ local: true, offset: true });

export const BreachInputSchema = z
  .object({
    title: singleLineText({ min: 2, max: 300 }),
    description: multiLineText({ max: 8000 }).default(''),
    discoveredAt: instant,
    dataAffected: multiLineText({ max: 4000 }).default(''),
    peopleAffected: z.number().int().min(0).max(100_000_000).nullable().default(null),
    authorityNotifiedAt: instant.nullable().default(null),
    subjectsNotifiedAt: instant.nullable().default(null),
    actions: multiLineText({ max: 8000 }).default(''),
    status: z.enum(['open', 'closed']).default('open'),
  })
  .strict();
export type BreachInput = z.input<typeof BreachInputSchema>;

const COLS = sql`id, title, description, discovered_at AS "discoveredAt", data_affected AS "dataAffected",
  people_affected AS "peopleAffected", authority_notified_at AS "authorityNotifiedAt",
  subjects_notified_at AS "subjectsNotifiedAt", actions, status`;
const row = (r: Breach): Breach => ({
  ...r,
  discoveredAt: toDate(r.discoveredAt)!,
  authorityNotifiedAt: toDate(r.authorityNotifiedAt),
  subjectsNotifiedAt: toDate(r.subjectsNotifiedAt),
  peopleAffected: r.peopleAffected === null ? null : Number(r.peopleAffected),
});

export function createBreachesRepository() {
  return {
    async list(db: Db): Promise<Breach[]> {
      const rows = await queryRows<Breach>(
        db,
        sql`SELECT ${COLS} FROM privacy_breaches ORDER BY discovered_at DESC`,
      );
      return rows.map(row);
    },
    async get(db: Db, id: string): Promise<Breach | null> {
      const rows = await queryRows<Breach>(db, sql`SELECT ${COLS} FROM privacy_breaches WHERE id = ${id}`);
      return rows[0] ? row(rows[0]) : null;
    },
    async save(
      db: Db,
      id: string | null,
      v: z.output<typeof BreachInputSchema>,
      by: string | null,
    ): Promise<string> {
      const newOne = id ?? newId('brc');
      await db.execute(sql`INSERT INTO privacy_breaches (id, title, description, discovered_at, data_affected,
          people_affected, authority_notified_at, subjects_notified_at, actions, status, created_by)
        VALUES (${newOne}, ${v.title}, ${v.description}, ${v.discoveredAt}, ${v.dataAffected}, ${v.peopleAffected},
          ${v.authorityNotifiedAt}, ${v.subjectsNotifiedAt}, ${v.actions}, ${v.status}, ${by})
        ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description,
          discovered_at = EXCLUDED.discovered_at, data_affected = EXCLUDED.data_affected,
          people_affected = EXCLUDED.people_affected, authority_notified_at = EXCLUDED.authority_notified_at,
          subjects_notified_at = EXCLUDED.subjects_notified_at, actions = EXCLUDED.actions,
          status = EXCLUDED.status, updated_at = now()`);
      return newOne;
    },
  };
}

type Deps = Pick<AppDeps, 'db' | 'repos' | 'audit' | 'now'>;

/** When the authority must have been notified, and whether that is late or overdue now. */
export function authorityDeadline(b: Pick<Breach, 'discoveredAt' | 'authorityNotifiedAt'>, now: Date) {
  const due = new Date(b.discoveredAt.getTime() + AUTHORITY_DEADLINE_MS);
  const state = b.authorityNotifiedAt
    ? b.authorityNotifiedAt.getTime() <= due.getTime()
      ? 'onTime'
      : 'late'
    : now.getTime() > due.getTime()
      ? 'overdue'
      : 'pending';
  return { due, state } as const;
}

export async function listBreaches(deps: Deps, actor: Actor): Promise<Breach[]> {
  authorize(actor, 'privacy.breach.manage');
  return deps.repos.breaches.list(deps.db);
}

/** Records a new breach (id null) or updates one; audited with the values. */
export async function saveBreach(
  deps: Deps,
  actor: Actor,
  id: string | null,
  raw: BreachInput,
): Promise<string> {
  authorize(actor, 'privacy.breach.manage');
  const parsed = BreachInputSchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError('privacy.breach_invalid', 422, 'error.validation', {
      details: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  if (id && !(await deps.repos.breaches.get(deps.db, id)))
    throw new AppError('privacy.not_found', 404, 'error.notFound');
  return deps.db.transaction(async (tx) => {
    const saved = await deps.repos.breaches.save(
      tx,
      id,
      parsed.data,
      actor.kind === 'user' ? actor.userId : null,
    );
    await deps.audit.record(tx, actor, {
      action: id ? 'privacy.breach.update' : 'privacy.breach.create',
      entityType: 'privacy_breach',
      entityId: saved,
      after: parsed.data,
    });
    return saved;
  });
}
