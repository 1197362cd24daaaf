// SQL for international cooperation: partners, activities and their documents.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { likeEscape, queryRows, textArray, toDate, toDay } from '../../db/sql.server.ts';
import { fold } from '../../lib/vn-text.ts';
import { newId } from './cooperation.ids.server.ts';
import type { CoopKind } from './cooperation.vocab.ts';
import { countryName } from './countries.ts';

export interface PartnerValues {
  unitId: string;
  name: string;
  country: string;
  website: string | null;
  note: string;
}
export interface PartnerRecord extends PartnerValues {
  id: string;
  version: number;
}

export interface ActivityValues {
  unitId: string;
  kind: CoopKind;
  title: string;
  country: string;
  startsOn: string;
  endsOn: string;
  partnerIds: string[];
  staffUserIds: string[];
  externalNames: string[];
  outcomes: string;
  planInstanceIds: string[];
}
export interface ActivityRecord extends ActivityValues {
  id: string;
  version: number;
  createdAt: Date;
}

const P_COLS = sql`id, unit_id AS "unitId", name, country, website, note, version`;
const A_COLS = sql`id, unit_id AS "unitId", kind, title, country, starts_on AS "startsOn", ends_on AS "endsOn",
  partner_ids AS "partnerIds", staff_user_ids AS "staffUserIds", external_names AS "externalNames", outcomes,
  plan_instance_ids AS "planInstanceIds", version, created_at AS "createdAt"`;

const toActivity = (r: ActivityRecord): ActivityRecord => ({
  ...r,
  startsOn: toDay(r.startsOn) as string,
  endsOn: toDay(r.endsOn) as string,
  partnerIds: r.partnerIds ?? [],
  staffUserIds: r.staffUserIds ?? [],
  externalNames: r.externalNames ?? [],
  planInstanceIds: r.planInstanceIds ?? [],
  createdAt: toDate(r.createdAt) as Date,
});

const partnerFolded = (v: PartnerValues) =>
  fold(`${v.name} ${v.country} ${countryName(v.country)} ${v.note}`);
/** The partners' names are folded in too, so a search for a partner finds its activities. */
const activityFolded = (v: ActivityValues, partnerNames: readonly string[]) =>
  fold(
    `${v.title} ${countryName(v.country)} ${v.outcomes} ${v.externalNames.join(' ')} ${partnerNames.join(' ')}`,
  );

const words = (q: string | undefined) =>
  fold(q ?? '')
    .split(' ')
    .filter(Boolean)
    .map((w) => sql`search_folded LIKE ${`%${likeEscape(w)}%`}`);

