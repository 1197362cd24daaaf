// SQL for commendation nominations and the honour roll.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { likeEscape, queryRows, textArray, toDate, toDay } from '../../db/sql.server.ts';
import { fold } from '../../lib/vn-text.ts';
import { newId } from './commendations.ids.server.ts';
import type { CommCategory, CommLevel, CommStatus, NomineeKind } from './commendations.vocab.ts';

export interface NominationValues {
  unitId: string;
  nomineeKind: NomineeKind;
  nomineeName: string;
  nomineeUnitId: string | null;
  category: CommCategory;
  title: string;
  achievements: string;
  evidenceUrls: string[];
  planInstanceIds: string[];
}
export interface NominationRecord extends NominationValues {
  id: string;
  status: CommStatus;
  reviewNote: string;
  decisionNumber: string | null;
  decisionDate: string | null;
  level: CommLevel | null;
  version: number;
}

const COLS = sql`id, unit_id AS "unitId", nominee_kind AS "nomineeKind", nominee_name AS "nomineeName",
  nominee_unit_id AS "nomineeUnitId", category, title, achievements, evidence_urls AS "evidenceUrls",
  plan_instance_ids AS "planInstanceIds", status, review_note AS "reviewNote", decision_number AS "decisionNumber",
  decision_date AS "decisionDate", level, version`;

const toRecord = (r: NominationRecord): NominationRecord => ({
  ...r,
  evidenceUrls: r.evidenceUrls ?? [],
  planInstanceIds: r.planInstanceIds ?? [],
  decisionDate: toDay(r.decisionDate),
});
const folded = (v: NominationValues, decision: string | null) =>
  fold(`${v.nomineeName} ${v.title} ${v.achievements} ${decision ?? ''}`);

export interface EvidenceRecord {
  id: string;
  nominationId: string;
  fileId: string;
  fileName: string;
  caption: string;
  addedAt: Date;
}

