// All SQL for role grants, and for the invitation/disabled marks the access module keeps on users.
import {
  and,
  asc,
  count,
  desc,
  eq,
  exists,
  inArray,
  isNotNull,
  isNull,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { likeEscape } from '../../db/sql.server.ts';
import type { Grant, Role } from '../../lib/authz.ts';
import { newId } from './access.ids.server.ts';
import { accessUsers, roleGrants, unitNames } from './access.table.server.ts';

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  twoFactorEnabled: boolean;
  createdAt: Date;
  invitedAt: Date | null;
  disabledAt: Date | null;
}

export interface GrantRow {
  id: string;
  userId: string;
  role: Role;
  unitId: string;
  unitName: string;
  grantedBy: string | null;
  grantedAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
}

export interface UserListFilter {
  /** Free text, matched against the folded name and the e-mail address. */
  q?: string | undefined;
  role?: Role | undefined;
  /** Only users with an active grant on one of these units. */
  grantUnitIds?: readonly string[] | undefined;
  /** Visibility: only users with an active grant on one of these units; `null` = everyone. */
  visibleUnitIds: readonly string[] | null;
  status?: 'active' | 'disabled' | undefined;
  limit: number;
  offset: number;
}

export interface UnitOption {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
}

const userColumns = {
  id: accessUsers.id,
  name: accessUsers.name,
  email: accessUsers.email,
  twoFactorEnabled: accessUsers.twoFactorEnabled,
  createdAt: accessUsers.createdAt,
  invitedAt: accessUsers.invitedAt,
  disabledAt: accessUsers.disabledAt,
};

const grantColumns = {
  id: roleGrants.id,
  userId: roleGrants.userId,
  role: roleGrants.role,
  unitId: roleGrants.unitId,
  unitName: unitNames.name,
  grantedBy: roleGrants.grantedBy,
  grantedAt: roleGrants.grantedAt,
  revokedAt: roleGrants.revokedAt,
  revokedBy: roleGrants.revokedBy,
};

function activeGrantWhere(unitIds: readonly string[] | undefined, role: Role | undefined): SQL {
  const parts: SQL[] = [eq(roleGrants.userId, accessUsers.id), isNull(roleGrants.revokedAt)];
  if (unitIds) parts.push(unitIds.length ? inArray(roleGrants.unitId, [...unitIds]) : sql`false`);
  if (role) parts.push(eq(roleGrants.role, role));
  return and(...parts) as SQL;
}

/** How long cached grants may be used before reloading (writes through this repository forget them at once). */
export const ACTOR_ACCESS_TTL_MS = 5_000;
/** More signed-in users than this at once: the oldest entries are dropped (reloaded on their next request). */
const MAX_CACHED_ACTORS = 20_000;

type ActorGrants = { disabled: boolean; grants: Grant[] } | undefined;

