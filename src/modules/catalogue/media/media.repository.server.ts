// All SQL for images placed on catalogue records (the bytes and derivatives live in stored_files, 0008).
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.server.ts';
import { queryRows, textArray } from '../../../db/sql.server.ts';

export interface VariantInfo {
  width: number;
  height: number;
  size?: number;
  mime?: string;
}

/** An image as pages, the manifest and exhibitions show it: the placement, its texts and the file's sizes. */
export interface ImageView {
  id: string;
  fileId: string;
  position: number;
  altVi: string;
  altEn: string | null;
  captionVi: string | null;
  captionEn: string | null;
  mime: string;
  width: number | null;
  height: number | null;
  variants: Record<string, VariantInfo>;
}

export interface RecordImageRow extends ImageView {
  recordId: string;
  /** Optimistic version of the image's texts. */
  version: number;
}

export interface RecordImageValues {
  id: string;
  recordId: string;
  fileId: string;
  position: number;
  altVi: string;
  altEn: string | null;
  captionVi: string | null;
  captionEn: string | null;
  createdBy: string | null;
}

/** Columns of stored_files an image view needs; `f` is the stored_files alias. */
export const FILE_COLUMNS = sql.raw(
  `f.mime, f.width, f.height, coalesce(f.variants, '{}'::jsonb) AS variants`,
);

const SELECT_IMAGE = sql`SELECT i.id, i.record_id AS "recordId", i.file_id AS "fileId", i.position,
  i.alt_vi AS "altVi", i.alt_en AS "altEn", i.caption_vi AS "captionVi", i.caption_en AS "captionEn", i.version,
  ${FILE_COLUMNS} FROM catalogue_record_images i JOIN stored_file_directory f ON f.id = i.file_id`;

export function createCatalogueMediaRepository() {
  return {
    async listImages(db: Db, recordId: string): Promise<RecordImageRow[]> {
      return queryRows<RecordImageRow>(
        db,
        sql`${SELECT_IMAGE} WHERE i.record_id = ${recordId} ORDER BY i.position, i.id`,
      );
    },

    /** The first image of each record (thumbnails in lists, exhibitions). */
    async firstImages(db: Db, recordIds: readonly string[]): Promise<RecordImageRow[]> {
      if (recordIds.length === 0) return [];
      return queryRows<RecordImageRow>(
        db,
        sql`SELECT DISTINCT ON (i.record_id) i.id, i.record_id AS "recordId", i.file_id AS "fileId", i.position,
          i.alt_vi AS "altVi", i.alt_en AS "altEn", i.caption_vi AS "captionVi", i.caption_en AS "captionEn",
          i.version, ${FILE_COLUMNS} FROM catalogue_record_images i JOIN stored_file_directory f ON f.id = i.file_id
          WHERE i.record_id = ANY(${textArray(recordIds)}::text[])
          ORDER BY i.record_id, i.position, i.id`,
      );
    },

    async getImage(db: Db, imageId: string): Promise<RecordImageRow | undefined> {
      const rows = await queryRows<RecordImageRow>(db, sql`${SELECT_IMAGE} WHERE i.id = ${imageId}`);
      return rows[0];
    },

    /** Locks the record's image rows so concurrent reorders and inserts see one order. */
    async lockRecord(db: Db, recordId: string): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`SELECT id FROM catalogue_records WHERE id = ${recordId} FOR UPDATE`,
      );
      return rows.length > 0;
    },

    async nextPosition(db: Db, recordId: string): Promise<number> {
      const rows = await queryRows<{ n: number }>(
        db,
        sql`SELECT coalesce(max(position) + 1, 0)::int AS n FROM catalogue_record_images WHERE record_id = ${recordId}`,
      );
      return rows[0]?.n ?? 0;
    },

    async insertImage(db: Db, v: RecordImageValues): Promise<void> {
      await db.execute(sql`INSERT INTO catalogue_record_images
        (id, record_id, file_id, position, alt_vi, alt_en, caption_vi, caption_en, created_by)
        VALUES (${v.id}, ${v.recordId}, ${v.fileId}, ${v.position}, ${v.altVi}, ${v.altEn}, ${v.captionVi},
          ${v.captionEn}, ${v.createdBy})`);
    },

    /** Writes the texts only while the image is still at `version`; false when someone saved first. */
    async updateTexts(
      db: Db,
      imageId: string,
      t: { altVi: string; altEn: string | null; captionVi: string | null; captionEn: string | null },
      version: number,
    ): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE catalogue_record_images SET alt_vi = ${t.altVi}, alt_en = ${t.altEn},
        caption_vi = ${t.captionVi}, caption_en = ${t.captionEn}, version = version + 1, updated_at = now()
        WHERE id = ${imageId} AND version = ${version} RETURNING id`,
      );
      return rows.length > 0;
    },

    async deleteImage(db: Db, imageId: string): Promise<void> {
      await db.execute(sql`DELETE FROM catalogue_record_images WHERE id = ${imageId}`);
    },

    /** Writes positions 0..n-1 in the given order. */
    async setOrder(db: Db, recordId: string, orderedIds: readonly string[]): Promise<void> {
      if (orderedIds.length === 0) return;
      await db.execute(sql`UPDATE catalogue_record_images i SET position = o.ord - 1, updated_at = now()
        FROM unnest(${textArray(orderedIds)}::text[]) WITH ORDINALITY AS o(id, ord)
        WHERE i.id = o.id AND i.record_id = ${recordId}`);
    },
  };
}
export type CatalogueMediaRepository = ReturnType<typeof createCatalogueMediaRepository>;
