// SQL of reading challenges: the challenge, its participants (group, leaderboard opt-in) and their entries
// (self-logged or credited from verified activity).
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows, toDate, toDay } from '../../db/sql.server.ts';
import type { EntrySource, GoalKind, GroupKind, PublishStatus } from './learning.vocab.ts';

export interface ChallengeRow {
  id: string;
  unitId: string;
  title: string;
  description: string;
  startsOn: string;
  endsOn: string;
  goalKind: GoalKind;
  goal: number;
  groupKind: GroupKind | null;
  status: PublishStatus;
  version: number;
}
export type ChallengeValues = Omit<ChallengeRow, 'status' | 'version'>;

export interface ParticipantRow {
  learnerId: string;
  displayName: string;
  groupName: string | null;
  leaderboardOptIn: boolean;
}

export interface EntryRow {
  id: string;
  source: EntrySource;
  recordId: string | null;
  title: string;
  books: number;
  minutes: number;
  readOn: string;
  createdAt: Date;
}

const COLUMNS = sql`id, unit_id AS "unitId", title, description, starts_on AS "startsOn", ends_on AS "endsOn",
  goal_kind AS "goalKind", goal, group_kind AS "groupKind", status, version`;
const challenge = (r: ChallengeRow): ChallengeRow => ({
  ...r,
  startsOn: toDay(r.startsOn) as string,
  endsOn: toDay(r.endsOn) as string,
});
/** Books or minutes, by the challenge's goal. */
const amount = sql`CASE WHEN c.goal_kind = 'books' THEN e.books ELSE e.minutes END`;