export function createCooperationRepository() {
  return {
    async insertPartner(db: Db, v: PartnerValues, createdBy: string | null): Promise<string> {
      const id = newId('cpar');
      await db.execute(sql`INSERT INTO coop_partners (id, unit_id, name, country, website, note, search_folded,
        created_by) VALUES (${id}, ${v.unitId}, ${v.name}, ${v.country}, ${v.website}, ${v.note},
        ${partnerFolded(v)}, ${createdBy})`);
      return id;
    },
    async updatePartner(db: Db, id: string, v: PartnerValues, version: number): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE coop_partners SET unit_id = ${v.unitId}, name = ${v.name}, country = ${v.country},
          website = ${v.website}, note = ${v.note}, search_folded = ${partnerFolded(v)}, version = version + 1,
          updated_at = now() WHERE id = ${id} AND version = ${version} RETURNING id`,
      );
      return rows.length === 1;
    },
    async partnerById(db: Db, id: string): Promise<PartnerRecord | undefined> {
      return (
        await queryRows<PartnerRecord>(db, sql`SELECT ${P_COLS} FROM coop_partners WHERE id = ${id}`)
      )[0];
    },
    async partners(db: Db, f: { q?: string | undefined; ids?: readonly string[] } = {}) {
      const parts = [sql`true`, ...words(f.q)];
      if (f.ids) parts.push(sql`id = ANY(${textArray(f.ids)}::text[])`);
      return queryRows<PartnerRecord>(
        db,
        sql`SELECT ${P_COLS} FROM coop_partners WHERE ${sql.join(parts, sql` AND `)} ORDER BY name, id LIMIT 1000`,
      );
    },
    async insertActivity(db: Db, v: ActivityValues, partnerNames: string[], by: string | null) {
      const id = newId('cact');
      await db.execute(sql`INSERT INTO coop_activities (id, unit_id, kind, title, country, starts_on, ends_on,
        partner_ids, staff_user_ids, external_names, outcomes, plan_instance_ids, search_folded, created_by)
        VALUES (${id}, ${v.unitId}, ${v.kind}, ${v.title}, ${v.country}, ${v.startsOn}, ${v.endsOn},
        ${textArray(v.partnerIds)}::text[], ${textArray(v.staffUserIds)}::text[],
        ${textArray(v.externalNames)}::text[], ${v.outcomes}, ${textArray(v.planInstanceIds)}::text[],
        ${activityFolded(v, partnerNames)}, ${by})`);
      return id;
    },
    async updateActivity(db: Db, id: string, v: ActivityValues, partnerNames: string[], version: number) {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE coop_activities SET unit_id = ${v.unitId}, kind = ${v.kind}, title = ${v.title},
          country = ${v.country}, starts_on = ${v.startsOn}, ends_on = ${v.endsOn},
          partner_ids = ${textArray(v.partnerIds)}::text[], staff_user_ids = ${textArray(v.staffUserIds)}::text[],
          external_names = ${textArray(v.externalNames)}::text[], outcomes = ${v.outcomes},
          plan_instance_ids = ${textArray(v.planInstanceIds)}::text[],
          search_folded = ${activityFolded(v, partnerNames)}, version = version + 1, updated_at = now()
          WHERE id = ${id} AND version = ${version} RETURNING id`,
      );
      return rows.length === 1;
    },
    async activityById(db: Db, id: string): Promise<ActivityRecord | undefined> {
      const rows = await queryRows<ActivityRecord>(
        db,
        sql`SELECT ${A_COLS} FROM coop_activities WHERE id = ${id}`,
      );
      return rows[0] ? toActivity(rows[0]) : undefined;
    },
    async activities(
      db: Db,
      f: {
        q?: string | undefined;
        kind?: CoopKind | undefined;
        unitIds: readonly string[] | null;
        limit: number;
      },
    ) {
      const parts = [sql`true`, ...words(f.q)];
      if (f.kind) parts.push(sql`kind = ${f.kind}`);
      if (f.unitIds) parts.push(sql`unit_id = ANY(${textArray(f.unitIds)}::text[])`);
      const rows = await queryRows<ActivityRecord>(
        db,
        sql`SELECT ${A_COLS} FROM coop_activities WHERE ${sql.join(parts, sql` AND `)}
          ORDER BY starts_on DESC, id LIMIT ${f.limit}`,
      );
      return rows.map(toActivity);
    },
    async forPlanInstances(db: Db, ids: readonly string[]) {
      if (ids.length === 0) return [];
      const rows = await queryRows<ActivityRecord>(
        db,
        sql`SELECT ${A_COLS} FROM coop_activities WHERE plan_instance_ids && ${textArray(ids)}::text[]
          ORDER BY starts_on DESC`,
      );
      return rows.map(toActivity);
    },
    async addDocument(db: Db, d: { activityId: string; fileId: string; title: string }, by: string | null) {
      const id = newId('cdoc');
      await db.execute(sql`INSERT INTO coop_documents (id, activity_id, file_id, title, created_by)
        VALUES (${id}, ${d.activityId}, ${d.fileId}, ${d.title}, ${by})`);
      return id;
    },
    async documents(db: Db, activityId: string) {
      const rows = await queryRows<{ id: string; fileId: string; title: string; createdAt: Date }>(
        db,
        sql`SELECT id, file_id AS "fileId", title, created_at AS "createdAt" FROM coop_documents
          WHERE activity_id = ${activityId} ORDER BY created_at, id`,
      );
      return rows.map((r) => ({ ...r, createdAt: toDate(r.createdAt) as Date }));
    },
    async documentById(db: Db, id: string) {
      const rows = await queryRows<{ id: string; activityId: string; fileId: string; title: string }>(
        db,
        sql`SELECT id, activity_id AS "activityId", file_id AS "fileId", title FROM coop_documents WHERE id = ${id}`,
      );
      return rows[0];
    },
    /** Activities whose first day falls in [from, to), in total, per unit or per kind. */
    async countActivities(
      db: Db,
      q: { from: string; to: string; unitIds?: readonly string[] | undefined; by?: 'unit' | 'kind' },
    ) {
      const unit = q.unitIds ? sql`AND unit_id = ANY(${textArray(q.unitIds)}::text[])` : sql``;
      const key = q.by === 'unit' ? sql`unit_id` : q.by === 'kind' ? sql`kind` : sql`NULL::text`;
      return queryRows<{ key: string | null; value: number }>(
        db,
        sql`SELECT ${key} AS key, count(*)::int AS value FROM coop_activities
          WHERE starts_on >= ${q.from} AND starts_on < ${q.to} ${unit} GROUP BY 1 ORDER BY 1`,
      );
    },
    async activitiesOfStaff(db: Db, userId: string) {
      return queryRows<{ id: string; title: string; startsOn: string }>(
        db,
        sql`SELECT id, title, starts_on AS "startsOn" FROM coop_activities WHERE ${userId} = ANY(staff_user_ids)`,
      );
    },
    async forgetStaff(db: Db, userId: string): Promise<void> {
      await db.execute(sql`UPDATE coop_activities SET staff_user_ids = array_remove(staff_user_ids, ${userId}),
        created_by = CASE WHEN created_by = ${userId} THEN NULL ELSE created_by END
        WHERE ${userId} = ANY(staff_user_ids) OR created_by = ${userId}`);
    },
  };
}
export type CooperationRepository = ReturnType<typeof createCooperationRepository>;
