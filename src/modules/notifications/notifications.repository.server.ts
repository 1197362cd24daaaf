// SQL for in-app notifications: one row per message to one user, rendered in the reader's language.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows } from '../../db/sql.server.ts';
import type { MessageKey } from '../../lib/i18n.ts';
import { newId } from './notifications.ids.server.ts';

export interface NotificationInput {
  userId: string;
  kind: string;
  messageKey: MessageKey;
  params?: Record<string, string | number> | undefined;
  /** A path inside the site ('/admin/plan/…'). */
  link?: string | null | undefined;
  /** At most one notification with this key ever exists. */
  dedupeKey?: string | undefined;
}

export interface Notification {
  id: string;
  kind: string;
  messageKey: MessageKey;
  params: Record<string, string | number>;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
}

export function createNotificationsRepository() {
  return {
    /** Returns the new id, or null when a notification with the same dedupe key exists. */
    async create(db: Db, n: NotificationInput): Promise<string | null> {
      const id = newId('ntf');
      const link = n.link?.startsWith('/') && !n.link.startsWith('//') ? n.link : null;
      const rows = await queryRows<{ id: string }>(
        db,
        sql`INSERT INTO notifications (id, user_id, kind, message_key, params, link, dedupe_key)
            VALUES (${id}, ${n.userId}, ${n.kind}, ${n.messageKey}, ${JSON.stringify(n.params ?? {})}::jsonb,
                    ${link}, ${n.dedupeKey ?? null})
            ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      );
      return rows[0]?.id ?? null;
    },
    async list(db: Db, userId: string, limit = 50): Promise<Notification[]> {
      const rows = await queryRows<Notification>(
        db,
        sql`SELECT id, kind, message_key AS "messageKey", params, link, read_at AS "readAt", created_at AS "createdAt"
            FROM notifications WHERE user_id = ${userId} ORDER BY created_at DESC, id LIMIT ${limit}`,
      );
      return rows.map((r) => ({
        ...r,
        readAt: r.readAt ? new Date(r.readAt) : null,
        createdAt: new Date(r.createdAt),
      }));
    },
    async unreadCount(db: Db, userId: string): Promise<number> {
      const rows = await queryRows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM notifications WHERE user_id = ${userId} AND read_at IS NULL`,
      );
      return rows[0]?.n ?? 0;
    },
    async markAllRead(db: Db, userId: string, now: Date): Promise<number> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE notifications SET read_at = ${now} WHERE user_id = ${userId} AND read_at IS NULL RETURNING id`,
      );
      return rows.length;
    },
  };
}
export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;