export function createChallengesRepository() {
  return {
    async get(db: Db, id: string): Promise<ChallengeRow | null> {
      const rows = await queryRows<ChallengeRow>(
        db,
        sql`SELECT ${COLUMNS} FROM reading_challenges WHERE id = ${id}`,
      );
      return rows[0] ? challenge(rows[0]) : null;
    },

    async lock(db: Db, id: string): Promise<ChallengeRow | null> {
      const rows = await queryRows<ChallengeRow>(
        db,
        sql`SELECT ${COLUMNS} FROM reading_challenges WHERE id = ${id} FOR UPDATE`,
      );
      return rows[0] ? challenge(rows[0]) : null;
    },

    /** Published challenges whose window contains `today`, ending soonest first. */
    async running(db: Db, today: string, limit = 100): Promise<ChallengeRow[]> {
      const rows = await queryRows<ChallengeRow>(
        db,
        sql`SELECT ${COLUMNS} FROM reading_challenges WHERE status = 'published'
            AND starts_on <= ${today}::date AND ends_on >= ${today}::date ORDER BY ends_on, id LIMIT ${limit}`,
      );
      return rows.map(challenge);
    },

    async listForUnits(db: Db, unitIds: readonly string[] | null, limit: number): Promise<ChallengeRow[]> {
      if (unitIds && unitIds.length === 0) return [];
      const where = unitIds ? sql`WHERE unit_id = ANY(${sql.param([...unitIds])}::text[])` : sql``;
      const rows = await queryRows<ChallengeRow>(
        db,
        sql`SELECT ${COLUMNS} FROM reading_challenges ${where} ORDER BY starts_on DESC, id LIMIT ${limit}`,
      );
      return rows.map(challenge);
    },

    async insert(db: Db, v: ChallengeValues, createdBy: string | null): Promise<void> {
      await db.execute(sql`INSERT INTO reading_challenges
        (id, unit_id, title, description, starts_on, ends_on, goal_kind, goal, group_kind, created_by)
        VALUES (${v.id}, ${v.unitId}, ${v.title}, ${v.description}, ${v.startsOn}::date, ${v.endsOn}::date,
          ${v.goalKind}, ${v.goal}, ${v.groupKind}, ${createdBy})`);
    },

    async update(db: Db, v: ChallengeValues): Promise<void> {
      await db.execute(sql`UPDATE reading_challenges SET unit_id = ${v.unitId}, title = ${v.title},
        description = ${v.description}, starts_on = ${v.startsOn}::date, ends_on = ${v.endsOn}::date,
        goal_kind = ${v.goalKind}, goal = ${v.goal}, group_kind = ${v.groupKind}, version = version + 1,
        updated_at = now() WHERE id = ${v.id}`);
    },

    async setStatus(db: Db, id: string, status: PublishStatus): Promise<void> {
      await db.execute(sql`UPDATE reading_challenges SET status = ${status}, version = version + 1,
        updated_at = now() WHERE id = ${id}`);
    },

    async participant(db: Db, challengeId: string, learnerId: string): Promise<ParticipantRow | null> {
      const rows = await queryRows<ParticipantRow>(
        db,
        sql`SELECT learner_id AS "learnerId", display_name AS "displayName", group_name AS "groupName",
              leaderboard_opt_in AS "leaderboardOptIn"
            FROM reading_challenge_participants WHERE challenge_id = ${challengeId} AND learner_id = ${learnerId}`,
      );
      return rows[0] ?? null;
    },

    /** Joins, or updates the group and opt-in of someone who already joined. */
    async upsertParticipant(db: Db, challengeId: string, p: ParticipantRow, joinedAt: Date): Promise<void> {
      await db.execute(sql`INSERT INTO reading_challenge_participants
        (challenge_id, learner_id, display_name, group_name, leaderboard_opt_in, joined_at)
        VALUES (${challengeId}, ${p.learnerId}, ${p.displayName}, ${p.groupName}, ${p.leaderboardOptIn},
          ${joinedAt.toISOString()}::timestamptz)
        ON CONFLICT (challenge_id, learner_id) DO UPDATE SET display_name = EXCLUDED.display_name,
          group_name = EXCLUDED.group_name, leaderboard_opt_in = EXCLUDED.leaderboard_opt_in`);
    },

    /** The running challenges these learners take part in (for crediting verified activity). */
    async joinedRunning(db: Db, learnerId: string, today: string): Promise<ChallengeRow[]> {
      const rows = await queryRows<ChallengeRow>(
        db,
        sql`SELECT ${COLUMNS} FROM reading_challenges c WHERE status = 'published'
            AND starts_on <= ${today}::date AND ends_on >= ${today}::date
            AND EXISTS (SELECT 1 FROM reading_challenge_participants p
                        WHERE p.challenge_id = c.id AND p.learner_id = ${learnerId})`,
      );
      return rows.map(challenge);
    },

    /** False when the same verified activity was already credited (unique source reference). */
    async insertEntry(
      db: Db,
      e: Omit<EntryRow, 'createdAt'> & { challengeId: string; learnerId: string; sourceRef: string | null },
    ): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`INSERT INTO reading_challenge_entries
            (id, challenge_id, learner_id, source, source_ref, record_id, title, books, minutes, read_on)
            VALUES (${e.id}, ${e.challengeId}, ${e.learnerId}, ${e.source}, ${e.sourceRef}, ${e.recordId},
              ${e.title}, ${e.books}, ${e.minutes}, ${e.readOn}::date)
            ON CONFLICT DO NOTHING RETURNING id`,
      );
      return rows.length > 0;
    },

    async entries(db: Db, challengeId: string, learnerId: string): Promise<EntryRow[]> {
      const rows = await queryRows<EntryRow>(
        db,
        sql`SELECT id, source, record_id AS "recordId", title, books, minutes, read_on AS "readOn",
              created_at AS "createdAt"
            FROM reading_challenge_entries WHERE challenge_id = ${challengeId} AND learner_id = ${learnerId}
            ORDER BY read_on DESC, created_at DESC`,
      );
      return rows.map((r) => ({
        ...r,
        readOn: toDay(r.readOn) as string,
        createdAt: toDate(r.createdAt) as Date,
      }));
    },

    /** Each learner's total towards the goal (books or minutes). */
    async totals(db: Db, challengeId: string, learnerIds: readonly string[]): Promise<Map<string, number>> {
      if (learnerIds.length === 0) return new Map();
      const rows = await queryRows<{ learnerId: string; total: number }>(
        db,
        sql`SELECT e.learner_id AS "learnerId", coalesce(sum(${amount}), 0)::int AS total
            FROM reading_challenge_entries e JOIN reading_challenges c ON c.id = e.challenge_id
            WHERE e.challenge_id = ${challengeId} AND e.learner_id = ANY(${sql.param([...learnerIds])}::text[])
            GROUP BY e.learner_id`,
      );
      return new Map(rows.map((r) => [r.learnerId, Number(r.total)]));
    },

    /** Opted-in participants only, best first. */
    /** Opted-in participants by total, leaving out `hidden` learners (a restriction or objection in force). */
    async leaderboard(db: Db, challengeId: string, limit: number, hidden: readonly string[] = []) {
      return queryRows<{ displayName: string; groupName: string | null; total: number }>(
        db,
        sql`SELECT p.display_name AS "displayName", p.group_name AS "groupName",
              coalesce(sum(${amount}), 0)::int AS total
            FROM reading_challenge_participants p JOIN reading_challenges c ON c.id = p.challenge_id
            LEFT JOIN reading_challenge_entries e ON e.challenge_id = p.challenge_id AND e.learner_id = p.learner_id
            WHERE p.challenge_id = ${challengeId} AND p.leaderboard_opt_in
              AND NOT (p.learner_id = ANY(${sql.param([...hidden])}::text[]))
            GROUP BY p.learner_id, p.display_name, p.group_name ORDER BY total DESC, p.display_name LIMIT ${limit}`,
      );
    },

    /** Totals per group (team/class/school/commune) over every participant, named or not. */
    async groupTotals(db: Db, challengeId: string) {
      return queryRows<{ groupName: string; participants: number; total: number }>(
        db,
        sql`SELECT p.group_name AS "groupName", count(DISTINCT p.learner_id)::int AS participants,
              coalesce(sum(${amount}), 0)::int AS total
            FROM reading_challenge_participants p JOIN reading_challenges c ON c.id = p.challenge_id
            LEFT JOIN reading_challenge_entries e ON e.challenge_id = p.challenge_id AND e.learner_id = p.learner_id
            WHERE p.challenge_id = ${challengeId} AND p.group_name IS NOT NULL
            GROUP BY p.group_name ORDER BY total DESC, p.group_name LIMIT 50`,
      );
    },

    async participantCount(db: Db, challengeId: string): Promise<number> {
      const rows = await queryRows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM reading_challenge_participants WHERE challenge_id = ${challengeId}`,
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}
export type ChallengesRepository = ReturnType<typeof createChallengesRepository>;
