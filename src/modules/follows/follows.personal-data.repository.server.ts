// What a person follows: exported, then deleted.
import { sql } from 'drizzle-orm';
import type { PersonalDataHandler } from '../../app/module.ts';
import { subjectUserIds, textList } from '../../db/personal-data.server.ts';
import { queryRows } from '../../db/sql.server.ts';

export const followsPersonalData: PersonalDataHandler = {
  inventory: [
    {
      table: 'follows',
      fields: ['user_id', 'target_kind', 'target_id'],
      purpose: 'privacy.inventory.follows.purpose',
      retention: 'privacy.inventory.account.retention',
      visibleTo: 'privacy.inventory.notifications.visibleTo',
    },
  ],
  async export(_deps, db, s) {
    return {
      follows: await queryRows(
        db,
        sql`SELECT target_kind, target_id, created_at FROM follows WHERE user_id = ANY(${textList(subjectUserIds(s))})`,
      ),
    };
  },
  async erase(_deps, db, s) {
    await db.execute(sql`DELETE FROM follows WHERE user_id = ANY(${textList(subjectUserIds(s))})`);
  },
};
