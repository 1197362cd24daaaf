// SQL of the reports module: periods, submissions and their history, generations and documents (own tables).
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows, toDate, toDay } from '../../db/sql.server.ts';
import { newId } from './reports.ids.server.ts';
import type { PeriodKind, ReportSection, SubmissionStatus } from './reports.vocab.ts';

export interface Period {
  id: string;
  code: string;
  kind: PeriodKind;
  titleVi: string;
  titleEn: string;
  yearFrom: number;
  yearTo: number;
  deadline: string;
  sections: ReportSection[];
  status: 'open' | 'closed';
}

export interface ManualEntry {
  value: number;
  evidence: string;
}

export interface Snapshot {
  takenAt: string;
  values: Record<string, number | null>;
}

export interface Submission {
  id: string;
  periodId: string;
  unitId: string;
  status: SubmissionStatus;
  narratives: Record<string, string>;
  difficulties: string;
  proposals: string;
  manualValues: Record<string, ManualEntry>;
  reviewComment: string | null;
  snapshot: Snapshot | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  version: number;
}

export interface Generation {
  id: string;
  periodId: string;
  unitId: string | null;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface DocumentMeta {
  id: string;
  generationId: string;
  periodId: string;
  unitId: string | null;
  version: number;
  format: 'docx' | 'xlsx' | 'pdf';
  fileName: string;
  sizeBytes: number;
  checksum: string;
  generatorVersion: string;
  createdAt: Date;
}

const PERIOD = sql`id, code, kind, title_vi AS "titleVi", title_en AS "titleEn", year_from AS "yearFrom",
  year_to AS "yearTo", deadline, sections, status`;
const SUBMISSION = sql`id, period_id AS "periodId", unit_id AS "unitId", status, narratives, difficulties, proposals,
  manual_values AS "manualValues", review_comment AS "reviewComment", snapshot, submitted_at AS "submittedAt",
  decided_at AS "decidedAt", version`;
const GENERATION = sql`id, period_id AS "periodId", unit_id AS "unitId", status, progress, error,
  created_at AS "createdAt", finished_at AS "finishedAt"`;
const DOCUMENT = sql`id, generation_id AS "generationId", period_id AS "periodId", unit_id AS "unitId", version,
  format, file_name AS "fileName", size_bytes AS "sizeBytes", checksum_sha256 AS "checksum",
  generator_version AS "generatorVersion", created_at AS "createdAt"`;

const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const period = (r: Period): Period => ({
  ...r,
  deadline: toDay(r.deadline) as string,
  sections: json(r.sections),
});
const submission = (r: Submission): Submission => ({
  ...r,
  narratives: json(r.narratives),
  manualValues: json(r.manualValues),
  snapshot: r.snapshot ? json(r.snapshot) : null,
  submittedAt: toDate(r.submittedAt),
  decidedAt: toDate(r.decidedAt),
});
const generation = (r: Generation): Generation => ({
  ...r,
  createdAt: toDate(r.createdAt) as Date,
  finishedAt: toDate(r.finishedAt),
});
const documentMeta = (r: DocumentMeta): DocumentMeta => ({ ...r, createdAt: toDate(r.createdAt) as Date });

export type PeriodInput = Omit<Period, 'id' | 'status'>;
export type SubmissionContent = Pick<
  Submission,
  'narratives' | 'difficulties' | 'proposals' | 'manualValues'
>;

export function createReportsRepository() {
  return {
    async periods(db: Db): Promise<Period[]> {
      const rows = await queryRows<Period>(
        db,
        sql`SELECT ${PERIOD} FROM report_periods ORDER BY year_to DESC, code`,
      );
      return rows.map(period);
    },
    async period(db: Db, idOrCode: string): Promise<Period | undefined> {
      const rows = await queryRows<Period>(
        db,
        sql`SELECT ${PERIOD} FROM report_periods WHERE id = ${idOrCode} OR code = ${idOrCode}`,
      );
      return rows[0] ? period(rows[0]) : undefined;
    },
    async insertPeriod(db: Db, p: PeriodInput): Promise<string | null> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`INSERT INTO report_periods (id, code, kind, title_vi, title_en, year_from, year_to, deadline, sections)
            VALUES (${newId('rper')}, ${p.code}, ${p.kind}, ${p.titleVi}, ${p.titleEn}, ${p.yearFrom}, ${p.yearTo},
                    ${p.deadline}, ${JSON.stringify(p.sections)}::jsonb)
            ON CONFLICT (code) DO NOTHING RETURNING id`,
      );
      return rows[0]?.id ?? null;
    },

