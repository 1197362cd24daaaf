// SQL for news articles: writes (versioned), the workflow's state changes, the scheduled-publish sweep, staff
// and public listings with folded search, and the links other modules' pages ask for (plan task instances).
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { likeEscape, queryRows, textArray, toDate } from '../../db/sql.server.ts';
import { fold } from '../../lib/vn-text.ts';
import { newId } from './news.ids.server.ts';
import type { ArticleStatus, NewsCategory } from './news.vocab.ts';

export interface ArticleValues {
  unitId: string;
  title: string;
  summary: string;
  bodyHtml: string;
  category: NewsCategory;
  tags: string[];
  campaignId: string | null;
  eventIds: string[];
  exhibitionIds: string[];
  planInstanceIds: string[];
}

export interface ArticleRecord extends ArticleValues {
  id: string;
  authorId: string | null;
  status: ArticleStatus;
  publishAt: Date | null;
  publishedAt: Date | null;
  imageFileId: string | null;
  imageAlt: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ArticleFilter {
  q?: string | undefined;
  status?: ArticleStatus | undefined;
  category?: NewsCategory | undefined;
  tag?: string | undefined;
  campaignId?: string | undefined;
  /** Only these units' articles (staff lists); absent = every unit. */
  unitIds?: readonly string[] | undefined;
  publishedFrom?: Date | undefined;
  publishedTo?: Date | undefined;
  limit: number;
}

const COLUMNS = sql`id, unit_id AS "unitId", author_id AS "authorId", title, summary, body_html AS "bodyHtml",
  category, tags, campaign_id AS "campaignId", event_ids AS "eventIds", exhibition_ids AS "exhibitionIds",
  plan_instance_ids AS "planInstanceIds", status, publish_at AS "publishAt", published_at AS "publishedAt",
  image_file_id AS "imageFileId", image_alt AS "imageAlt", version, created_at AS "createdAt",
  updated_at AS "updatedAt"`;

function toRecord(r: ArticleRecord): ArticleRecord {
  return {
    ...r,
    tags: r.tags ?? [],
    eventIds: r.eventIds ?? [],
    exhibitionIds: r.exhibitionIds ?? [],
    planInstanceIds: r.planInstanceIds ?? [],
    publishAt: toDate(r.publishAt),
    publishedAt: toDate(r.publishedAt),
    createdAt: toDate(r.createdAt) as Date,
    updatedAt: toDate(r.updatedAt) as Date,
  };
}

const searchText = (v: ArticleValues) => fold(`${v.title} ${v.summary} ${v.tags.join(' ')}`);

function assignments(v: ArticleValues): SQL {
  return sql`unit_id = ${v.unitId}, title = ${v.title}, summary = ${v.summary}, body_html = ${v.bodyHtml},
    category = ${v.category}, tags = ${textArray(v.tags)}::text[], campaign_id = ${v.campaignId},
    event_ids = ${textArray(v.eventIds)}::text[], exhibition_ids = ${textArray(v.exhibitionIds)}::text[],
    plan_instance_ids = ${textArray(v.planInstanceIds)}::text[], search_folded = ${searchText(v)}`;
}

function where(f: ArticleFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.status) parts.push(sql`status = ${f.status}`);
  if (f.category) parts.push(sql`category = ${f.category}`);
  if (f.tag) parts.push(sql`${f.tag} = ANY(tags)`);
  if (f.campaignId) parts.push(sql`campaign_id = ${f.campaignId}`);
  if (f.unitIds) parts.push(sql`unit_id = ANY(${textArray(f.unitIds)}::text[])`);
  if (f.publishedFrom) parts.push(sql`published_at >= ${f.publishedFrom.toISOString()}`);
  if (f.publishedTo) parts.push(sql`published_at < ${f.publishedTo.toISOString()}`);
  for (const word of fold(f.q ?? '')
    .split(' ')
    .filter(Boolean))
    parts.push(sql`search_folded LIKE ${`%${likeEscape(word)}%`}`);
  return sql.join(parts, sql` AND `);
}

