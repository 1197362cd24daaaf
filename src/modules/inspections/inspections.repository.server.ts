// SQL for inspections: plans, visits and follow-up actions.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { likeEscape, queryRows, textArray, toDay } from '../../db/sql.server.ts';
import { fold } from '../../lib/vn-text.ts';
import { newId } from './inspections.ids.server.ts';

export interface PlanValues {
  unitId: string;
  title: string;
  subject: string;
  targetUnitIds: string[];
  plannedFrom: string;
  plannedTo: string;
  planInstanceIds: string[];
}
export interface PlanRecord extends PlanValues {
  id: string;
  status: 'open' | 'closed';
  version: number;
}
export interface VisitRecord {
  id: string;
  planId: string;
  unitId: string;
  visitedOn: string;
  findings: string;
  version: number;
}
export interface FollowUpRecord {
  id: string;
  visitId: string;
  planId: string;
  unitId: string;
  action: string;
  ownerId: string | null;
  dueOn: string;
  status: 'open' | 'closed';
  closedOn: string | null;
  closureNote: string;
  version: number;
}

const PLAN = sql`id, unit_id AS "unitId", title, subject, target_unit_ids AS "targetUnitIds",
  planned_from AS "plannedFrom", planned_to AS "plannedTo", plan_instance_ids AS "planInstanceIds", status, version`;
const VISIT = sql`id, plan_id AS "planId", unit_id AS "unitId", visited_on AS "visitedOn", findings, version`;
const FOLLOW = sql`id, visit_id AS "visitId", plan_id AS "planId", unit_id AS "unitId", action, owner_id AS "ownerId",
  due_on AS "dueOn", status, closed_on AS "closedOn", closure_note AS "closureNote", version`;

const toPlan = (r: PlanRecord): PlanRecord => ({
  ...r,
  plannedFrom: toDay(r.plannedFrom) as string,
  plannedTo: toDay(r.plannedTo) as string,
  targetUnitIds: r.targetUnitIds ?? [],
  planInstanceIds: r.planInstanceIds ?? [],
});
const toVisit = (r: VisitRecord): VisitRecord => ({ ...r, visitedOn: toDay(r.visitedOn) as string });
const toFollow = (r: FollowUpRecord): FollowUpRecord => ({
  ...r,
  dueOn: toDay(r.dueOn) as string,
  closedOn: toDay(r.closedOn),
});
const planFolded = (v: PlanValues) => fold(`${v.title} ${v.subject}`);

