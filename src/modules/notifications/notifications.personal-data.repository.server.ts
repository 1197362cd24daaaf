// In-app notifications belong to one account: exported, then deleted.
import { sql } from 'drizzle-orm';
import type { PersonalDataHandler } from '../../app/module.ts';
import { subjectUserIds, textList } from '../../db/personal-data.server.ts';
import { queryRows } from '../../db/sql.server.ts';

export const notificationsPersonalData: PersonalDataHandler = {
  inventory: [
    {
      table: 'notifications',
      fields: ['user_id', 'params', 'read_at'],
      purpose: 'privacy.inventory.notifications.purpose',
      retention: 'privacy.inventory.notifications.retention',
      visibleTo: 'privacy.inventory.notifications.visibleTo',
    },
  ],
  async export(_deps, db, s) {
    return {
      notifications: await queryRows(
        db,
        sql`SELECT kind, message_key, params, link, read_at, created_at FROM notifications
            WHERE user_id = ANY(${textList(subjectUserIds(s))}) ORDER BY created_at`,
      ),
    };
  },
  async erase(_deps, db, s) {
    await db.execute(sql`DELETE FROM notifications WHERE user_id = ANY(${textList(subjectUserIds(s))})`);
  },
};
