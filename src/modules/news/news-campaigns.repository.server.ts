// SQL for campaigns (a theme grouping articles, events and materials) and media products (reports, online
// talks) with their reach.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows, textArray, toDay } from '../../db/sql.server.ts';
import { fold } from '../../lib/vn-text.ts';
import { newId } from './news.ids.server.ts';
import type { MediaKind } from './news.vocab.ts';

export interface MaterialLink {
  title: string;
  url: string;
}

export interface CampaignValues {
  unitId: string;
  title: string;
  summary: string;
  startsOn: string | null;
  endsOn: string | null;
  materialLinks: MaterialLink[];
  eventIds: string[];
}

export interface CampaignRecord extends CampaignValues {
  id: string;
  version: number;
}

export interface MediaValues {
  unitId: string;
  kind: MediaKind;
  title: string;
  outlet: string;
  url: string | null;
  releasedOn: string;
  reach: number;
  campaignId: string | null;
  planInstanceIds: string[];
}

export interface MediaRecord extends MediaValues {
  id: string;
  version: number;
}

const CAMPAIGN_COLUMNS = sql`id, unit_id AS "unitId", title, summary, starts_on AS "startsOn", ends_on AS "endsOn",
  material_links AS "materialLinks", event_ids AS "eventIds", version`;
const MEDIA_COLUMNS = sql`id, unit_id AS "unitId", kind, title, outlet, url, released_on AS "releasedOn", reach,
  campaign_id AS "campaignId", plan_instance_ids AS "planInstanceIds", version`;

const toCampaign = (r: CampaignRecord): CampaignRecord => ({
  ...r,
  startsOn: toDay(r.startsOn),
  endsOn: toDay(r.endsOn),
  materialLinks: (typeof r.materialLinks === 'string' ? JSON.parse(r.materialLinks) : r.materialLinks) ?? [],
  eventIds: r.eventIds ?? [],
});
const toMedia = (r: MediaRecord): MediaRecord => ({
  ...r,
  releasedOn: toDay(r.releasedOn) as string,
  planInstanceIds: r.planInstanceIds ?? [],
});

export function createNewsCampaignsRepository() {
  return {
    async insert(db: Db, v: CampaignValues): Promise<string> {
      const id = newId('cmp');
      await db.execute(sql`INSERT INTO news_campaigns (id, unit_id, title, summary, starts_on, ends_on,
        material_links, event_ids) VALUES (${id}, ${v.unitId}, ${v.title}, ${v.summary}, ${v.startsOn}, ${v.endsOn},
        ${JSON.stringify(v.materialLinks)}::jsonb, ${textArray(v.eventIds)}::text[])`);
      return id;
    },
    async update(db: Db, id: string, v: CampaignValues, version: number): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE news_campaigns SET unit_id = ${v.unitId}, title = ${v.title}, summary = ${v.summary},
          starts_on = ${v.startsOn}, ends_on = ${v.endsOn}, material_links = ${JSON.stringify(v.materialLinks)}::jsonb,
          event_ids = ${textArray(v.eventIds)}::text[], version = version + 1, updated_at = now()
          WHERE id = ${id} AND version = ${version} RETURNING id`,
      );
      return rows.length === 1;
    },
    async byId(db: Db, id: string): Promise<CampaignRecord | undefined> {
      const rows = await queryRows<CampaignRecord>(
        db,
        sql`SELECT ${CAMPAIGN_COLUMNS} FROM news_campaigns WHERE id = ${id}`,
      );
      return rows[0] ? toCampaign(rows[0]) : undefined;
    },
    async list(db: Db): Promise<CampaignRecord[]> {
      const rows = await queryRows<CampaignRecord>(
        db,
        sql`SELECT ${CAMPAIGN_COLUMNS} FROM news_campaigns ORDER BY starts_on DESC NULLS LAST, title`,
      );
      return rows.map(toCampaign);
    },

    async insertMedia(db: Db, v: MediaValues): Promise<string> {
      const id = newId('mdp');
      await db.execute(sql`INSERT INTO news_media_products (id, unit_id, kind, title, outlet, url, released_on,
        reach, campaign_id, plan_instance_ids, search_folded) VALUES (${id}, ${v.unitId}, ${v.kind}, ${v.title},
        ${v.outlet}, ${v.url}, ${v.releasedOn}, ${v.reach}, ${v.campaignId}, ${textArray(v.planInstanceIds)}::text[],
        ${fold(`${v.title} ${v.outlet}`)})`);
      return id;
    },
    async mediaFor(db: Db, f: { campaignId?: string; unitIds?: readonly string[] }): Promise<MediaRecord[]> {
      const parts = [sql`true`];
      if (f.campaignId) parts.push(sql`campaign_id = ${f.campaignId}`);
      if (f.unitIds) parts.push(sql`unit_id = ANY(${textArray(f.unitIds)}::text[])`);
      const rows = await queryRows<MediaRecord>(
        db,
        sql`SELECT ${MEDIA_COLUMNS} FROM news_media_products WHERE ${sql.join(parts, sql` AND `)}
          ORDER BY released_on DESC LIMIT 500`,
      );
      return rows.map(toMedia);
    },
    /** Reach of media products released in [from, to) (indicators), per unit when asked. */
    async reach(
      db: Db,
      q: { from: string; to: string; unitIds?: readonly string[] | undefined; byUnit: boolean },
    ) {
      const unit = q.unitIds ? sql`AND unit_id = ANY(${textArray(q.unitIds)}::text[])` : sql``;
      const key = q.byUnit ? sql`unit_id` : sql`NULL::text`;
      return queryRows<{ key: string | null; value: number }>(
        db,
        sql`SELECT ${key} AS key, coalesce(sum(reach), 0)::int AS value FROM news_media_products
          WHERE released_on >= ${q.from} AND released_on < ${q.to} ${unit} GROUP BY 1 ORDER BY 1`,
      );
    },
  };
}
