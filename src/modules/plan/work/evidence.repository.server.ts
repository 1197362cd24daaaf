// SQL for the evidence of unit reports (files, links, links to other records); spread into the plan work
// repository (plan-work.repository.ts).
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.server.ts';
import { queryRows, sqlList, toDate } from '../../../db/sql.server.ts';
import { newId } from '../plan.ids.server.ts';
import type { RecordType } from './work.repository.server.ts';

export interface Evidence {
  id: string;
  reportId: string;
  kind: 'file' | 'link' | 'record';
  title: string;
  fileId: string | null;
  fileMime: string | null;
  fileSize: number | null;
  url: string | null;
  recordType: RecordType | null;
  recordId: string | null;
  createdAt: Date;
}

export type NewEvidence =
  | { kind: 'file'; title: string; fileId: string }
  | { kind: 'link'; title: string; url: string }
  | { kind: 'record'; title: string; recordType: RecordType; recordId: string };

export function createPlanEvidenceSql() {
  async function evidenceOf(db: Db, reportIds: readonly string[]): Promise<Evidence[]> {
    if (reportIds.length === 0) return [];
    const rows = await queryRows<{
      id: string;
      report_id: string;
      kind: Evidence['kind'];
      title: string;
      file_id: string | null;
      mime: string | null;
      size: unknown;
      url: string | null;
      record_type: RecordType | null;
      record_id: string | null;
      created_at: unknown;
    }>(
      db,
      sql`SELECT e.id, e.report_id, e.kind, e.title, e.file_id, f.mime, f.size, e.url, e.record_type,
              e.record_id, e.created_at
            FROM plan_evidence e LEFT JOIN stored_file_directory f ON f.id = e.file_id
            WHERE e.report_id IN (${sqlList(reportIds)}) ORDER BY e.created_at, e.id`,
    );
    return rows.map((r) => ({
      id: r.id,
      reportId: r.report_id,
      kind: r.kind,
      title: r.title,
      fileId: r.file_id,
      fileMime: r.mime,
      fileSize: r.size === null ? null : Number(r.size),
      url: r.url,
      recordType: r.record_type,
      recordId: r.record_id,
      createdAt: toDate(r.created_at) ?? new Date(0),
    }));
  }
  return {
    evidenceOf,
    async addEvidence(db: Db, reportId: string, e: NewEvidence, createdBy: string | null): Promise<string> {
      const id = newId('evd');
      await db.execute(sql`INSERT INTO plan_evidence
        (id, report_id, kind, title, file_id, url, record_type, record_id, created_by)
        VALUES (${id}, ${reportId}, ${e.kind}, ${e.title}, ${e.kind === 'file' ? e.fileId : null},
          ${e.kind === 'link' ? e.url : null}, ${e.kind === 'record' ? e.recordType : null},
          ${e.kind === 'record' ? e.recordId : null}, ${createdBy})`);
      return id;
    },

    async getEvidence(db: Db, evidenceId: string): Promise<Evidence | null> {
      const rows = await queryRows<{ report_id: string }>(
        db,
        sql`SELECT report_id FROM plan_evidence WHERE id = ${evidenceId}`,
      );
      const reportId = rows[0]?.report_id;
      if (!reportId) return null;
      return (await evidenceOf(db, [reportId])).find((e) => e.id === evidenceId) ?? null;
    },

    /** The evidence row that stores a file, to find the report (and unit) a private file belongs to. */
    async evidenceByFile(db: Db, fileId: string): Promise<{ id: string; reportId: string } | null> {
      const rows = await queryRows<{ id: string; report_id: string }>(
        db,
        sql`SELECT id, report_id FROM plan_evidence WHERE file_id = ${fileId} LIMIT 1`,
      );
      return rows[0] ? { id: rows[0].id, reportId: rows[0].report_id } : null;
    },

    async deleteEvidence(db: Db, evidenceId: string): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`DELETE FROM plan_evidence WHERE id = ${evidenceId} RETURNING id`,
      );
      return rows.length === 1;
    },
  };
}