export function createAccessRepository() {
  // Per process and database (one repository per set of deps): each signed-in user's grants, for the actor
  // resolver on every request (src/modules/access/access.actor.ts).
  const actors = new Map<string, { at: number; state: Promise<ActorGrants> }>();
  const forget = (userId?: string) => {
    if (userId === undefined) actors.clear();
    else actors.delete(userId);
  };
  const repo = {
    /** `actorGrants` from memory for up to ACTOR_ACCESS_TTL_MS; grant and account writes here forget it. */
    actorGrantsCached(db: Db, userId: string): Promise<ActorGrants> {
      const now = Date.now();
      const hit = actors.get(userId);
      if (hit && now - hit.at < ACTOR_ACCESS_TTL_MS) return hit.state;
      actors.delete(userId);
      if (actors.size >= MAX_CACHED_ACTORS) {
        const oldest = actors.keys().next().value;
        if (oldest !== undefined) actors.delete(oldest);
      }
      const entry = { at: now, state: repo.actorGrants(db, userId) };
      actors.set(userId, entry);
      // A failed load must not stay cached.
      entry.state.catch(() => {
        if (actors.get(userId) === entry) actors.delete(userId);
      });
      return entry.state;
    },

    /** Forget one user's cached grants (or everyone's). */
    forgetActor(userId?: string): void {
      forget(userId);
    },

    /** Per request: is the account usable, and its active grants. `undefined` when the user does not exist. */
    async actorGrants(db: Db, userId: string): Promise<{ disabled: boolean; grants: Grant[] } | undefined> {
      const rows = await db
        .select({ disabledAt: accessUsers.disabledAt, role: roleGrants.role, unitId: roleGrants.unitId })
        .from(accessUsers)
        .leftJoin(roleGrants, and(eq(roleGrants.userId, accessUsers.id), isNull(roleGrants.revokedAt)))
        .where(eq(accessUsers.id, userId));
      const first = rows[0];
      if (!first) return undefined;
      const grants: Grant[] = [];
      for (const r of rows) if (r.role && r.unitId) grants.push({ role: r.role as Role, unitId: r.unitId });
      return { disabled: first.disabledAt !== null, grants };
    },

    async findUser(db: Db, userId: string): Promise<UserSummary | undefined> {
      const rows = await db.select(userColumns).from(accessUsers).where(eq(accessUsers.id, userId));
      return rows[0];
    },

    async findUserByEmail(db: Db, email: string): Promise<UserSummary | undefined> {
      const rows = await db.select(userColumns).from(accessUsers).where(eq(accessUsers.email, email));
      return rows[0];
    },

    async listUsers(db: Db, f: UserListFilter): Promise<{ users: UserSummary[]; total: number }> {
      const where: SQL[] = [];
      if (f.visibleUnitIds) {
        where.push(
          exists(
            db.select({ one: sql`1` }).from(roleGrants).where(activeGrantWhere(f.visibleUnitIds, undefined)),
          ),
        );
      }
      if (f.grantUnitIds || f.role) {
        where.push(
          exists(db.select({ one: sql`1` }).from(roleGrants).where(activeGrantWhere(f.grantUnitIds, f.role))),
        );
      }
      if (f.status === 'active') where.push(isNull(accessUsers.disabledAt));
      if (f.status === 'disabled') where.push(isNotNull(accessUsers.disabledAt));
      if (f.q) {
        const like = `%${likeEscape(f.q)}%`;
        const text = or(
          sql`vn_fold(${accessUsers.name}) LIKE '%' || vn_fold(${likeEscape(f.q)}) || '%'`,
          sql`${accessUsers.email} LIKE lower(${like})`,
        );
        if (text) where.push(text);
      }
      const cond = where.length ? and(...where) : undefined;
      const [users, totals] = await Promise.all([
        db
          .select(userColumns)
          .from(accessUsers)
          .where(cond)
          .orderBy(asc(sql`vn_fold(${accessUsers.name})`), asc(accessUsers.id))
          .limit(f.limit)
          .offset(f.offset),
        db.select({ n: count() }).from(accessUsers).where(cond),
      ]);
      return { users, total: Number(totals[0]?.n ?? 0) };
    },

    /** Grants of several users with their unit names; active only unless `includeRevoked`. */
    async grantsOf(db: Db, userIds: readonly string[], includeRevoked = false): Promise<GrantRow[]> {
      if (!userIds.length) return [];
      const where = [inArray(roleGrants.userId, [...userIds])];
      if (!includeRevoked) where.push(isNull(roleGrants.revokedAt));
      const rows = await db
        .select(grantColumns)
        .from(roleGrants)
        .innerJoin(unitNames, eq(unitNames.id, roleGrants.unitId))
        .where(and(...where))
        .orderBy(asc(sql`${roleGrants.revokedAt} IS NOT NULL`), desc(roleGrants.grantedAt));
      return rows as GrantRow[];
    },

    /** Users holding an active staff or manager grant on exactly these units (other modules' notices). */
    async staffOfUnits(
      db: Db,
      unitIds: readonly string[],
    ): Promise<Array<{ unitId: string; userId: string }>> {
      if (!unitIds.length) return [];
      const rows = await db
        .selectDistinct({ unitId: roleGrants.unitId, userId: roleGrants.userId })
        .from(roleGrants)
        .where(
          and(
            inArray(roleGrants.unitId, [...unitIds]),
            isNull(roleGrants.revokedAt),
            inArray(roleGrants.role, ['unit_staff', 'unit_manager']),
          ),
        );
      return rows;
    },

    /** Of these users, those ever granted a role (staff, current or former), whatever its state. */
    async everGranted(db: Db, userIds: readonly string[]): Promise<Set<string>> {
      if (!userIds.length) return new Set();
      const rows = await db
        .selectDistinct({ userId: roleGrants.userId })
        .from(roleGrants)
        .where(inArray(roleGrants.userId, [...userIds]));
      return new Set(rows.map((r) => r.userId));
    },

    /** Account e-mail addresses of these users (disabled accounts left out), for notices by e-mail. */
    async activeEmails(
      db: Db,
      userIds: readonly string[],
    ): Promise<Array<{ userId: string; email: string }>> {
      if (!userIds.length) return [];
      return db
        .select({ userId: accessUsers.id, email: accessUsers.email })
        .from(accessUsers)
        .where(and(inArray(accessUsers.id, [...userIds]), isNull(accessUsers.disabledAt)));
    },

    /** Locks the grant row so a concurrent revoke waits and then sees it revoked. */
    async findGrantForUpdate(db: Db, grantId: string): Promise<GrantRow | undefined> {
      const rows = await db
        .select(grantColumns)
        .from(roleGrants)
        .innerJoin(unitNames, eq(unitNames.id, roleGrants.unitId))
        .where(eq(roleGrants.id, grantId))
        .for('update', { of: roleGrants });
      return rows[0] as GrantRow | undefined;
    },

    /** Inserts an active grant; returns undefined when the same active grant already exists. */
    async insertGrant(
      db: Db,
      g: { userId: string; role: Role; unitId: string; grantedBy: string | null; at: Date },
    ): Promise<{ id: string } | undefined> {
      forget(g.userId);
      const rows = await db
        .insert(roleGrants)
        .values({
          id: newId('grt'),
          userId: g.userId,
          role: g.role,
          unitId: g.unitId,
          grantedBy: g.grantedBy,
          grantedAt: g.at,
        })
        .onConflictDoNothing({
          target: [roleGrants.userId, roleGrants.role, roleGrants.unitId],
          where: isNull(roleGrants.revokedAt),
        })
        .returning({ id: roleGrants.id });
      return rows[0];
    },

    async revokeGrant(db: Db, grantId: string, by: string | null, at: Date): Promise<boolean> {
      const rows = await db
        .update(roleGrants)
        .set({ revokedAt: at, revokedBy: by })
        .where(and(eq(roleGrants.id, grantId), isNull(roleGrants.revokedAt)))
        .returning({ id: roleGrants.id, userId: roleGrants.userId });
      for (const r of rows) forget(r.userId);
      return rows.length > 0;
    },

    async markInvited(db: Db, userId: string, by: string | null, at: Date): Promise<void> {
      await db.update(accessUsers).set({ invitedAt: at, invitedBy: by }).where(eq(accessUsers.id, userId));
    },

    async setDisabled(
      db: Db,
      userId: string,
      disabled: { at: Date; by: string | null } | null,
    ): Promise<void> {
      forget(userId);
      await db
        .update(accessUsers)
        .set(
          disabled
            ? { disabledAt: disabled.at, disabledBy: disabled.by }
            : { disabledAt: null, disabledBy: null },
        )
        .where(eq(accessUsers.id, userId));
    },

    /** Units that can carry a grant today (not closed), for the unit pickers. */
    async openUnits(db: Db): Promise<UnitOption[]> {
      return db
        .select({
          id: unitNames.id,
          code: unitNames.code,
          name: unitNames.name,
          parentId: unitNames.parentId,
        })
        .from(unitNames)
        .where(or(isNull(unitNames.validTo), sql`${unitNames.validTo} >= current_date`))
        .orderBy(asc(unitNames.name));
    },

    async unitById(db: Db, unitId: string): Promise<UnitOption | undefined> {
      const rows = await db
        .select({
          id: unitNames.id,
          code: unitNames.code,
          name: unitNames.name,
          parentId: unitNames.parentId,
        })
        .from(unitNames)
        .where(eq(unitNames.id, unitId));
      return rows[0];
    },
  };
  return repo;
}
export type AccessRepository = ReturnType<typeof createAccessRepository>;
