// A person's private calendar-feed token: deleted on erasure (nothing personal to export beyond its existence).
import { sql } from 'drizzle-orm';
import type { PersonalDataHandler } from '../../app/module.ts';
import { subjectUserIds, textList } from '../../db/personal-data.server.ts';
import { queryRows } from '../../db/sql.server.ts';

export const eventFeedsPersonalData: PersonalDataHandler = {
  inventory: [
    {
      table: 'calendar_feed_tokens',
      fields: ['user_id', 'created_at', 'last_used_at'],
      purpose: 'privacy.inventory.feeds.purpose',
      retention: 'privacy.inventory.account.retention',
      visibleTo: 'privacy.inventory.notifications.visibleTo',
    },
  ],
  async export(_deps, db, s) {
    return {
      calendar_feed_tokens: await queryRows(
        db,
        sql`SELECT created_at, last_used_at FROM calendar_feed_tokens WHERE user_id = ANY(${textList(subjectUserIds(s))})`,
      ),
    };
  },
  async erase(_deps, db, s) {
    await db.execute(
      sql`DELETE FROM calendar_feed_tokens WHERE user_id = ANY(${textList(subjectUserIds(s))})`,
    );
  },
};