    async submissions(db: Db, periodId: string): Promise<Submission[]> {
      const rows = await queryRows<Submission>(
        db,
        sql`SELECT ${SUBMISSION} FROM report_submissions WHERE period_id = ${periodId}`,
      );
      return rows.map(submission);
    },
    async submission(
      db: Db,
      periodId: string,
      unitId: string,
      lock = false,
    ): Promise<Submission | undefined> {
      const rows = await queryRows<Submission>(
        db,
        sql`SELECT ${SUBMISSION} FROM report_submissions WHERE period_id = ${periodId} AND unit_id = ${unitId}
            ${lock ? sql`FOR UPDATE` : sql``}`,
      );
      return rows[0] ? submission(rows[0]) : undefined;
    },
    /** The unit's submission, created empty (draft) if it has none yet. */
    async ensureSubmission(db: Db, periodId: string, unitId: string): Promise<void> {
      await db.execute(
        sql`INSERT INTO report_submissions (id, period_id, unit_id) VALUES (${newId('rsub')}, ${periodId}, ${unitId})
            ON CONFLICT (period_id, unit_id) DO NOTHING`,
      );
    },
    async saveContent(db: Db, id: string, c: SubmissionContent): Promise<void> {
      await db.execute(
        sql`UPDATE report_submissions SET narratives = ${JSON.stringify(c.narratives)}::jsonb,
              difficulties = ${c.difficulties}, proposals = ${c.proposals},
              manual_values = ${JSON.stringify(c.manualValues)}::jsonb, version = version + 1, updated_at = now()
            WHERE id = ${id}`,
      );
    },
    async setStatus(
      db: Db,
      id: string,
      s: {
        status: SubmissionStatus;
        actorId: string | null;
        comment?: string | null;
        snapshot?: Snapshot | null;
      },
    ): Promise<void> {
      const submitted = s.status === 'submitted';
      await db.execute(
        sql`UPDATE report_submissions SET status = ${s.status},
              review_comment = ${submitted ? sql`review_comment` : (s.comment ?? null)},
              snapshot = ${s.snapshot ? sql`${JSON.stringify(s.snapshot)}::jsonb` : sql`NULL`},
              submitted_at = ${submitted ? sql`now()` : sql`submitted_at`},
              submitted_by = ${submitted ? s.actorId : sql`submitted_by`},
              decided_at = ${submitted ? sql`decided_at` : sql`now()`},
              decided_by = ${submitted ? sql`decided_by` : s.actorId},
              version = version + 1, updated_at = now()
            WHERE id = ${id}`,
      );
    },
    async addEvent(
      db: Db,
      submissionId: string,
      kind: string,
      comment: string | null,
      actorId: string | null,
    ) {
      await db.execute(
        sql`INSERT INTO report_submission_events (id, submission_id, kind, comment, actor_id)
            VALUES (${newId('rsev')}, ${submissionId}, ${kind}, ${comment}, ${actorId})`,
      );
    },
    async events(db: Db, submissionId: string) {
      const rows = await queryRows<{ id: string; kind: string; comment: string | null; at: Date }>(
        db,
        sql`SELECT id, kind, comment, at FROM report_submission_events WHERE submission_id = ${submissionId} ORDER BY at, id`,
      );
      return rows.map((r) => ({ ...r, at: toDate(r.at) as Date }));
    },

    async insertGeneration(
      db: Db,
      periodId: string,
      unitId: string | null,
      by: string | null,
    ): Promise<string> {
      const id = newId('rgen');
      await db.execute(
        sql`INSERT INTO report_generations (id, period_id, unit_id, requested_by)
            VALUES (${id}, ${periodId}, ${unitId}, ${by})`,
      );
      return id;
    },
    async generation(db: Db, id: string): Promise<Generation | undefined> {
      const rows = await queryRows<Generation>(
        db,
        sql`SELECT ${GENERATION} FROM report_generations WHERE id = ${id}`,
      );
      return rows[0] ? generation(rows[0]) : undefined;
    },
    async setProgress(
      db: Db,
      id: string,
      status: Generation['status'],
      progress: number,
      error: string | null = null,
    ) {
      await db.execute(
        sql`UPDATE report_generations SET status = ${status}, progress = ${progress}, error = ${error},
              finished_at = ${status === 'done' || status === 'failed' ? sql`now()` : sql`NULL`}
            WHERE id = ${id}`,
      );
    },
    async insertDocument(
      db: Db,
      d: Omit<DocumentMeta, 'id' | 'version' | 'createdAt'> & { content: Uint8Array; snapshot: unknown },
    ): Promise<string> {
      const id = newId('rdoc');
      await db.execute(
        sql`INSERT INTO report_documents (id, generation_id, period_id, unit_id, version, format, file_name, content,
              size_bytes, checksum_sha256, generator_version, snapshot)
            VALUES (${id}, ${d.generationId}, ${d.periodId}, ${d.unitId},
              (SELECT coalesce(max(version), 0) + 1 FROM report_documents
                WHERE period_id = ${d.periodId} AND coalesce(unit_id, '') = ${d.unitId ?? ''} AND format = ${d.format}),
              ${d.format}, ${d.fileName}, ${Buffer.from(d.content)}, ${d.sizeBytes}, ${d.checksum},
              ${d.generatorVersion}, ${JSON.stringify(d.snapshot)}::jsonb)`,
      );
      return id;
    },
    async documents(db: Db, periodId: string): Promise<DocumentMeta[]> {
      const rows = await queryRows<DocumentMeta>(
        db,
        sql`SELECT ${DOCUMENT} FROM report_documents WHERE period_id = ${periodId}
             ORDER BY created_at DESC, format`,
      );
      return rows.map(documentMeta);
    },
    async document(db: Db, id: string): Promise<(DocumentMeta & { content: Uint8Array }) | undefined> {
      const rows = await queryRows<DocumentMeta & { content: Uint8Array | string }>(
        db,
        sql`SELECT ${DOCUMENT}, content FROM report_documents WHERE id = ${id}`,
      );
      const r = rows[0];
      if (!r) return undefined;
      const content =
        typeof r.content === 'string'
          ? Buffer.from(r.content.replace(/^\\x/, ''), 'hex')
          : new Uint8Array(r.content);
      return { ...documentMeta(r), content };
    },
  };
}

export type ReportsRepository = ReturnType<typeof createReportsRepository>;
