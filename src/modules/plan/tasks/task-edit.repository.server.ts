// SQL for tasks added in the app and for edits of tasks (kept with their reason as history).
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.server.ts';
import { queryRows } from '../../../db/sql.server.ts';
import { newId } from '../plan.ids.server.ts';

export interface TaskEdit {
  id: string;
  reason: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
  actorName: string | null;
  at: Date;
}

export interface TaskWording {
  content: string;
  product: string;
  timeText: string;
  timeKind: 'range' | 'year' | 'yearly';
  timeFrom: number | null;
  timeTo: number | null;
}

export function createPlanTaskEditRepository() {
  return {
    /** A new task (origin 'added') numbered after the last one of its section; returns its id. */
    async insertAddedTask(
      db: Db,
      v: TaskWording & { phase: string; section: string },
    ): Promise<{ id: string; number: number }> {
      const id = newId('task');
      const rows = await queryRows<{ number: number }>(
        db,
        sql`INSERT INTO plan_tasks (id, origin, phase, section, section_title, number, content, product,
              lead_units_text, coordinating_units_text, time_text, time_kind, time_from, time_to)
            SELECT ${id}, 'added', ${v.phase}, ${v.section},
              coalesce((SELECT section_title FROM plan_tasks WHERE phase = ${v.phase} AND section = ${v.section}
                        ORDER BY number LIMIT 1), ''),
              coalesce((SELECT max(number) FROM plan_tasks WHERE phase = ${v.phase} AND section = ${v.section}), 0) + 1,
              ${v.content}, ${v.product}, '', '', ${v.timeText}, ${v.timeKind}, ${v.timeFrom}, ${v.timeTo}
            RETURNING number`,
      );
      return { id, number: Number(rows[0]?.number ?? 0) };
    },

    /** Writes the wording only while the task is still at `version`; false when someone saved first. */
    async updateWording(db: Db, taskId: string, version: number, v: TaskWording): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE plan_tasks SET content = ${v.content}, product = ${v.product},
        time_text = ${v.timeText}, time_kind = ${v.timeKind}, time_from = ${v.timeFrom}, time_to = ${v.timeTo},
        version = version + 1, updated_at = now() WHERE id = ${taskId} AND version = ${version} RETURNING id`,
      );
      return rows.length > 0;
    },

    /** Lock the section's numbering so two tasks added at once do not take the same number. */
    async lockSection(db: Db, phase: string, section: string): Promise<void> {
      await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`plan-section:${phase}:${section}`}))`);
    },

    /** Removes instances outside `years` that carry no unit report; returns the years kept despite that. */
    async pruneInstances(db: Db, taskId: string, years: readonly number[]): Promise<number[]> {
      const keepList = years.length
        ? sql.join(
            years.map((y) => sql`${y}`),
            sql`, `,
          )
        : sql`NULL`;
      await db.execute(sql`DELETE FROM plan_task_instances i WHERE i.task_id = ${taskId}
        AND i.year NOT IN (${keepList})
        AND NOT EXISTS (SELECT 1 FROM plan_unit_reports r WHERE r.instance_id = i.id)`);
      const kept = await queryRows<{ year: number }>(
        db,
        sql`SELECT year FROM plan_task_instances WHERE task_id = ${taskId} AND year NOT IN (${keepList})`,
      );
      return kept.map((k) => Number(k.year));
    },

    async hasEdits(db: Db, taskId: string): Promise<boolean> {
      const rows = await queryRows<{ one: number }>(
        db,
        sql`SELECT 1 AS one FROM plan_task_edits WHERE task_id = ${taskId} LIMIT 1`,
      );
      return rows.length > 0;
    },

    async openUnits(db: Db): Promise<Array<{ id: string; name: string }>> {
      return queryRows<{ id: string; name: string }>(
        db,
        sql`SELECT id, name FROM unit_directory WHERE valid_to IS NULL OR valid_to >= current_date ORDER BY name`,
      );
    },

    async insertEdit(
      db: Db,
      e: {
        taskId: string;
        reason: string;
        before: unknown;
        after: unknown;
        actorId: string | null;
        actorName: string | null;
      },
    ): Promise<void> {
      await db.execute(sql`INSERT INTO plan_task_edits (id, task_id, reason, before, after, actor_id, actor_name)
        VALUES (${newId('ted')}, ${e.taskId}, ${e.reason}, ${e.before === null ? null : JSON.stringify(e.before)}::jsonb,
          ${JSON.stringify(e.after)}::jsonb, ${e.actorId}, ${e.actorName})`);
    },

    async edits(db: Db, taskId: string): Promise<TaskEdit[]> {
      const rows = await queryRows<{
        id: string;
        reason: string;
        before: Record<string, unknown> | null;
        after: Record<string, unknown>;
        actor_name: string | null;
        at: unknown;
      }>(
        db,
        sql`SELECT id, reason, before, after, actor_name, at FROM plan_task_edits WHERE task_id = ${taskId} ORDER BY at, id`,
      );
      return rows.map((r) => ({
        id: r.id,
        reason: r.reason,
        before: r.before,
        after: r.after,
        actorName: r.actor_name,
        at: new Date(r.at as string),
      }));
    },
  };
}
export type PlanTaskEditRepository = ReturnType<typeof createPlanTaskEditRepository>;
