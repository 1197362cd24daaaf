// All SQL for virtual exhibitions: the exhibition, its ordered sections and the ordered items of a section.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows, textArray } from '../../db/sql.server.ts';
import { FILE_COLUMNS, type VariantInfo } from '../catalogue/media/media.repository.server.ts';
import type { ExhibitionStatus } from './exhibitions.schemas.server.ts';

export interface ExhibitionValues {
  id: string;
  slug: string;
  unitId: string;
  titleVi: string;
  titleEn: string | null;
  summaryVi: string | null;
  summaryEn: string | null;
  startDate: string | null;
  endDate: string | null;
}

export interface ExhibitionRow extends ExhibitionValues {
  unitName: string;
  status: ExhibitionStatus;
  publishedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  sectionCount: number;
}

export interface SectionValues {
  id: string;
  exhibitionId: string;
  position: number;
  headingVi: string;
  headingEn: string | null;
  bodyVi: string | null;
  bodyEn: string | null;
}

export interface ItemValues {
  id: string;
  sectionId: string;
  position: number;
  recordId: string | null;
  fileId: string | null;
  altVi: string | null;
  altEn: string | null;
  captionVi: string | null;
  captionEn: string | null;
}

/** An item with what a page needs: the record's title/type, or the uploaded image's file data. */
export interface ItemRow extends ItemValues {
  mime: string | null;
  width: number | null;
  height: number | null;
  variants: Record<string, VariantInfo> | null;
}

const SELECT_EXHIBITION = sql`SELECT e.id, e.slug, e.unit_id AS "unitId", u.name AS "unitName",
  e.title_vi AS "titleVi", e.title_en AS "titleEn", e.summary_vi AS "summaryVi", e.summary_en AS "summaryEn",
  to_char(e.start_date, 'YYYY-MM-DD') AS "startDate", to_char(e.end_date, 'YYYY-MM-DD') AS "endDate",
  e.status, e.published_at AS "publishedAt", e.version, e.created_at AS "createdAt", e.updated_at AS "updatedAt",
  (SELECT count(*)::int FROM exhibition_sections s WHERE s.exhibition_id = e.id) AS "sectionCount"
  FROM exhibitions e JOIN unit_directory u ON u.id = e.unit_id`;

function dates(r: ExhibitionRow): ExhibitionRow {
  return {
    ...r,
    publishedAt: r.publishedAt ? new Date(r.publishedAt) : null,
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
  };
}

