// SQL for the privacy module's own tables: public holidays and data-subject requests.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows, toDate, toDay } from '../../db/sql.server.ts';
import { newId } from './privacy.ids.server.ts';

export type RequestKind = 'access' | 'correction' | 'deletion' | 'restriction' | 'objection';

export interface PrivacyRequest {
  id: string;
  kind: RequestKind;
  userId: string | null;
  channel: 'account' | 'guest-form';
  details: string;
  status: 'received' | 'done' | 'rejected';
  receivedAt: Date;
  replyDue: string;
  completeDue: string;
  extended: boolean;
  completedAt: Date | null;
  outcome: string | null;
  /** A guest's verified contact (E.164 phone or e-mail); `[erased]` after a deletion is done. */
  contact: string | null;
}

const COLS = sql`id, kind, user_id AS "userId", channel, details, status, received_at AS "receivedAt",
  reply_due AS "replyDue", complete_due AS "completeDue", extended, completed_at AS "completedAt", outcome,
  contact`;
const row = (r: PrivacyRequest): PrivacyRequest => ({
  ...r,
  receivedAt: toDate(r.receivedAt)!,
  completedAt: toDate(r.completedAt),
  replyDue: toDay(r.replyDue)!,
  completeDue: toDay(r.completeDue)!,
});

export function createPrivacyRepository() {
  return {
    async holidays(db: Db, from: string, to: string): Promise<Set<string>> {
      const rows = await queryRows<{ day: unknown }>(
        db,
        sql`SELECT day FROM public_holidays WHERE day BETWEEN ${from}::date AND ${to}::date`,
      );
      return new Set(rows.map((r) => toDay(r.day)!));
    },
    async upsertHoliday(db: Db, day: string, name: string, confirmed: boolean): Promise<void> {
      await db.execute(sql`INSERT INTO public_holidays (day, name, confirmed) VALUES (${day}::date, ${name}, ${confirmed})
        ON CONFLICT (day) DO NOTHING`);
    },
    async insert(
      db: Db,
      v: Pick<
        PrivacyRequest,
        'kind' | 'userId' | 'channel' | 'details' | 'receivedAt' | 'replyDue' | 'completeDue'
      > & { contact?: string | null },
    ): Promise<string> {
      const id = newId('dsr');
      await db.execute(sql`INSERT INTO privacy_requests (id, kind, user_id, channel, details, received_at, reply_due,
          complete_due, contact)
        VALUES (${id}, ${v.kind}, ${v.userId}, ${v.channel}, ${v.details}, ${v.receivedAt.toISOString()},
          ${v.replyDue}::date, ${v.completeDue}::date, ${v.contact ?? null})`);
      return id;
    },
    async get(db: Db, id: string): Promise<PrivacyRequest | null> {
      const rows = await queryRows<PrivacyRequest>(
        db,
        sql`SELECT ${COLS} FROM privacy_requests WHERE id = ${id}`,
      );
      return rows[0] ? row(rows[0]) : null;
    },
    async open(db: Db): Promise<PrivacyRequest[]> {
      const rows = await queryRows<PrivacyRequest>(
        db,
        sql`SELECT ${COLS} FROM privacy_requests WHERE status = 'received' ORDER BY complete_due, received_at`,
      );
      return rows.map(row);
    },
    async ofUser(db: Db, userId: string): Promise<PrivacyRequest[]> {
      const rows = await queryRows<PrivacyRequest>(
        db,
        sql`SELECT ${COLS} FROM privacy_requests WHERE user_id = ${userId} ORDER BY received_at DESC`,
      );
      return rows.map(row);
    },
    /** One try at a guest's download link (migration 0180); rows older than `pruneBefore` go. */
    async recordExportTry(
      db: Db,
      t: { at: Date; ip: string | null; requestId: string | null; ok: boolean; pruneBefore: Date },
    ): Promise<void> {
      await db.execute(sql`INSERT INTO privacy_export_tries (at, ip, request_id, ok)
        VALUES (${t.at.toISOString()}, ${t.ip}, ${t.requestId}, ${t.ok})`);
      await db.execute(sql`DELETE FROM privacy_export_tries WHERE at < ${t.pruneBefore.toISOString()}`);
    },
    /** Wrong tries from this client IP, or downloads of this request, since `since`. */
    async countExportTries(
      db: Db,
      by: { failedFromIp: string } | { okForRequest: string },
      since: Date,
    ): Promise<number> {
      const where =
        'failedFromIp' in by
          ? sql`ip = ${by.failedFromIp} AND NOT ok`
          : sql`request_id = ${by.okForRequest} AND ok`;
      const rows = await queryRows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM privacy_export_tries WHERE ${where} AND at > ${since.toISOString()}`,
      );
      return Number(rows[0]?.n ?? 0);
    },
    /** After a guest's deletion: the request no longer names its author. */
    async eraseContact(db: Db, id: string): Promise<void> {
      await db.execute(sql`UPDATE privacy_requests SET contact = '[erased]', details = '' WHERE id = ${id}`);
    },
    async extend(db: Db, id: string, completeDue: string): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE privacy_requests SET extended = true, complete_due = ${completeDue}::date
            WHERE id = ${id} AND status = 'received' AND NOT extended RETURNING id`,
      );
      return rows.length > 0;
    },
    async complete(
      db: Db,
      id: string,
      status: 'done' | 'rejected',
      at: Date,
      by: string | null,
      outcome: string,
    ) {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE privacy_requests SET status = ${status}, completed_at = ${at.toISOString()}, completed_by = ${by},
              outcome = ${outcome}
            WHERE id = ${id} AND status = 'received' RETURNING id`,
      );
      return rows.length > 0;
    },
    /** Claims one deadline reminder (migration 0164); false when it was already sent. */
    async claimReminder(
      db: Db,
      requestId: string,
      stage: string,
      dueDay: string,
      at: Date,
    ): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`INSERT INTO privacy_request_reminders (request_id, stage, due_day, sent_at)
            VALUES (${requestId}, ${stage}, ${dueDay}::date, ${at.toISOString()})
            ON CONFLICT DO NOTHING RETURNING request_id AS id`,
      );
      return rows.length > 0;
    },
    /** The latest inactivity notice of each of these accounts (migration 0145), erased ones left out. */
    async inactivityNotices(db: Db, userIds: readonly string[]): Promise<Map<string, Date>> {
      if (!userIds.length) return new Map();
      const rows = await queryRows<{ userId: string; at: Date | string }>(
        db,
        sql`SELECT user_id AS "userId", notified_at AS at FROM privacy_inactivity_notices
            WHERE user_id = ANY(${sql.param([...userIds])}::text[]) AND erased_at IS NULL`,
      );
      return new Map(rows.map((r) => [r.userId, toDate(r.at)!]));
    },
    async recordInactivityNotice(db: Db, userId: string, at: Date, channel: string): Promise<void> {
      await db.execute(sql`INSERT INTO privacy_inactivity_notices (user_id, notified_at, channel)
        VALUES (${userId}, ${at}, ${channel})
        ON CONFLICT (user_id) DO UPDATE SET notified_at = excluded.notified_at, channel = excluded.channel,
          erased_at = NULL`);
    },
    async inactivityErased(db: Db, userIds: readonly string[], at: Date): Promise<void> {
      if (!userIds.length) return;
      await db.execute(sql`UPDATE privacy_inactivity_notices SET erased_at = ${at}
        WHERE user_id = ANY(${sql.param([...userIds])}::text[])`);
    },
  };
}
