// Read models over this module's own tables that are not one aggregate: the indicator computations, the
// learner-facing summaries other modules read (LRS, credentials, the learner's record), and the data-subject
// export and erasure.
import { randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import type { IndicatorQuery, IndicatorRow } from '../../app/module.ts';
import type { Db } from '../../db/client.server.ts';
import { queryRows, toDate, toDay } from '../../db/sql.server.ts';

const ids = (list: readonly string[]) => sql`${sql.param([...list])}::text[]`;

function indicator(
  db: Db,
  q: IndicatorQuery,
  o: { value: SQL; from: SQL; at: SQL; unit: SQL },
): Promise<IndicatorRow[]> {
  const unitFilter = q.unitIds ? sql`AND ${o.unit} = ANY(${ids(q.unitIds)})` : sql``;
  const byUnit = q.breakdown === 'unit';
  return queryRows<IndicatorRow>(
    db,
    sql`SELECT ${o.value}::int AS value ${byUnit ? sql`, ${o.unit} AS key` : sql``}
        FROM ${o.from} WHERE ${o.at} >= ${q.from.toISOString()}::timestamptz AND ${o.at} < ${q.to.toISOString()}::timestamptz
        ${unitFilter} ${byUnit ? sql`GROUP BY ${o.unit} ORDER BY ${o.unit}` : sql``}`,
  ).then((rows) => rows.map((r) => ({ value: Number(r.value), ...(byUnit ? { key: r.key ?? null } : {}) })));
}

export function createLearningQueries() {
  return {
    pathsCompleted: (db: Db, q: IndicatorQuery) =>
      indicator(db, q, {
        value: sql`count(*)`,
        from: sql`learning_path_completions c`,
        at: sql`c.completed_at`,
        unit: sql`c.unit_id`,
      }),

    challengeParticipants: (db: Db, q: IndicatorQuery) =>
      indicator(db, q, {
        value: sql`count(DISTINCT p.learner_id)`,
        from: sql`reading_challenge_participants p JOIN reading_challenges ch ON ch.id = p.challenge_id`,
        at: sql`p.joined_at`,
        unit: sql`ch.unit_id`,
      }),

    booksRead: (db: Db, q: IndicatorQuery) =>
      indicator(db, q, {
        value: sql`coalesce(sum(e.books), 0)`,
        from: sql`reading_challenge_entries e JOIN reading_challenges ch ON ch.id = e.challenge_id`,
        at: sql`(e.read_on::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`,
        unit: sql`ch.unit_id`,
      }),

    async completionsOf(db: Db, learnerIds: readonly string[]) {
      if (learnerIds.length === 0) return [];
      const rows = await queryRows<{
        learnerId: string;
        pathId: string;
        title: string;
        unitId: string;
        completedAt: Date;
      }>(
        db,
        sql`SELECT c.learner_id AS "learnerId", c.path_id AS "pathId", p.title, c.unit_id AS "unitId",
              c.completed_at AS "completedAt"
            FROM learning_path_completions c JOIN learning_paths p ON p.id = c.path_id
            WHERE c.learner_id = ANY(${ids(learnerIds)}) ORDER BY c.completed_at`,
      );
      return rows.map((r) => ({ ...r, completedAt: toDate(r.completedAt) as Date }));
    },

    async challengeProgressOf(db: Db, learnerIds: readonly string[]) {
      if (learnerIds.length === 0) return [];
      const rows = await queryRows<{
        learnerId: string;
        challengeId: string;
        title: string;
        unitId: string;
        startsOn: string;
        endsOn: string;
        goalKind: 'books' | 'minutes';
        goal: number;
        books: number;
        minutes: number;
      }>(
        db,
        sql`SELECT p.learner_id AS "learnerId", c.id AS "challengeId", c.title, c.unit_id AS "unitId",
              c.starts_on AS "startsOn", c.ends_on AS "endsOn", c.goal_kind AS "goalKind", c.goal,
              coalesce(sum(e.books), 0)::int AS books, coalesce(sum(e.minutes), 0)::int AS minutes
            FROM reading_challenge_participants p JOIN reading_challenges c ON c.id = p.challenge_id
            LEFT JOIN reading_challenge_entries e ON e.challenge_id = p.challenge_id AND e.learner_id = p.learner_id
            WHERE p.learner_id = ANY(${ids(learnerIds)})
            GROUP BY p.learner_id, c.id ORDER BY c.starts_on DESC`,
      );
      return rows.map((r) => ({
        ...r,
        startsOn: toDay(r.startsOn) as string,
        endsOn: toDay(r.endsOn) as string,
        books: Number(r.books),
        minutes: Number(r.minutes),
      }));
    },

    async exportOf(db: Db, learnerIds: readonly string[]): Promise<Record<string, unknown[]>> {
      if (learnerIds.length === 0) return {};
      const w = ids(learnerIds);
      const [progress, attempts, completions, participants, entries] = await Promise.all([
        queryRows(db, sql`SELECT * FROM learning_step_progress WHERE learner_id = ANY(${w})`),
        queryRows(db, sql`SELECT * FROM learning_quiz_attempts WHERE learner_id = ANY(${w})`),
        queryRows(db, sql`SELECT * FROM learning_path_completions WHERE learner_id = ANY(${w})`),
        queryRows(db, sql`SELECT * FROM reading_challenge_participants WHERE learner_id = ANY(${w})`),
        queryRows(db, sql`SELECT * FROM reading_challenge_entries WHERE learner_id = ANY(${w})`),
      ]);
      return {
        learning_step_progress: progress,
        learning_quiz_attempts: attempts,
        learning_path_completions: completions,
        reading_challenge_participants: participants,
        reading_challenge_entries: entries,
      };
    },

    /**
     * Pseudonymises each learner's rows under a fresh random id (counts stay equal), drops what identifies
     * them: names on challenges, their free-text titles, their quiz answers.
     */
    async erase(db: Db, learnerIds: readonly string[]): Promise<void> {
      for (const learnerId of learnerIds) {
        const anon = `erased_${randomUUID()}`;
        await db.execute(
          sql`UPDATE learning_step_progress SET learner_id = ${anon} WHERE learner_id = ${learnerId}`,
        );
        await db.execute(sql`UPDATE learning_quiz_attempts SET learner_id = ${anon}, answers = '{}'::jsonb
          WHERE learner_id = ${learnerId}`);
        await db.execute(
          sql`UPDATE learning_path_completions SET learner_id = ${anon} WHERE learner_id = ${learnerId}`,
        );
        // Entries reference the participant row (ON UPDATE NO ACTION): add the pseudonymous participant,
        // move the entries, then remove the named one.
        await db.execute(sql`INSERT INTO reading_challenge_participants
          (challenge_id, learner_id, display_name, group_name, leaderboard_opt_in, joined_at)
          SELECT challenge_id, ${anon}, '—', NULL, false, joined_at FROM reading_challenge_participants
          WHERE learner_id = ${learnerId}`);
        await db.execute(sql`UPDATE reading_challenge_entries SET learner_id = ${anon},
          title = CASE WHEN record_id IS NULL AND source = 'self' THEN '—' ELSE title END
          WHERE learner_id = ${learnerId}`);
        await db.execute(sql`DELETE FROM reading_challenge_participants WHERE learner_id = ${learnerId}`);
      }
    },
  };
}
export type LearningQueries = ReturnType<typeof createLearningQueries>;
