import { sql } from 'drizzle-orm';
import { boolean, date, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const planTasks = pgTable('plan_tasks', {
  id: text('id').primaryKey(),
  sourceKey: text('source_key'),
  origin: text('origin').$type<'source' | 'added'>().notNull(),
  phase: text('phase').notNull(),
  section: text('section').notNull(),
  sectionTitle: text('section_title').notNull(),
  number: integer('number').notNull(),
  content: text('content').notNull(),
  product: text('product').notNull(),
  leadUnitsText: text('lead_units_text').notNull(),
  coordinatingUnitsText: text('coordinating_units_text').notNull(),
  leadGroups: text('lead_groups').array().notNull(),
  coordinatingGroups: text('coordinating_groups').array().notNull(),
  timeText: text('time_text').notNull(),
  timeKind: text('time_kind').notNull(),
  timeFrom: integer('time_from'),
  timeTo: integer('time_to'),
  searchFolded: text('search_folded').generatedAlwaysAs(sql`vn_fold(content || ' ' || product)`),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const planTaskUnits = pgTable(
  'plan_task_units',
  {
    taskId: text('task_id').notNull(),
    unitId: text('unit_id').notNull(),
    role: text('role').$type<'lead' | 'coordinating'>().notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.unitId, t.role] })],
);

export const planTaskInstances = pgTable('plan_task_instances', {
  id: text('id').primaryKey(),
  taskId: text('task_id').notNull(),
  year: integer('year').notNull(),
  dueDate: date('due_date'),
  status: text('status').notNull(),
  yearInferred: boolean('year_inferred').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const commemorativeDays = pgTable('commemorative_days', {
  id: text('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  month: integer('month').notNull(),
  day: integer('day').notNull(),
  endMonth: integer('end_month'),
  endDay: integer('end_day'),
  sourceNote: text('source_note'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
