// All SQL touching units and unit_history. Writes change the current row and append history in the caller's
// transaction; the use cases decide what is allowed.
import { and, asc, eq, isNull, max, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { newId } from './units.ids.server.ts';
import { type UnitHistoryRow, type UnitRow, unitHistory, units } from './units.table.server.ts';
import { currentState, orderTree, type TreeEntry, type UnitState, unitAsOf } from './units.timeline.ts';

export type { UnitHistoryRow, UnitRow };

const TREE_LOCK_KEY = 727_2031;

export interface NewUnit {
  code: string;
  name: string;
  shortName?: string | null | undefined;
  kind: string;
  parentId: string | null;
  validFrom: string;
}

export type HistoryInput = Omit<typeof unitHistory.$inferInsert, 'id' | 'recordedAt'>;

export interface TreeOptions {
  /** Show the tree as it stood on this day (names, parents, closures from history). Default: today. */
  asOf?: string | undefined;
  includeClosed?: boolean | undefined;
  /** Today in Vietnam; used when asOf is absent. */
  today: string;
}

export function createUnitsRepository() {
  async function get(db: Db, id: string): Promise<UnitRow | undefined> {
    const rows = await db.select().from(units).where(eq(units.id, id));
    return rows[0];
  }

  async function history(db: Db, unitId: string): Promise<UnitHistoryRow[]> {
    return db
      .select()
      .from(unitHistory)
      .where(eq(unitHistory.unitId, unitId))
      .orderBy(asc(unitHistory.effectiveOn), asc(unitHistory.id));
  }

  async function appendHistory(db: Db, h: HistoryInput): Promise<void> {
    await db.insert(unitHistory).values(h);
  }

  return {
    /** Every unit's parent link (closed units included): the access module builds its subtree map from it. */
    async parentLinks(db: Db): Promise<Array<{ id: string; parentId: string | null }>> {
      return db.select({ id: units.id, parentId: units.parentId }).from(units);
    },

    get,

    /**
     * Serialises changes to the tree's shape until the transaction ends: two concurrent moves could otherwise
     * each pass the cycle check and together make a cycle.
     */
    async lockTree(db: Db): Promise<void> {
      await db.execute(sql`SELECT pg_advisory_xact_lock(${TREE_LOCK_KEY})`);
    },

    async byCode(db: Db, code: string): Promise<UnitRow | undefined> {
      const rows = await db.select().from(units).where(eq(units.code, code));
      return rows[0];
    },

    async all(db: Db): Promise<UnitRow[]> {
      return db.select().from(units);
    },

    /** Children still operating on `day` (not closed before or on it). */
    async openChildren(db: Db, parentId: string, day: string): Promise<UnitRow[]> {
      return db
        .select()
        .from(units)
        .where(
          and(eq(units.parentId, parentId), or(isNull(units.validTo), sql`${units.validTo} > ${day}::date`)),
        );
    },

    async roots(db: Db): Promise<UnitRow[]> {
      return db.select().from(units).where(isNull(units.parentId));
    },

    /** The tree in display order with depths; as it stands today, or as it stood on `asOf`. */
    async listTree(db: Db, opts: TreeOptions): Promise<TreeEntry[]> {
      const rows = await db.select().from(units);
      let states: UnitState[];
      if (opts.asOf && opts.asOf !== opts.today) {
        const asOf = opts.asOf;
        const history = await db.select().from(unitHistory);
        const byUnit = new Map<string, UnitHistoryRow[]>();
        for (const h of history) {
          const list = byUnit.get(h.unitId) ?? [];
          list.push(h);
          byUnit.set(h.unitId, list);
        }
        states = rows.flatMap((u) => unitAsOf(u, byUnit.get(u.id) ?? [], asOf) ?? []);
      } else {
        states = rows.map((u) => currentState(u, opts.today));
      }
      if (!opts.includeClosed) states = states.filter((s) => s.status === 'active' || s.status === 'planned');
      return orderTree(states);
    },

    /** One unit's history, oldest first. */
    history,

    /** The latest effective date in a unit's history (changes may not be recorded before it). */
    async lastChangeOn(db: Db, unitId: string): Promise<string | null> {
      const rows = await db
        .select({ last: max(unitHistory.effectiveOn) })
        .from(unitHistory)
        .where(eq(unitHistory.unitId, unitId));
      return rows[0]?.last ?? null;
    },

    /** The unit's name on `day`, from its history. */
    async nameAsOf(db: Db, unitId: string, day: string): Promise<string | null> {
      const unit = await get(db, unitId);
      if (!unit) return null;
      return unitAsOf(unit, await history(db, unitId), day)?.name ?? null;
    },

    /** Inserts the unit and its `create` history row. */
    async insert(db: Db, u: NewUnit, note: string | null = null): Promise<UnitRow> {
      const id = newId('unit');
      const [row] = await db
        .insert(units)
        .values({
          id,
          code: u.code,
          name: u.name,
          shortName: u.shortName ?? null,
          kind: u.kind,
          parentId: u.parentId,
          validFrom: u.validFrom,
        })
        .returning();
      await appendHistory(db, {
        unitId: id,
        change: 'create',
        effectiveOn: u.validFrom,
        newName: u.name,
        newParentId: u.parentId,
        note,
      });
      return row as UnitRow;
    },

    async update(
      db: Db,
      id: string,
      patch: Partial<Pick<UnitRow, 'name' | 'shortName' | 'kind' | 'parentId' | 'validTo' | 'mergedIntoId'>>,
    ): Promise<UnitRow> {
      const [row] = await db
        .update(units)
        .set({ ...patch, version: sql`${units.version} + 1`, updatedAt: sql`now()` })
        .where(eq(units.id, id))
        .returning();
      return row as UnitRow;
    },

    appendHistory,
  };
}
export type UnitsRepository = ReturnType<typeof createUnitsRepository>;
