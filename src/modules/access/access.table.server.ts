// Drizzle tables the access module reads and writes. `users` belongs to the auth module (migration 0002); the
// access module declares only the columns it uses, including the ones it added in 0003 (invited/disabled).
// `units` belongs to the units module; only the columns needed to name a grant's unit are declared here.
import { boolean, date, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const tz = { withTimezone: true } as const;

export const roleGrants = pgTable('role_grants', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull(),
  role: text('role').notNull(),
  unitId: text('unit_id').notNull(),
  grantedBy: text('granted_by'),
  grantedAt: timestamp('granted_at', tz).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', tz),
  revokedBy: text('revoked_by'),
});

export const accessUsers = pgTable('users', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  twoFactorEnabled: boolean('two_factor_enabled').notNull(),
  createdAt: timestamp('created_at', tz).notNull(),
  invitedAt: timestamp('invited_at', tz),
  invitedBy: text('invited_by'),
  disabledAt: timestamp('disabled_at', tz),
  disabledBy: text('disabled_by'),
});

export const unitNames = pgTable('units', {
  id: text('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  parentId: text('parent_id'),
  validTo: date('valid_to'),
});