export function createNewsRepository() {
  return {
    async insert(db: Db, v: ArticleValues, authorId: string | null): Promise<string> {
      const id = newId('art');
      await db.execute(sql`INSERT INTO news_articles (id, author_id, unit_id, title, category)
        VALUES (${id}, ${authorId}, ${v.unitId}, ${v.title}, ${v.category})`);
      await db.execute(sql`UPDATE news_articles SET ${assignments(v)} WHERE id = ${id}`);
      return id;
    },

    /** Saves the fields when `version` is still the stored one; false when someone saved first. */
    async update(db: Db, id: string, v: ArticleValues, version: number): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE news_articles SET ${assignments(v)}, version = version + 1, updated_at = now()
          WHERE id = ${id} AND version = ${version} RETURNING id`,
      );
      return rows.length === 1;
    },

    async setStatus(
      db: Db,
      id: string,
      version: number,
      s: { status: ArticleStatus; publishAt: Date | null; publishedAt: Date | null },
    ): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE news_articles SET status = ${s.status}, publish_at = ${s.publishAt?.toISOString() ?? null},
          published_at = ${s.publishedAt?.toISOString() ?? null}, version = version + 1, updated_at = now()
          WHERE id = ${id} AND version = ${version} RETURNING id`,
      );
      return rows.length === 1;
    },

    async setImage(db: Db, id: string, fileId: string | null, alt: string | null): Promise<void> {
      await db.execute(sql`UPDATE news_articles SET image_file_id = ${fileId}, image_alt = ${alt},
        version = version + 1, updated_at = now() WHERE id = ${id}`);
    },

    /** Scheduled articles whose time has come become published (at their scheduled time); their ids. */
    async publishDue(db: Db, now: Date): Promise<string[]> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE news_articles SET status = 'published', published_at = publish_at, version = version + 1,
          updated_at = now() WHERE status = 'scheduled' AND publish_at <= ${now.toISOString()} RETURNING id`,
      );
      return rows.map((r) => r.id);
    },

    async byId(db: Db, id: string): Promise<ArticleRecord | undefined> {
      const rows = await queryRows<ArticleRecord>(
        db,
        sql`SELECT ${COLUMNS} FROM news_articles WHERE id = ${id}`,
      );
      return rows[0] ? toRecord(rows[0]) : undefined;
    },

    async lock(db: Db, id: string): Promise<ArticleRecord | undefined> {
      const rows = await queryRows<ArticleRecord>(
        db,
        sql`SELECT ${COLUMNS} FROM news_articles WHERE id = ${id} FOR UPDATE`,
      );
      return rows[0] ? toRecord(rows[0]) : undefined;
    },

    /** Staff list: newest change first. */
    async list(db: Db, f: ArticleFilter): Promise<ArticleRecord[]> {
      const rows = await queryRows<ArticleRecord>(
        db,
        sql`SELECT ${COLUMNS} FROM news_articles WHERE ${where(f)} ORDER BY updated_at DESC, id LIMIT ${f.limit}`,
      );
      return rows.map(toRecord);
    },

    /** Published articles, newest first. */
    async listPublished(db: Db, f: ArticleFilter): Promise<ArticleRecord[]> {
      const rows = await queryRows<ArticleRecord>(
        db,
        sql`SELECT ${COLUMNS} FROM news_articles WHERE status = 'published' AND ${where(f)}
          ORDER BY published_at DESC, id LIMIT ${f.limit}`,
      );
      return rows.map(toRecord);
    },

    /** Published articles linked to any of these plan task instances (the plan's evidence). */
    async forPlanInstances(db: Db, instanceIds: readonly string[]) {
      if (instanceIds.length === 0) return [];
      const rows = await queryRows<ArticleRecord>(
        db,
        sql`SELECT ${COLUMNS} FROM news_articles WHERE plan_instance_ids && ${textArray(instanceIds)}::text[]
          ORDER BY created_at DESC`,
      );
      return rows.map(toRecord);
    },

    /** Articles this account wrote (data-subject access). */
    async authoredBy(db: Db, userId: string) {
      return queryRows<{ id: string; title: string; status: string; createdAt: Date }>(
        db,
        sql`SELECT id, title, status, created_at AS "createdAt" FROM news_articles WHERE author_id = ${userId}`,
      );
    },

    async forgetAuthor(db: Db, userId: string): Promise<void> {
      await db.execute(sql`UPDATE news_articles SET author_id = NULL WHERE author_id = ${userId}`);
    },

    /** Published articles per unit or category in [from, to) (indicators). */
    async countPublished(
      db: Db,
      q: { from: Date; to: Date; unitIds?: readonly string[] | undefined; by?: 'unit' | 'category' },
    ): Promise<Array<{ key: string | null; value: number }>> {
      const key = q.by === 'unit' ? sql`unit_id` : q.by === 'category' ? sql`category` : sql`NULL::text`;
      const unit = q.unitIds ? sql`AND unit_id = ANY(${textArray(q.unitIds)}::text[])` : sql``;
      return queryRows(
        db,
        sql`SELECT ${key} AS key, count(*)::int AS value FROM news_articles
          WHERE status = 'published' AND published_at >= ${q.from.toISOString()}
            AND published_at < ${q.to.toISOString()} ${unit} GROUP BY 1 ORDER BY 1`,
      );
    },
  };
}
