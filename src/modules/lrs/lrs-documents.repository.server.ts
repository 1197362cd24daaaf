// SQL of the xAPI document resources (state, activity profile, agent profile): one table, keyed by kind,
// activity, agent, registration and document id ('' where a part does not apply).
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows, toDate } from '../../db/sql.server.ts';

export type DocumentKind = 'state' | 'activity_profile' | 'agent_profile';

export interface DocumentScope {
  kind: DocumentKind;
  activityId: string;
  agentKey: string;
  registration: string;
}

export interface StoredDocument {
  docId: string;
  content: Uint8Array;
  contentType: string;
  etag: string;
  updated: Date;
}

const scopeWhere = (s: DocumentScope): SQL =>
  sql`kind = ${s.kind} AND activity_id = ${s.activityId} AND agent_key = ${s.agentKey} AND registration = ${s.registration}`;

export function createLrsDocumentsRepository() {
  return {
    async get(db: Db, s: DocumentScope, docId: string, lock = false): Promise<StoredDocument | null> {
      const rows = await queryRows<{
        doc_id: string;
        content: Uint8Array;
        content_type: string;
        etag: string;
        updated: unknown;
      }>(
        db,
        sql`SELECT doc_id, content, content_type, etag, updated FROM lrs_documents
            WHERE ${scopeWhere(s)} AND doc_id = ${docId} ${lock ? sql`FOR UPDATE` : sql``}`,
      );
      const r = rows[0];
      if (!r) return null;
      return {
        docId: r.doc_id,
        content: new Uint8Array(r.content),
        contentType: r.content_type,
        etag: r.etag,
        updated: toDate(r.updated) as Date,
      };
    },

    async put(db: Db, s: DocumentScope, docId: string, d: Omit<StoredDocument, 'docId'>): Promise<void> {
      await db.execute(sql`INSERT INTO lrs_documents (kind, activity_id, agent_key, registration, doc_id, content,
          content_type, etag, updated)
        VALUES (${s.kind}, ${s.activityId}, ${s.agentKey}, ${s.registration}, ${docId}, ${Buffer.from(d.content)},
          ${d.contentType}, ${d.etag}, ${d.updated.toISOString()}::timestamptz)
        ON CONFLICT (kind, activity_id, agent_key, registration, doc_id) DO UPDATE SET content = EXCLUDED.content,
          content_type = EXCLUDED.content_type, etag = EXCLUDED.etag, updated = EXCLUDED.updated`);
    },

    async delete(db: Db, s: DocumentScope, docId?: string): Promise<void> {
      await db.execute(
        sql`DELETE FROM lrs_documents WHERE ${scopeWhere(s)} ${docId !== undefined ? sql`AND doc_id = ${docId}` : sql``}`,
      );
    },

    async ids(db: Db, s: DocumentScope, since?: Date): Promise<string[]> {
      const rows = await queryRows<{ doc_id: string }>(
        db,
        sql`SELECT doc_id FROM lrs_documents WHERE ${scopeWhere(s)}
            ${since ? sql`AND updated > ${since.toISOString()}::timestamptz` : sql``} ORDER BY doc_id`,
      );
      return rows.map((r) => r.doc_id);
    },

    /** Every document about these agent keys (the personal-data export and erasure). */
    async byAgentKeys(db: Db, keys: readonly string[]) {
      if (keys.length === 0) return [];
      return queryRows<{
        kind: string;
        activity_id: string;
        doc_id: string;
        content_type: string;
        updated: unknown;
      }>(
        db,
        sql`SELECT kind, activity_id, doc_id, content_type, updated FROM lrs_documents
            WHERE agent_key IN (${sql.join(
              keys.map((k) => sql`${k}`),
              sql`, `,
            )})`,
      );
    },

    async deleteByAgentKeys(db: Db, keys: readonly string[]): Promise<void> {
      if (keys.length === 0) return;
      await db.execute(
        sql`DELETE FROM lrs_documents WHERE agent_key IN (${sql.join(
          keys.map((k) => sql`${k}`),
          sql`, `,
        )})`,
      );
    },
  };
}
