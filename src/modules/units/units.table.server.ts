// Drizzle view of the units tables (migrations 0001 and 0005). Dates are calendar days kept as 'YYYY-MM-DD'.
import { bigint, date, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const tz = { withTimezone: true } as const;
const day = { mode: 'string' } as const;

export const units = pgTable('units', {
  id: text('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  shortName: text('short_name'),
  kind: text('kind').notNull(),
  parentId: text('parent_id'),
  validFrom: date('valid_from', day).notNull(),
  /** First day the unit no longer operates (exclusive end); null while it operates. */
  validTo: date('valid_to', day),
  mergedIntoId: text('merged_into_id'),
  /** Optimistic version (0023): grows on every rename, move, merge, close or reopen. */
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
});

export const UNIT_CHANGES = ['create', 'rename', 'move', 'merge', 'absorb', 'close', 'reopen'] as const;
export type UnitChange = (typeof UNIT_CHANGES)[number];

export const unitHistory = pgTable('unit_history', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  unitId: text('unit_id').notNull(),
  change: text('change').$type<UnitChange>().notNull(),
  effectiveOn: date('effective_on', day).notNull(),
  oldName: text('old_name'),
  newName: text('new_name'),
  oldParentId: text('old_parent_id'),
  newParentId: text('new_parent_id'),
  mergedIntoId: text('merged_into_id'),
  mergedFromId: text('merged_from_id'),
  note: text('note'),
  recordedAt: timestamp('recorded_at', tz).notNull().defaultNow(),
});

export type UnitRow = typeof units.$inferSelect;
export type UnitHistoryRow = typeof unitHistory.$inferSelect;
