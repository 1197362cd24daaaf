// What the auth module holds about a person (the account, sessions, sign-in traces) and how it is erased: the
// users row is kept under a pseudonym (other rows point to its id) and can no longer sign in.
import { sql } from 'drizzle-orm';
import type { PersonalDataHandler } from '../../app/module.ts';
import { lowerEmails, subjectUserIds, textList } from '../../db/personal-data.server.ts';
import { queryRows } from '../../db/sql.server.ts';

export const authPersonalData: PersonalDataHandler = {
  inventory: [
    {
      table: 'users',
      fields: ['name', 'email'],
      purpose: 'privacy.inventory.account.purpose',
      retention: 'privacy.inventory.account.retention',
      visibleTo: 'privacy.inventory.account.visibleTo',
    },
    {
      table: 'sessions',
      fields: ['ip_address', 'user_agent'],
      purpose: 'privacy.inventory.sessions.purpose',
      retention: 'privacy.inventory.sessions.retention',
      visibleTo: 'privacy.inventory.account.visibleTo',
    },
  ],
  async export(_deps, db, s) {
    const ids = textList(subjectUserIds(s));
    return {
      users: await queryRows(db, sql`SELECT id, name, email, created_at FROM users WHERE id = ANY(${ids})`),
      sessions: await queryRows(
        db,
        sql`SELECT created_at, last_seen_at, ip_address, user_agent FROM sessions WHERE user_id = ANY(${ids})`,
      ),
    };
  },
  async erase(_deps, db, s) {
    const userIds = subjectUserIds(s);
    const ids = textList(userIds);
    const emails = await queryRows<{ email: string }>(
      db,
      sql`SELECT email FROM users WHERE id = ANY(${ids})`,
    );
    const all = textList([...new Set([...lowerEmails(s), ...emails.map((e) => e.email)])]);
    for (const t of ['sessions', 'accounts', 'two_factors'] as const) {
      await db.execute(sql`DELETE FROM ${sql.identifier(t)} WHERE user_id = ANY(${ids})`);
    }
    await db.execute(sql`DELETE FROM verifications WHERE identifier = ANY(${all}) OR value = ANY(${ids})`);
    await db.execute(sql`DELETE FROM login_failures WHERE email = ANY(${all})`);
    await db.execute(sql`DELETE FROM login_known_ips WHERE email = ANY(${all})`);
    await db.execute(sql`DELETE FROM login_failure_notices WHERE email = ANY(${all})`);
    await db.execute(sql`DELETE FROM password_reset_requests WHERE email = ANY(${all})`);
    await db.execute(sql`UPDATE users SET name = 'Người dùng đã xoá', email = 'erased-' || id || '@erased.invalid',
        image = NULL, updated_at = now() WHERE id = ANY(${ids})`);
  },
};
