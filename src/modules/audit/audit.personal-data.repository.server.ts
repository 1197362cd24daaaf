// The audit trail names who acted (id and, for staff, e-mail). It is exported; it is not erased (append-only).
import { sql } from 'drizzle-orm';
import type { PersonalDataHandler } from '../../app/module.ts';
import { subjectUserIds, textList } from '../../db/personal-data.server.ts';
import { queryRows } from '../../db/sql.server.ts';

export const auditPersonalData: PersonalDataHandler = {
  inventory: [
    {
      table: 'audit_log',
      fields: ['actor_id', 'actor_label'],
      purpose: 'privacy.inventory.audit.purpose',
      retention: 'privacy.inventory.audit.retention',
      visibleTo: 'privacy.inventory.audit.visibleTo',
    },
  ],
  async export(_deps, db, s) {
    return {
      audit_log: await queryRows(
        db,
        sql`SELECT at, action, entity_type, entity_id FROM audit_log
            WHERE actor_id = ANY(${textList(subjectUserIds(s))}) ORDER BY at`,
      ),
    };
  },
  async erase() {
    // audit_log is append-only (a trigger refuses UPDATE and DELETE): the trail of back-office acts is kept as
    // the legal record. It names citizens only by id; staff e-mail labels stay (the lawful basis of the record).
  },
};