export function createCommendationsRepository() {
  return {
    async insert(db: Db, v: NominationValues, by: string | null): Promise<string> {
      const id = newId('cmnd');
      await db.execute(sql`INSERT INTO comm_nominations (id, unit_id, nominee_kind, nominee_name, nominee_unit_id,
        category, title, achievements, evidence_urls, plan_instance_ids, search_folded, created_by)
        VALUES (${id}, ${v.unitId}, ${v.nomineeKind}, ${v.nomineeName}, ${v.nomineeUnitId}, ${v.category},
        ${v.title}, ${v.achievements}, ${textArray(v.evidenceUrls)}::text[], ${textArray(v.planInstanceIds)}::text[],
        ${folded(v, null)}, ${by})`);
      return id;
    },
    async update(db: Db, id: string, v: NominationValues, version: number): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE comm_nominations SET unit_id = ${v.unitId}, nominee_kind = ${v.nomineeKind},
          nominee_name = ${v.nomineeName}, nominee_unit_id = ${v.nomineeUnitId}, category = ${v.category},
          title = ${v.title}, achievements = ${v.achievements}, evidence_urls = ${textArray(v.evidenceUrls)}::text[],
          plan_instance_ids = ${textArray(v.planInstanceIds)}::text[], search_folded = ${folded(v, null)},
          version = version + 1, updated_at = now() WHERE id = ${id} AND version = ${version} RETURNING id`,
      );
      return rows.length === 1;
    },
    async setOutcome(
      db: Db,
      n: NominationRecord,
      o: {
        status: CommStatus;
        reviewNote: string;
        decisionNumber: string | null;
        decisionDate: string | null;
        level: CommLevel | null;
      },
    ): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE comm_nominations SET status = ${o.status}, review_note = ${o.reviewNote},
          decision_number = ${o.decisionNumber}, decision_date = ${o.decisionDate}, level = ${o.level},
          search_folded = ${folded(n, o.decisionNumber)}, version = version + 1, updated_at = now()
          WHERE id = ${n.id} AND version = ${n.version} RETURNING id`,
      );
      return rows.length === 1;
    },
    async byId(db: Db, id: string): Promise<NominationRecord | undefined> {
      const rows = await queryRows<NominationRecord>(
        db,
        sql`SELECT ${COLS} FROM comm_nominations WHERE id = ${id}`,
      );
      return rows[0] ? toRecord(rows[0]) : undefined;
    },
    async list(
      db: Db,
      f: {
        q?: string | undefined;
        status?: CommStatus | undefined;
        unitIds: readonly string[];
        limit: number;
      },
    ) {
      const parts = [sql`unit_id = ANY(${textArray(f.unitIds)}::text[])`];
      if (f.status) parts.push(sql`status = ${f.status}`);
      for (const w of fold(f.q ?? '')
        .split(' ')
        .filter(Boolean))
        parts.push(sql`search_folded LIKE ${`%${likeEscape(w)}%`}`);
      const rows = await queryRows<NominationRecord>(
        db,
        sql`SELECT ${COLS} FROM comm_nominations WHERE ${sql.join(parts, sql` AND `)}
          ORDER BY created_at DESC, id LIMIT ${f.limit}`,
      );
      return rows.map(toRecord);
    },
    /** The honour roll: decided nominations only, newest decision first. */
    async decided(db: Db, f: { q?: string | undefined; category?: CommCategory | undefined; limit: number }) {
      const parts = [sql`status = 'decided'`];
      if (f.category) parts.push(sql`category = ${f.category}`);
      for (const w of fold(f.q ?? '')
        .split(' ')
        .filter(Boolean))
        parts.push(sql`search_folded LIKE ${`%${likeEscape(w)}%`}`);
      const rows = await queryRows<NominationRecord>(
        db,
        sql`SELECT ${COLS} FROM comm_nominations WHERE ${sql.join(parts, sql` AND `)}
          ORDER BY decision_date DESC, id LIMIT ${f.limit}`,
      );
      return rows.map(toRecord);
    },
    async forPlanInstances(db: Db, ids: readonly string[]) {
      if (ids.length === 0) return [];
      const rows = await queryRows<NominationRecord>(
        db,
        sql`SELECT ${COLS} FROM comm_nominations WHERE plan_instance_ids && ${textArray(ids)}::text[]`,
      );
      return rows.map(toRecord);
    },
    /** Decisions dated in [from, to), in total, per nominating unit or per level. */
    async countDecided(
      db: Db,
      q: { from: string; to: string; unitIds?: readonly string[] | undefined; by?: 'unit' | 'level' },
    ) {
      const unit = q.unitIds ? sql`AND unit_id = ANY(${textArray(q.unitIds)}::text[])` : sql``;
      const key = q.by === 'unit' ? sql`unit_id` : q.by === 'level' ? sql`level` : sql`NULL::text`;
      return queryRows<{ key: string | null; value: number }>(
        db,
        sql`SELECT ${key} AS key, count(*)::int AS value FROM comm_nominations WHERE status = 'decided'
          AND decision_date >= ${q.from} AND decision_date < ${q.to} ${unit} GROUP BY 1 ORDER BY 1`,
      );
    },
    async createdBy(db: Db, userId: string) {
      return queryRows<{ id: string; nomineeName: string; title: string }>(
        db,
        sql`SELECT id, nominee_name AS "nomineeName", title FROM comm_nominations WHERE created_by = ${userId}`,
      );
    },
    async forgetCreator(db: Db, userId: string): Promise<void> {
      await db.execute(sql`UPDATE comm_nominations SET created_by = NULL WHERE created_by = ${userId}`);
      await db.execute(sql`UPDATE comm_evidence SET added_by = NULL WHERE added_by = ${userId}`);
    },
    async insertEvidence(
      db: Db,
      e: { nominationId: string; fileId: string; fileName: string; caption: string },
      by: string | null,
    ) {
      const id = newId('cev');
      await db.execute(sql`INSERT INTO comm_evidence (id, nomination_id, file_id, file_name, caption, added_by)
        VALUES (${id}, ${e.nominationId}, ${e.fileId}, ${e.fileName}, ${e.caption}, ${by})`);
      return id;
    },
    async evidenceOf(db: Db, nominationId: string) {
      const rows = await queryRows<EvidenceRecord>(
        db,
        sql`SELECT id, nomination_id AS "nominationId", file_id AS "fileId", file_name AS "fileName", caption,
          added_at AS "addedAt" FROM comm_evidence WHERE nomination_id = ${nominationId} ORDER BY added_at, id`,
      );
      return rows.map((r) => ({ ...r, addedAt: toDate(r.addedAt) as Date }));
    },
    async deleteEvidence(db: Db, nominationId: string, id: string) {
      const rows = await queryRows<{ fileId: string }>(
        db,
        sql`DELETE FROM comm_evidence WHERE id = ${id} AND nomination_id = ${nominationId} RETURNING file_id AS "fileId"`,
      );
      return rows[0]?.fileId ?? null;
    },
  };
}
