// SQL of learning paths: paths, their ordered steps, each learner's step progress, quiz attempts and path
// completions. Callers pass `db` or their transaction; the use cases decide what is allowed.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows, toDate } from '../../db/sql.server.ts';
import type { CompletionRule, PublishStatus, Quiz, StepKind } from './learning.vocab.ts';

export interface PathRow {
  id: string;
  unitId: string;
  title: string;
  summary: string;
  completionRule: CompletionRule;
  status: PublishStatus;
  publishedAt: Date | null;
  version: number;
  updatedAt: Date;
}
export type PathValues = Pick<PathRow, 'id' | 'unitId' | 'title' | 'summary' | 'completionRule'>;

export interface StepRow {
  id: string;
  pathId: string;
  position: number;
  kind: StepKind;
  title: string;
  body: string;
  fileId: string | null;
  alt: string | null;
  url: string | null;
  refId: string | null;
  required: boolean;
  quiz: Quiz | null;
}
export type StepValues = Omit<StepRow, 'position'>;

const PATH_COLUMNS = sql`id, unit_id AS "unitId", title, summary, completion_rule AS "completionRule", status,
  published_at AS "publishedAt", version, updated_at AS "updatedAt"`;
const STEP_COLUMNS = sql`id, path_id AS "pathId", position, kind, title, body, file_id AS "fileId", alt, url,
  ref_id AS "refId", required, quiz`;

const path = (r: PathRow): PathRow => ({
  ...r,
  publishedAt: toDate(r.publishedAt),
  updatedAt: toDate(r.updatedAt) as Date,
});
const step = (r: StepRow): StepRow => ({
  ...r,
  quiz: typeof r.quiz === 'string' ? (JSON.parse(r.quiz) as Quiz) : r.quiz,
});

