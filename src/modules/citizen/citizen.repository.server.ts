// SQL for the citizen module's own tables: yearly schemes and self-assessments.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { textList } from '../../db/personal-data.server.ts';
import { queryRows, toDate } from '../../db/sql.server.ts';
import { newId } from './citizen.ids.server.ts';
import type { Criterion, CriterionScore } from './citizen.scheme.ts';

export type AssessmentStatus = 'submitted' | 'recognised' | 'rejected';

export interface Assessment {
  id: string;
  learnerId: string;
  year: number;
  unitId: string;
  commune: string;
  evidence: CriterionScore[];
  manualEvidence: string;
  manualPoints: number | null;
  total: number;
  status: AssessmentStatus;
  submittedAt: Date;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  reviewNote: string | null;
  credentialId: string | null;
}

const COLS = sql`id, learner_id AS "learnerId", year, unit_id AS "unitId", commune, evidence,
  manual_evidence AS "manualEvidence", manual_points AS "manualPoints", total, status,
  submitted_at AS "submittedAt", reviewed_at AS "reviewedAt", reviewed_by AS "reviewedBy",
  review_note AS "reviewNote", credential_id AS "credentialId"`;

const row = (r: Assessment): Assessment => ({
  ...r,
  year: Number(r.year),
  total: Number(r.total),
  manualPoints: r.manualPoints === null ? null : Number(r.manualPoints),
  evidence: typeof r.evidence === 'string' ? JSON.parse(r.evidence) : r.evidence,
  submittedAt: toDate(r.submittedAt)!,
  reviewedAt: toDate(r.reviewedAt),
});

export function createCitizenRepository() {
  return {
    /** The year's stored scheme; `lock` serialises savers (also of a year not stored yet). */
    async scheme(db: Db, year: number, lock = false) {
      if (lock) await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`citizen_scheme:${year}`}))`);
      const rows = await queryRows<{ criteria: unknown; passTotal: number; version: number }>(
        db,
        sql`SELECT criteria, pass_total AS "passTotal", version FROM citizen_schemes WHERE year = ${year}`,
      );
      const r = rows[0];
      if (!r) return null;
      const criteria = (typeof r.criteria === 'string' ? JSON.parse(r.criteria) : r.criteria) as Criterion[];
      return { criteria, passTotal: Number(r.passTotal), version: Number(r.version) };
    },
    /** Stores the year's scheme; its version grows by one (2 on the first save, the defaults being 1). */
    async saveScheme(db: Db, year: number, criteria: Criterion[], passTotal: number, by: string | null) {
      await db.execute(sql`INSERT INTO citizen_schemes (year, criteria, pass_total, updated_by, updated_at)
        VALUES (${year}, ${JSON.stringify(criteria)}::jsonb, ${passTotal}, ${by}, now())
        ON CONFLICT (year) DO UPDATE SET criteria = EXCLUDED.criteria, pass_total = EXCLUDED.pass_total,
          updated_by = EXCLUDED.updated_by, updated_at = now(), version = citizen_schemes.version + 1`);
    },
    /** Inserts or, while still awaiting review, replaces the learner's assessment for the year. */
    async upsert(
      db: Db,
      v: Pick<
        Assessment,
        'learnerId' | 'year' | 'unitId' | 'commune' | 'evidence' | 'manualEvidence' | 'total' | 'submittedAt'
      >,
    ): Promise<string | null> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`INSERT INTO citizen_assessments (id, learner_id, year, unit_id, commune, evidence, manual_evidence,
              total, submitted_at)
            VALUES (${newId('cit')}, ${v.learnerId}, ${v.year}, ${v.unitId}, ${v.commune},
              ${JSON.stringify(v.evidence)}::jsonb, ${v.manualEvidence}, ${v.total}, ${v.submittedAt.toISOString()})
            ON CONFLICT (learner_id, year) DO UPDATE SET unit_id = EXCLUDED.unit_id, commune = EXCLUDED.commune,
              evidence = EXCLUDED.evidence, manual_evidence = EXCLUDED.manual_evidence, total = EXCLUDED.total,
              submitted_at = EXCLUDED.submitted_at, status = 'submitted', review_note = NULL
            WHERE citizen_assessments.status <> 'recognised'
            RETURNING id`,
      );
      return rows[0]?.id ?? null;
    },
    async get(db: Db, id: string): Promise<Assessment | null> {
      const rows = await queryRows<Assessment>(
        db,
        sql`SELECT ${COLS} FROM citizen_assessments WHERE id = ${id}`,
      );
      return rows[0] ? row(rows[0]) : null;
    },
    async ofLearners(db: Db, learnerIds: readonly string[]): Promise<Assessment[]> {
      if (!learnerIds.length) return [];
      const rows = await queryRows<Assessment>(
        db,
        sql`SELECT ${COLS} FROM citizen_assessments WHERE learner_id = ANY(${textList(learnerIds)})
            ORDER BY year DESC`,
      );
      return rows.map(row);
    },
    async forUnits(db: Db, unitIds: readonly string[], year: number): Promise<Assessment[]> {
      if (!unitIds.length) return [];
      const rows = await queryRows<Assessment>(
        db,
        sql`SELECT ${COLS} FROM citizen_assessments WHERE unit_id = ANY(${textList(unitIds)}) AND year = ${year}
            ORDER BY status, submitted_at`,
      );
      return rows.map(row);
    },
    async review(
      db: Db,
      id: string,
      v: {
        status: 'recognised' | 'rejected';
        manualPoints: number;
        total: number;
        evidence: CriterionScore[];
        at: Date;
        by: string | null;
        note: string;
        credentialId: string | null;
      },
    ): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE citizen_assessments SET status = ${v.status}, manual_points = ${v.manualPoints},
              total = ${v.total}, evidence = ${JSON.stringify(v.evidence)}::jsonb, reviewed_at = ${v.at.toISOString()},
              reviewed_by = ${v.by}, review_note = ${v.note}, credential_id = ${v.credentialId}
            WHERE id = ${id} AND status = 'submitted' RETURNING id`,
      );
      return rows.length > 0;
    },
    /** Recognitions in [from, to), per commune or unit (the indicator source). */
    async recognisedCounts(
      db: Db,
      from: Date,
      to: Date,
      unitIds: readonly string[] | null,
      by: 'commune' | 'unit' | null,
    ): Promise<Array<{ key: string | null; value: number }>> {
      const key = by === 'commune' ? sql`commune` : by === 'unit' ? sql`unit_id` : sql`NULL::text`;
      const rows = await queryRows<{ key: string | null; value: string | number }>(
        db,
        sql`SELECT ${key} AS key, count(*) AS value FROM citizen_assessments
            WHERE status = 'recognised' AND reviewed_at >= ${from.toISOString()} AND reviewed_at < ${to.toISOString()}
              ${unitIds ? sql`AND unit_id = ANY(${textList(unitIds)})` : sql``}
            GROUP BY 1 ORDER BY 1`,
      );
      return rows.map((r) => ({ key: r.key, value: Number(r.value) }));
    },
    /** Erasure: the person's id and free text go (irreversibly); the row stays so yearly counts stay equal. */
    async pseudonymise(db: Db, learnerIds: readonly string[]): Promise<void> {
      if (!learnerIds.length) return;
      await db.execute(sql`UPDATE citizen_assessments SET learner_id = 'erased:' || id, manual_evidence = '',
        review_note = NULL, reviewed_by = NULL WHERE learner_id = ANY(${textList(learnerIds)})`);
    },
  };
}
