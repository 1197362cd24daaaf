// Read models over the statement store for the learner's record, staff aggregates, indicators and the
// personal-data handler; goals. Days and years are counted in Asia/Ho_Chi_Minh.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows, textArray, toDate } from '../../db/sql.server.ts';
import type { JsonObject } from './xapi-validate.ts';

const TZ = 'Asia/Ho_Chi_Minh';

export interface TimelineEntry {
  id: string;
  timestamp: Date;
  verbId: string;
  name: JsonObject | null;
  activityId: string | null;
  category: string | null;
  durationSeconds: number | null;
  fromTool: boolean;
}

const parse = (v: unknown) =>
  typeof v === 'string' ? (JSON.parse(v) as JsonObject) : (v as JsonObject | null);

export function createLrsRecordRepository() {
  return {
    async timeline(db: Db, learnerId: string, limit: number): Promise<TimelineEntry[]> {
      const rows = await queryRows<Record<string, unknown>>(
        db,
        sql`SELECT id::text AS id, "timestamp", verb_id, statement->'object'->'definition'->'name' AS name,
              statement->'object'->>'id' AS activity_id, category, duration_seconds, credential_id
            FROM lrs_statements WHERE learner_id = ${learnerId} AND NOT voided AND voids IS NULL
            ORDER BY "timestamp" DESC, seq DESC LIMIT ${limit}`,
      );
      return rows.map((r) => ({
        id: String(r.id),
        timestamp: toDate(r.timestamp) as Date,
        verbId: String(r.verb_id),
        name: parse(r.name),
        activityId: (r.activity_id as string | null) ?? null,
        category: (r.category as string | null) ?? null,
        durationSeconds: r.duration_seconds === null ? null : Number(r.duration_seconds),
        fromTool: r.credential_id !== null,
      }));
    },

    async hoursByCategoryYear(db: Db, learnerId: string) {
      const rows = await queryRows<{
        year: number | string;
        category: string | null;
        seconds: string | number;
        n: string | number;
      }>(
        db,
        sql`SELECT extract(year FROM "timestamp" AT TIME ZONE ${TZ})::int AS year, category,
              coalesce(sum(duration_seconds), 0) AS seconds, count(*) AS n
            FROM lrs_statements WHERE learner_id = ${learnerId} AND NOT voided AND voids IS NULL
            GROUP BY 1, 2 ORDER BY 1, 2`,
      );
      return rows.map((r) => ({
        year: Number(r.year),
        category: r.category ?? 'other',
        seconds: Number(r.seconds),
        count: Number(r.n),
      }));
    },

    /** Distinct local days with learning, newest first (streaks). */
    async activeDays(db: Db, learnerId: string): Promise<string[]> {
      const rows = await queryRows<{ d: string }>(
        db,
        sql`SELECT DISTINCT to_char("timestamp" AT TIME ZONE ${TZ}, 'YYYY-MM-DD') AS d FROM lrs_statements
            WHERE learner_id = ${learnerId} AND NOT voided AND voids IS NULL ORDER BY 1 DESC LIMIT 1000`,
      );
      return rows.map((r) => r.d);
    },

    async statementsOf(db: Db, learnerIds: readonly string[]): Promise<JsonObject[]> {
      if (learnerIds.length === 0) return [];
      const rows = await queryRows<{ statement: unknown }>(
        db,
        sql`SELECT statement FROM lrs_statements WHERE learner_id = ANY(${textArray(learnerIds)}::text[])
            ORDER BY seq`,
      );
      return rows.map((r) => parse(r.statement) as JsonObject);
    },

    /** Replaces the learner with a pseudonym in their statements (erasure keeps the rows aggregates count). */
    async pseudonymise(
      db: Db,
      learnerId: string,
      keys: { from: string; to: string },
      pseudonym: string,
      actor: JsonObject,
    ): Promise<void> {
      await db.execute(sql`UPDATE lrs_statements SET learner_id = ${pseudonym},
          statement = jsonb_set(statement, '{actor}', ${JSON.stringify(actor)}::jsonb),
          agents = array_replace(agents, ${keys.from}, ${keys.to}),
          related_agents = array_replace(related_agents, ${keys.from}, ${keys.to})
        WHERE learner_id = ${learnerId}`);
      await db.execute(sql`DELETE FROM lrs_goals WHERE learner_id = ${learnerId}`);
    },

    async goals(db: Db, learnerId: string) {
      const rows = await queryRows<{ year: number; hours: number }>(
        db,
        sql`SELECT year, hours FROM lrs_goals WHERE learner_id = ${learnerId} ORDER BY year`,
      );
      return rows.map((r) => ({ year: Number(r.year), hours: Number(r.hours) }));
    },

    async setGoal(db: Db, learnerId: string, year: number, hours: number): Promise<void> {
      await db.execute(sql`INSERT INTO lrs_goals (learner_id, year, hours) VALUES (${learnerId}, ${year}, ${hours})
        ON CONFLICT (learner_id, year) DO UPDATE SET hours = EXCLUDED.hours, updated_at = now()`);
    },

    /** Per unit and learner: statements and seconds in [from, to) (aggregated further with demographics). */
    async byUnitAndLearner(db: Db, from: Date, to: Date, unitIds: readonly string[] | null) {
      const scope: SQL = unitIds ? sql`AND unit_id = ANY(${textArray(unitIds)}::text[])` : sql``;
      const rows = await queryRows<{
        unit_id: string;
        learner_id: string;
        n: string | number;
        seconds: string | number;
      }>(
        db,
        sql`SELECT unit_id, learner_id, count(*) AS n, coalesce(sum(duration_seconds), 0) AS seconds
            FROM lrs_statements
            WHERE unit_id IS NOT NULL AND learner_id IS NOT NULL AND NOT voided AND voids IS NULL
              AND "timestamp" >= ${from.toISOString()}::timestamptz AND "timestamp" < ${to.toISOString()}::timestamptz ${scope}
            GROUP BY unit_id, learner_id`,
      );
      return rows.map((r) => ({
        unitId: r.unit_id,
        learnerId: r.learner_id,
        count: Number(r.n),
        seconds: Number(r.seconds),
      }));
    },

    /** Indicator values: hours or distinct learners, total or grouped by unit, commune or category. */
    async indicator(
      db: Db,
      what: 'hours' | 'learners',
      q: {
        from: Date;
        to: Date;
        unitIds?: readonly string[] | undefined;
        by?: 'unit' | 'commune' | 'category' | undefined;
      },
    ) {
      const value =
        what === 'hours' ? sql`coalesce(sum(duration_seconds), 0) / 3600.0` : sql`count(DISTINCT learner_id)`;
      const key =
        q.by === 'unit'
          ? sql`unit_id`
          : q.by === 'commune'
            ? sql`commune`
            : q.by === 'category'
              ? sql`category`
              : sql`NULL::text`;
      const scope: SQL = q.unitIds ? sql`AND unit_id = ANY(${textArray(q.unitIds)}::text[])` : sql``;
      const rows = await queryRows<{ k: string | null; v: string | number }>(
        db,
        sql`SELECT ${key} AS k, ${value} AS v FROM lrs_statements
            WHERE learner_id IS NOT NULL AND NOT voided AND voids IS NULL
              AND "timestamp" >= ${q.from.toISOString()}::timestamptz AND "timestamp" < ${q.to.toISOString()}::timestamptz ${scope}
            GROUP BY 1 ORDER BY 1`,
      );
      return rows.map((r) => ({ key: r.k, value: Number(r.v) }));
    },
  };
}