export function createInspectionsRepository() {
  return {
    async insertPlan(db: Db, v: PlanValues, by: string | null): Promise<string> {
      const id = newId('insp');
      await db.execute(sql`INSERT INTO insp_plans (id, unit_id, title, subject, target_unit_ids, planned_from,
        planned_to, plan_instance_ids, search_folded, created_by) VALUES (${id}, ${v.unitId}, ${v.title},
        ${v.subject}, ${textArray(v.targetUnitIds)}::text[], ${v.plannedFrom}, ${v.plannedTo},
        ${textArray(v.planInstanceIds)}::text[], ${planFolded(v)}, ${by})`);
      return id;
    },
    async updatePlan(db: Db, id: string, v: PlanValues, version: number): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE insp_plans SET unit_id = ${v.unitId}, title = ${v.title}, subject = ${v.subject},
          target_unit_ids = ${textArray(v.targetUnitIds)}::text[], planned_from = ${v.plannedFrom},
          planned_to = ${v.plannedTo}, plan_instance_ids = ${textArray(v.planInstanceIds)}::text[],
          search_folded = ${planFolded(v)}, version = version + 1, updated_at = now()
          WHERE id = ${id} AND version = ${version} RETURNING id`,
      );
      return rows.length === 1;
    },
    async setPlanStatus(db: Db, id: string, status: 'open' | 'closed', version: number): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE insp_plans SET status = ${status}, closed_at = CASE WHEN ${status} = 'closed' THEN now() END,
          version = version + 1, updated_at = now() WHERE id = ${id} AND version = ${version} RETURNING id`,
      );
      return rows.length === 1;
    },
    async planById(db: Db, id: string): Promise<PlanRecord | undefined> {
      const rows = await queryRows<PlanRecord>(db, sql`SELECT ${PLAN} FROM insp_plans WHERE id = ${id}`);
      return rows[0] ? toPlan(rows[0]) : undefined;
    },
    /** Plans run by these units or targeting one of them, newest first. */
    async plans(db: Db, f: { q?: string | undefined; unitIds: readonly string[]; limit: number }) {
      const parts = [
        sql`(unit_id = ANY(${textArray(f.unitIds)}::text[]) OR target_unit_ids && ${textArray(f.unitIds)}::text[])`,
      ];
      for (const w of fold(f.q ?? '')
        .split(' ')
        .filter(Boolean))
        parts.push(sql`search_folded LIKE ${`%${likeEscape(w)}%`}`);
      const rows = await queryRows<PlanRecord>(
        db,
        sql`SELECT ${PLAN} FROM insp_plans WHERE ${sql.join(parts, sql` AND `)}
          ORDER BY planned_from DESC, id LIMIT ${f.limit}`,
      );
      return rows.map(toPlan);
    },
    async plansForInstances(db: Db, ids: readonly string[]) {
      if (ids.length === 0) return [];
      const rows = await queryRows<PlanRecord>(
        db,
        sql`SELECT ${PLAN} FROM insp_plans WHERE plan_instance_ids && ${textArray(ids)}::text[]`,
      );
      return rows.map(toPlan);
    },
    async insertVisit(
      db: Db,
      v: { planId: string; unitId: string; visitedOn: string; findings: string },
      by: string | null,
    ) {
      const id = newId('ivis');
      await db.execute(sql`INSERT INTO insp_visits (id, plan_id, unit_id, visited_on, findings, created_by)
        VALUES (${id}, ${v.planId}, ${v.unitId}, ${v.visitedOn}, ${v.findings}, ${by})`);
      return id;
    },
    async updateVisit(db: Db, id: string, v: { visitedOn: string; findings: string }, version: number) {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE insp_visits SET visited_on = ${v.visitedOn}, findings = ${v.findings}, version = version + 1,
          updated_at = now() WHERE id = ${id} AND version = ${version} RETURNING id`,
      );
      return rows.length === 1;
    },
    async visitById(db: Db, id: string): Promise<VisitRecord | undefined> {
      const rows = await queryRows<VisitRecord>(db, sql`SELECT ${VISIT} FROM insp_visits WHERE id = ${id}`);
      return rows[0] ? toVisit(rows[0]) : undefined;
    },
    async visitsOf(db: Db, planIds: readonly string[]) {
      if (planIds.length === 0) return [];
      const rows = await queryRows<VisitRecord>(
        db,
        sql`SELECT ${VISIT} FROM insp_visits WHERE plan_id = ANY(${textArray(planIds)}::text[]) ORDER BY visited_on, id`,
      );
      return rows.map(toVisit);
    },
    async insertFollowUp(
      db: Db,
      v: {
        visitId: string;
        planId: string;
        unitId: string;
        action: string;
        ownerId: string | null;
        dueOn: string;
      },
      by: string | null,
    ) {
      const id = newId('ifol');
      await db.execute(sql`INSERT INTO insp_followups (id, visit_id, plan_id, unit_id, action, owner_id, due_on,
        created_by) VALUES (${id}, ${v.visitId}, ${v.planId}, ${v.unitId}, ${v.action}, ${v.ownerId}, ${v.dueOn}, ${by})`);
      return id;
    },
    async closeFollowUp(db: Db, id: string, v: { closedOn: string; note: string }, version: number) {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE insp_followups SET status = 'closed', closed_on = ${v.closedOn}, closure_note = ${v.note},
          version = version + 1, updated_at = now()
          WHERE id = ${id} AND version = ${version} AND status = 'open' RETURNING id`,
      );
      return rows.length === 1;
    },
    async followUpById(db: Db, id: string): Promise<FollowUpRecord | undefined> {
      const rows = await queryRows<FollowUpRecord>(
        db,
        sql`SELECT ${FOLLOW} FROM insp_followups WHERE id = ${id}`,
      );
      return rows[0] ? toFollow(rows[0]) : undefined;
    },
    async followUpsOf(db: Db, planIds: readonly string[]) {
      if (planIds.length === 0) return [];
      const rows = await queryRows<FollowUpRecord>(
        db,
        sql`SELECT ${FOLLOW} FROM insp_followups WHERE plan_id = ANY(${textArray(planIds)}::text[])
          ORDER BY due_on, id`,
      );
      return rows.map(toFollow);
    },
    /** Open follow-ups due before `today`, owned by this person or belonging to one of these units. */
    async overdue(db: Db, q: { today: string; ownerId: string | null; unitIds: readonly string[] }) {
      const rows = await queryRows<FollowUpRecord>(
        db,
        sql`SELECT ${FOLLOW} FROM insp_followups WHERE status = 'open' AND due_on < ${q.today}
          AND (owner_id = ${q.ownerId} OR unit_id = ANY(${textArray(q.unitIds)}::text[]))
          ORDER BY due_on, id LIMIT 50`,
      );
      return rows.map(toFollow);
    },
    /** Visits made in [from, to), in total or per inspected unit. */
    async countVisits(
      db: Db,
      q: { from: string; to: string; unitIds?: readonly string[] | undefined; byUnit: boolean },
    ) {
      const unit = q.unitIds ? sql`AND unit_id = ANY(${textArray(q.unitIds)}::text[])` : sql``;
      const key = q.byUnit ? sql`unit_id` : sql`NULL::text`;
      return queryRows<{ key: string | null; value: number }>(
        db,
        sql`SELECT ${key} AS key, count(*)::int AS value FROM insp_visits
          WHERE visited_on >= ${q.from} AND visited_on < ${q.to} ${unit} GROUP BY 1 ORDER BY 1`,
      );
    },
    /** Follow-ups closed in [from, to) on or before their deadline, in total or per unit. */
    async countClosedOnTime(
      db: Db,
      q: { from: string; to: string; unitIds?: readonly string[] | undefined; byUnit: boolean },
    ) {
      const unit = q.unitIds ? sql`AND unit_id = ANY(${textArray(q.unitIds)}::text[])` : sql``;
      const key = q.byUnit ? sql`unit_id` : sql`NULL::text`;
      return queryRows<{ key: string | null; value: number }>(
        db,
        sql`SELECT ${key} AS key, count(*)::int AS value FROM insp_followups WHERE status = 'closed'
          AND closed_on >= ${q.from} AND closed_on < ${q.to} AND closed_on <= due_on ${unit} GROUP BY 1 ORDER BY 1`,
      );
    },
    async followUpsOwnedBy(db: Db, userId: string) {
      return queryRows<{ id: string; action: string; dueOn: string; status: string }>(
        db,
        sql`SELECT id, action, due_on AS "dueOn", status FROM insp_followups WHERE owner_id = ${userId}`,
      );
    },
    async forgetOwner(db: Db, userId: string): Promise<void> {
      await db.execute(sql`UPDATE insp_followups SET owner_id = NULL WHERE owner_id = ${userId}`);
      await db.execute(sql`UPDATE insp_followups SET created_by = NULL WHERE created_by = ${userId}`);
    },
  };
}