export function createExhibitionsRepository() {
  async function one(db: Db, where: SQL): Promise<ExhibitionRow | undefined> {
    const rows = await queryRows<ExhibitionRow>(db, sql`${SELECT_EXHIBITION} WHERE ${where}`);
    return rows[0] ? dates(rows[0]) : undefined;
  }
  return {
    async slugTaken(db: Db, slug: string, exceptId?: string): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`SELECT id FROM exhibitions WHERE slug = ${slug} ${exceptId ? sql`AND id <> ${exceptId}` : sql``}`,
      );
      return rows.length > 0;
    },

    async insert(db: Db, v: ExhibitionValues, createdBy: string | null): Promise<void> {
      await db.execute(sql`INSERT INTO exhibitions
        (id, slug, unit_id, title_vi, title_en, summary_vi, summary_en, start_date, end_date, created_by)
        VALUES (${v.id}, ${v.slug}, ${v.unitId}, ${v.titleVi}, ${v.titleEn}, ${v.summaryVi}, ${v.summaryEn},
          ${v.startDate}::date, ${v.endDate}::date, ${createdBy})`);
    },

    /** Optimistic update: answers the new version, or undefined when someone changed it first. */
    async update(db: Db, v: ExhibitionValues, expectedVersion: number): Promise<number | undefined> {
      const rows = await queryRows<{ version: number }>(
        db,
        sql`UPDATE exhibitions SET slug = ${v.slug}, title_vi = ${v.titleVi}, title_en = ${v.titleEn},
          summary_vi = ${v.summaryVi}, summary_en = ${v.summaryEn}, start_date = ${v.startDate}::date,
          end_date = ${v.endDate}::date, version = version + 1, updated_at = now()
        WHERE id = ${v.id} AND version = ${expectedVersion} RETURNING version`,
      );
      return rows[0]?.version;
    },

    async setStatus(db: Db, id: string, status: ExhibitionStatus): Promise<void> {
      await db.execute(sql`UPDATE exhibitions SET status = ${status},
        published_at = CASE WHEN ${status} = 'published' THEN coalesce(published_at, now()) ELSE published_at END,
        version = version + 1, updated_at = now() WHERE id = ${id}`);
    },

    /** Bumps the version and locks the row: section and item edits serialise on their exhibition. */
    async touch(db: Db, id: string): Promise<void> {
      await db.execute(
        sql`UPDATE exhibitions SET version = version + 1, updated_at = now() WHERE id = ${id}`,
      );
    },

    /** Title, slug and status of these exhibitions, one query for the list (the exhibitions port). */
    async summaries(db: Db, ids: readonly string[]) {
      if (ids.length === 0) return [];
      return queryRows<{ id: string; slug: string; titleVi: string; status: ExhibitionStatus }>(
        db,
        sql`SELECT id, slug, title_vi AS "titleVi", status FROM exhibitions WHERE id = ANY(${textArray(ids)}::text[])`,
      );
    },

    get(db: Db, id: string): Promise<ExhibitionRow | undefined> {
      return one(db, sql`e.id = ${id}`);
    },

    bySlugOrId(db: Db, key: string): Promise<ExhibitionRow | undefined> {
      return one(db, sql`(e.slug = ${key} OR e.id = ${key})`);
    },

    async listPublished(db: Db, limit: number): Promise<ExhibitionRow[]> {
      const rows = await queryRows<ExhibitionRow>(
        db,
        sql`${SELECT_EXHIBITION} WHERE e.status = 'published' ORDER BY e.published_at DESC, e.id LIMIT ${limit}`,
      );
      return rows.map(dates);
    },

    /** Exhibitions of the units under `roots` (their whole subtrees), newest change first. */
    async listForUnits(db: Db, roots: readonly string[], limit: number): Promise<ExhibitionRow[]> {
      if (roots.length === 0) return [];
      const rows = await queryRows<ExhibitionRow>(
        db,
        sql`WITH RECURSIVE scope(id) AS (
            SELECT id FROM unit_directory WHERE id = ANY(${textArray(roots)}::text[])
            UNION SELECT u.id FROM unit_directory u JOIN scope s ON u.parent_id = s.id)
          ${SELECT_EXHIBITION} WHERE e.unit_id IN (SELECT id FROM scope)
          ORDER BY e.updated_at DESC, e.id LIMIT ${limit}`,
      );
      return rows.map(dates);
    },

    /** Published exhibitions showing a record (the record page links to them). */
    async publishedWithRecord(
      db: Db,
      recordId: string,
    ): Promise<Array<{ id: string; slug: string; titleVi: string; titleEn: string | null }>> {
      return queryRows(
        db,
        sql`SELECT DISTINCT e.id, e.slug, e.title_vi AS "titleVi", e.title_en AS "titleEn", e.published_at
          FROM exhibition_items i JOIN exhibition_sections s ON s.id = i.section_id
          JOIN exhibitions e ON e.id = s.exhibition_id
          WHERE i.record_id = ${recordId} AND e.status = 'published' ORDER BY e.published_at DESC, e.id`,
      );
    },

    async listSections(db: Db, exhibitionId: string): Promise<Array<SectionValues & { version: number }>> {
      return queryRows<SectionValues & { version: number }>(
        db,
        sql`SELECT id, exhibition_id AS "exhibitionId", position, heading_vi AS "headingVi",
          heading_en AS "headingEn", body_vi AS "bodyVi", body_en AS "bodyEn", version
        FROM exhibition_sections WHERE exhibition_id = ${exhibitionId} ORDER BY position, id`,
      );
    },

    async insertSection(db: Db, v: SectionValues): Promise<void> {
      await db.execute(sql`INSERT INTO exhibition_sections
        (id, exhibition_id, position, heading_vi, heading_en, body_vi, body_en)
        VALUES (${v.id}, ${v.exhibitionId}, ${v.position}, ${v.headingVi}, ${v.headingEn}, ${v.bodyVi}, ${v.bodyEn})`);
    },

    /** Writes the section only while it is still at `version`; false when someone saved first. */
    async updateSection(
      db: Db,
      v: Omit<SectionValues, 'position' | 'exhibitionId'>,
      version: number,
    ): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE exhibition_sections SET heading_vi = ${v.headingVi}, heading_en = ${v.headingEn},
        body_vi = ${v.bodyVi}, body_en = ${v.bodyEn}, version = version + 1, updated_at = now()
        WHERE id = ${v.id} AND version = ${version} RETURNING id`,
      );
      return rows.length > 0;
    },

    async deleteSection(db: Db, id: string): Promise<void> {
      await db.execute(sql`DELETE FROM exhibition_sections WHERE id = ${id}`);
    },

    /** Writes positions 0..n-1 in the given order (sections of one exhibition). */
    async orderSections(db: Db, exhibitionId: string, ids: readonly string[]): Promise<void> {
      if (ids.length === 0) return;
      await db.execute(sql`UPDATE exhibition_sections s SET position = o.ord - 1
        FROM unnest(${textArray(ids)}::text[]) WITH ORDINALITY AS o(id, ord)
        WHERE s.id = o.id AND s.exhibition_id = ${exhibitionId}`);
    },

    async listItems(db: Db, sectionIds: readonly string[]): Promise<ItemRow[]> {
      if (sectionIds.length === 0) return [];
      return queryRows<ItemRow>(
        db,
        sql`SELECT i.id, i.section_id AS "sectionId", i.position, i.record_id AS "recordId", i.file_id AS "fileId",
          i.alt_vi AS "altVi", i.alt_en AS "altEn", i.caption_vi AS "captionVi", i.caption_en AS "captionEn",
          ${FILE_COLUMNS}
        FROM exhibition_items i
          LEFT JOIN stored_file_directory f ON f.id = i.file_id
        WHERE i.section_id = ANY(${textArray(sectionIds)}::text[]) ORDER BY i.section_id, i.position, i.id`,
      );
    },

    async insertItem(db: Db, v: ItemValues): Promise<void> {
      await db.execute(sql`INSERT INTO exhibition_items
        (id, section_id, position, record_id, file_id, alt_vi, alt_en, caption_vi, caption_en)
        VALUES (${v.id}, ${v.sectionId}, ${v.position}, ${v.recordId}, ${v.fileId}, ${v.altVi}, ${v.altEn},
          ${v.captionVi}, ${v.captionEn})`);
    },

    async deleteItem(db: Db, id: string): Promise<void> {
      await db.execute(sql`DELETE FROM exhibition_items WHERE id = ${id}`);
    },

    async orderItems(db: Db, sectionId: string, ids: readonly string[]): Promise<void> {
      if (ids.length === 0) return;
      await db.execute(sql`UPDATE exhibition_items i SET position = o.ord - 1
        FROM unnest(${textArray(ids)}::text[]) WITH ORDINALITY AS o(id, ord)
        WHERE i.id = o.id AND i.section_id = ${sectionId}`);
    },
  };
}
export type ExhibitionsRepository = ReturnType<typeof createExhibitionsRepository>;