export function createLearningPathsRepository() {
  return {
    async get(db: Db, id: string): Promise<PathRow | null> {
      const rows = await queryRows<PathRow>(
        db,
        sql`SELECT ${PATH_COLUMNS} FROM learning_paths WHERE id = ${id}`,
      );
      return rows[0] ? path(rows[0]) : null;
    },

    async lock(db: Db, id: string): Promise<PathRow | null> {
      const rows = await queryRows<PathRow>(
        db,
        sql`SELECT ${PATH_COLUMNS} FROM learning_paths WHERE id = ${id} FOR UPDATE`,
      );
      return rows[0] ? path(rows[0]) : null;
    },

    async listPublished(db: Db, limit: number): Promise<PathRow[]> {
      const rows = await queryRows<PathRow>(
        db,
        sql`SELECT ${PATH_COLUMNS} FROM learning_paths WHERE status = 'published'
            ORDER BY published_at DESC, id LIMIT ${limit}`,
      );
      return rows.map(path);
    },

    /** Paths of these units (null: every unit), newest change first. */
    async listForUnits(db: Db, unitIds: readonly string[] | null, limit: number): Promise<PathRow[]> {
      if (unitIds && unitIds.length === 0) return [];
      const where = unitIds ? sql`WHERE unit_id = ANY(${sql.param([...unitIds])}::text[])` : sql``;
      const rows = await queryRows<PathRow>(
        db,
        sql`SELECT ${PATH_COLUMNS} FROM learning_paths ${where} ORDER BY updated_at DESC, id LIMIT ${limit}`,
      );
      return rows.map(path);
    },

    async insert(db: Db, v: PathValues, createdBy: string | null): Promise<void> {
      await db.execute(sql`INSERT INTO learning_paths (id, unit_id, title, summary, completion_rule, created_by)
        VALUES (${v.id}, ${v.unitId}, ${v.title}, ${v.summary}, ${v.completionRule}, ${createdBy})`);
    },

    /** Every write to a path or its steps bumps its version, so a stale form is refused. */
    async update(db: Db, v: PathValues): Promise<void> {
      await db.execute(sql`UPDATE learning_paths SET unit_id = ${v.unitId}, title = ${v.title},
        summary = ${v.summary}, completion_rule = ${v.completionRule}, version = version + 1, updated_at = now()
        WHERE id = ${v.id}`);
    },

    async setStatus(db: Db, id: string, status: PublishStatus): Promise<void> {
      await db.execute(sql`UPDATE learning_paths SET status = ${status}, version = version + 1, updated_at = now(),
        published_at = CASE WHEN ${status} = 'published' THEN coalesce(published_at, now()) ELSE published_at END
        WHERE id = ${id}`);
    },

    async touch(db: Db, id: string): Promise<void> {
      await db.execute(
        sql`UPDATE learning_paths SET version = version + 1, updated_at = now() WHERE id = ${id}`,
      );
    },

    async steps(db: Db, pathId: string): Promise<StepRow[]> {
      const rows = await queryRows<StepRow>(
        db,
        sql`SELECT ${STEP_COLUMNS} FROM learning_path_steps WHERE path_id = ${pathId} ORDER BY position, id`,
      );
      return rows.map(step);
    },

    async stepCounts(db: Db, pathIds: readonly string[]): Promise<Map<string, number>> {
      if (pathIds.length === 0) return new Map();
      const rows = await queryRows<{ pathId: string; n: number }>(
        db,
        sql`SELECT path_id AS "pathId", count(*)::int AS n FROM learning_path_steps
            WHERE path_id = ANY(${sql.param([...pathIds])}::text[]) GROUP BY path_id`,
      );
      return new Map(rows.map((r) => [r.pathId, Number(r.n)]));
    },

    async insertStep(db: Db, v: StepValues): Promise<void> {
      await db.execute(sql`INSERT INTO learning_path_steps
        (id, path_id, position, kind, title, body, file_id, alt, url, ref_id, required, quiz)
        VALUES (${v.id}, ${v.pathId},
          (SELECT coalesce(max(position) + 1, 0) FROM learning_path_steps WHERE path_id = ${v.pathId}),
          ${v.kind}, ${v.title}, ${v.body}, ${v.fileId}, ${v.alt}, ${v.url}, ${v.refId}, ${v.required},
          ${v.quiz ? JSON.stringify(v.quiz) : null}::jsonb)`);
    },

    async deleteStep(db: Db, pathId: string, stepId: string): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`DELETE FROM learning_path_steps WHERE id = ${stepId} AND path_id = ${pathId} RETURNING id`,
      );
      return rows.length > 0;
    },

    /** Swaps a step with its neighbour (`-1` up, `1` down); nothing when it is already at that end. */
    async moveStep(db: Db, pathId: string, stepId: string, direction: -1 | 1): Promise<void> {
      const ids = (
        await queryRows<{ id: string }>(
          db,
          sql`SELECT id FROM learning_path_steps WHERE path_id = ${pathId} ORDER BY position, id`,
        )
      ).map((r) => r.id);
      const i = ids.indexOf(stepId);
      const j = i + direction;
      if (i < 0 || j < 0 || j >= ids.length) return;
      [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
      for (const [pos, id] of ids.entries())
        await db.execute(sql`UPDATE learning_path_steps SET position = ${pos} WHERE id = ${id}`);
    },

    async doneSteps(db: Db, learnerId: string, pathId: string): Promise<Set<string>> {
      const rows = await queryRows<{ stepId: string }>(
        db,
        sql`SELECT step_id AS "stepId" FROM learning_step_progress
            WHERE learner_id = ${learnerId} AND path_id = ${pathId}`,
      );
      return new Set(rows.map((r) => r.stepId));
    },

    /** True when this call recorded the step (false: it was already done). */
    async markDone(db: Db, learnerId: string, pathId: string, stepId: string): Promise<boolean> {
      const rows = await queryRows<{ stepId: string }>(
        db,
        sql`INSERT INTO learning_step_progress (learner_id, path_id, step_id) VALUES (${learnerId}, ${pathId}, ${stepId})
            ON CONFLICT DO NOTHING RETURNING step_id AS "stepId"`,
      );
      return rows.length > 0;
    },

    async attempts(db: Db, learnerId: string, stepId: string) {
      const rows = await queryRows<{
        attemptNo: number;
        scorePercent: number;
        passed: boolean;
        createdAt: Date;
      }>(
        db,
        sql`SELECT attempt_no AS "attemptNo", score_percent AS "scorePercent", passed, created_at AS "createdAt"
            FROM learning_quiz_attempts WHERE learner_id = ${learnerId} AND step_id = ${stepId} ORDER BY attempt_no`,
      );
      return rows.map((r) => ({ ...r, createdAt: toDate(r.createdAt) as Date }));
    },

    /** False when attempt `attemptNo` already exists (a concurrent double submit lost the race). */
    async insertAttempt(
      db: Db,
      a: {
        id: string;
        learnerId: string;
        pathId: string;
        stepId: string;
        attemptNo: number;
        scorePercent: number;
        passed: boolean;
        answers: unknown;
      },
    ): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`INSERT INTO learning_quiz_attempts
            (id, learner_id, path_id, step_id, attempt_no, score_percent, passed, answers)
            VALUES (${a.id}, ${a.learnerId}, ${a.pathId}, ${a.stepId}, ${a.attemptNo}, ${a.scorePercent},
              ${a.passed}, ${JSON.stringify(a.answers)}::jsonb)
            ON CONFLICT (learner_id, step_id, attempt_no) DO NOTHING RETURNING id`,
      );
      return rows.length > 0;
    },

    /** True when this call recorded the completion. */
    async complete(db: Db, learnerId: string, pathId: string, unitId: string, at: Date): Promise<boolean> {
      const rows = await queryRows<{ pathId: string }>(
        db,
        sql`INSERT INTO learning_path_completions (learner_id, path_id, unit_id, completed_at)
            VALUES (${learnerId}, ${pathId}, ${unitId}, ${at.toISOString()}::timestamptz) ON CONFLICT DO NOTHING RETURNING path_id AS "pathId"`,
      );
      return rows.length > 0;
    },

    async completion(db: Db, learnerId: string, pathId: string): Promise<Date | null> {
      const rows = await queryRows<{ at: Date }>(
        db,
        sql`SELECT completed_at AS at FROM learning_path_completions
            WHERE learner_id = ${learnerId} AND path_id = ${pathId}`,
      );
      return rows[0] ? toDate(rows[0].at) : null;
    },
  };
}
export type LearningPathsRepository = ReturnType<typeof createLearningPathsRepository>;
