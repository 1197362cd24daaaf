// SQL for the consent ledger (append-only: a trigger refuses UPDATE and DELETE) and the notice texts it cites.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { textList } from '../../db/personal-data.server.ts';
import { queryRows, toDate } from '../../db/sql.server.ts';
import { newId } from './privacy.ids.server.ts';

export type ConsentAction = 'given' | 'withdrawn';
export type ConsentChannel = 'web' | 'account' | 'guest-form' | 'desk' | 'api';

export interface ConsentEntry {
  id: string;
  purpose: string;
  action: ConsentAction;
  learnerId: string | null;
  contactHash: string | null;
  actorUserId: string | null;
  subjectRef: string | null;
  noticeVersion: string;
  channel: ConsentChannel;
  at: Date;
}

const COLS = sql`id, purpose, action, learner_id AS "learnerId", contact_hash AS "contactHash",
  actor_user_id AS "actorUserId", subject_ref AS "subjectRef", notice_version AS "noticeVersion", channel, at`;
const row = (r: ConsentEntry): ConsentEntry => ({ ...r, at: toDate(r.at)! });

export function createConsentsRepository() {
  return {
    async saveNotice(db: Db, purpose: string, version: string, text: string): Promise<void> {
      await db.execute(sql`INSERT INTO consent_notices (purpose, version, text_vi) VALUES (${purpose}, ${version}, ${text})
        ON CONFLICT (purpose, version) DO NOTHING`);
    },
    async notice(db: Db, purpose: string, version: string): Promise<string | null> {
      const rows = await queryRows<{ text: string }>(
        db,
        sql`SELECT text_vi AS text FROM consent_notices WHERE purpose = ${purpose} AND version = ${version}`,
      );
      return rows[0]?.text ?? null;
    },
    async append(db: Db, e: Omit<ConsentEntry, 'id'>): Promise<string> {
      const id = newId('cld');
      await db.execute(sql`INSERT INTO consent_ledger (id, purpose, action, learner_id, contact_hash, actor_user_id,
          subject_ref, notice_version, channel, at)
        VALUES (${id}, ${e.purpose}, ${e.action}, ${e.learnerId}, ${e.contactHash}, ${e.actorUserId}, ${e.subjectRef},
          ${e.noticeVersion}, ${e.channel}, ${e.at.toISOString()})`);
      return id;
    },
    /** The whole history for these learners or contact hashes, oldest first. */
    async history(
      db: Db,
      learnerIds: readonly string[],
      contactHashes: readonly string[],
    ): Promise<ConsentEntry[]> {
      if (!learnerIds.length && !contactHashes.length) return [];
      const rows = await queryRows<ConsentEntry>(
        db,
        sql`SELECT ${COLS} FROM consent_ledger
            WHERE learner_id = ANY(${textList(learnerIds)}) OR contact_hash = ANY(${textList(contactHashes)})
            ORDER BY seq`,
      );
      return rows.map(row);
    },
  };
}
