// SQL for guidance documents and their read receipts.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { likeEscape, queryRows, textArray, toDate, toDay } from '../../db/sql.server.ts';
import { fold } from '../../lib/vn-text.ts';
import { newId } from './guidance.ids.server.ts';
import type { GuidanceType } from './guidance.vocab.ts';

export interface GuidanceValues {
  unitId: string;
  docType: GuidanceType;
  issuer: string;
  numberSymbol: string;
  issuedOn: string;
  title: string;
  summary: string;
  url: string | null;
  planInstanceIds: string[];
  targetUnitIds: string[];
}

export interface GuidanceRecord extends GuidanceValues {
  id: string;
  fileId: string | null;
  version: number;
  createdAt: Date;
}

const COLUMNS = sql`id, unit_id AS "unitId", doc_type AS "docType", issuer, number_symbol AS "numberSymbol",
  issued_on AS "issuedOn", title, summary, url, file_id AS "fileId", plan_instance_ids AS "planInstanceIds",
  target_unit_ids AS "targetUnitIds", version, created_at AS "createdAt"`;

const toRecord = (r: GuidanceRecord): GuidanceRecord => ({
  ...r,
  issuedOn: toDay(r.issuedOn) as string,
  planInstanceIds: r.planInstanceIds ?? [],
  targetUnitIds: r.targetUnitIds ?? [],
  createdAt: toDate(r.createdAt) as Date,
});

const folded = (v: GuidanceValues) => fold(`${v.numberSymbol} ${v.issuer} ${v.title} ${v.summary}`);

export function createGuidanceRepository() {
  return {
    async insert(db: Db, v: GuidanceValues, createdBy: string | null): Promise<string> {
      const id = newId('gdoc');
      await db.execute(sql`INSERT INTO guidance_documents (id, unit_id, doc_type, issuer, number_symbol, issued_on,
        title, summary, url, plan_instance_ids, target_unit_ids, search_folded, created_by)
        VALUES (${id}, ${v.unitId}, ${v.docType}, ${v.issuer}, ${v.numberSymbol}, ${v.issuedOn}, ${v.title},
        ${v.summary}, ${v.url}, ${textArray(v.planInstanceIds)}::text[], ${textArray(v.targetUnitIds)}::text[],
        ${folded(v)}, ${createdBy})`);
      return id;
    },
    async update(db: Db, id: string, v: GuidanceValues, version: number): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE guidance_documents SET unit_id = ${v.unitId}, doc_type = ${v.docType}, issuer = ${v.issuer},
          number_symbol = ${v.numberSymbol}, issued_on = ${v.issuedOn}, title = ${v.title}, summary = ${v.summary},
          url = ${v.url}, plan_instance_ids = ${textArray(v.planInstanceIds)}::text[],
          target_unit_ids = ${textArray(v.targetUnitIds)}::text[], search_folded = ${folded(v)},
          version = version + 1, updated_at = now() WHERE id = ${id} AND version = ${version} RETURNING id`,
      );
      return rows.length === 1;
    },
    async byId(db: Db, id: string): Promise<GuidanceRecord | undefined> {
      const rows = await queryRows<GuidanceRecord>(
        db,
        sql`SELECT ${COLUMNS} FROM guidance_documents WHERE id = ${id}`,
      );
      return rows[0] ? toRecord(rows[0]) : undefined;
    },
    async findByNumber(db: Db, issuer: string, numberSymbol: string, issuedOn: string) {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`SELECT id FROM guidance_documents WHERE issuer = ${issuer} AND number_symbol = ${numberSymbol}
          AND issued_on = ${issuedOn}`,
      );
      return rows[0]?.id;
    },
    async list(db: Db, f: { q?: string | undefined; docType?: GuidanceType | undefined; limit: number }) {
      const parts = [sql`true`];
      if (f.docType) parts.push(sql`doc_type = ${f.docType}`);
      for (const w of fold(f.q ?? '')
        .split(' ')
        .filter(Boolean))
        parts.push(sql`search_folded LIKE ${`%${likeEscape(w)}%`}`);
      const rows = await queryRows<GuidanceRecord>(
        db,
        sql`SELECT ${COLUMNS} FROM guidance_documents WHERE ${sql.join(parts, sql` AND `)}
          ORDER BY issued_on DESC, id LIMIT ${f.limit}`,
      );
      return rows.map(toRecord);
    },
    /** Records that this person read the document (first time only); true when it was the first time. */
    async markRead(db: Db, documentId: string, userId: string, unitId: string): Promise<boolean> {
      const rows = await queryRows<{ user_id: string }>(
        db,
        sql`INSERT INTO guidance_receipts (document_id, user_id, unit_id) VALUES (${documentId}, ${userId}, ${unitId})
          ON CONFLICT (document_id, user_id) DO NOTHING RETURNING user_id`,
      );
      return rows.length === 1;
    },
    async receipts(db: Db, documentId: string) {
      const rows = await queryRows<{ userId: string; unitId: string; readAt: Date }>(
        db,
        sql`SELECT user_id AS "userId", unit_id AS "unitId", read_at AS "readAt" FROM guidance_receipts
          WHERE document_id = ${documentId} ORDER BY read_at`,
      );
      return rows.map((r) => ({ ...r, readAt: toDate(r.readAt) as Date }));
    },
    async countIssued(db: Db, q: { from: string; to: string; unitIds?: readonly string[] | undefined }) {
      const unit = q.unitIds ? sql`AND unit_id = ANY(${textArray(q.unitIds)}::text[])` : sql``;
      const rows = await queryRows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM guidance_documents WHERE issued_on >= ${q.from} AND issued_on < ${q.to} ${unit}`,
      );
      return rows[0]?.n ?? 0;
    },
    async forPlanInstances(db: Db, ids: readonly string[]) {
      if (ids.length === 0) return [];
      const rows = await queryRows<GuidanceRecord>(
        db,
        sql`SELECT ${COLUMNS} FROM guidance_documents WHERE plan_instance_ids && ${textArray(ids)}::text[]`,
      );
      return rows.map(toRecord);
    },
    async receiptsOf(db: Db, userId: string) {
      return queryRows<{ documentId: string; readAt: Date }>(
        db,
        sql`SELECT document_id AS "documentId", read_at AS "readAt" FROM guidance_receipts WHERE user_id = ${userId}`,
      );
    },
    async forgetReader(db: Db, userId: string): Promise<void> {
      await db.execute(sql`DELETE FROM guidance_receipts WHERE user_id = ${userId}`);
    },
  };
}
