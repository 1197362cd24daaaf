// SQL for stored files (the bytes live on disk under DATA_DIR/files; see files.storage.ts).
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows } from '../../db/sql.server.ts';

export type FileVisibility = 'public' | 'private';
export type ImageVariant = 'thumb' | 'medium' | 'large';
export type VariantInfo = { width: number; height: number; size: number; mime: string; ext: string };

export interface StoredFile {
  id: string;
  kind: 'evidence' | 'image';
  visibility: FileVisibility;
  mime: string;
  extension: string;
  size: number;
  sha256: string;
  originalName: string;
  width: number | null;
  height: number | null;
  variants: Partial<Record<ImageVariant, VariantInfo>>;
  unitId: string | null;
  createdBy: string | null;
  createdAt: Date;
}

const COLUMNS = sql`id, kind, visibility, mime, extension, size::float8 AS size, sha256, original_name AS "originalName",
  width, height, variants, unit_id AS "unitId", created_by AS "createdBy", created_at AS "createdAt"`;

export function createFilesRepository() {
  return {
    async insert(db: Db, f: Omit<StoredFile, 'createdAt'>): Promise<void> {
      await db.execute(sql`INSERT INTO stored_files (id, kind, visibility, mime, extension, size, sha256,
          original_name, width, height, variants, unit_id, created_by)
        VALUES (${f.id}, ${f.kind}, ${f.visibility}, ${f.mime}, ${f.extension}, ${f.size}, ${f.sha256},
          ${f.originalName}, ${f.width}, ${f.height}, ${JSON.stringify(f.variants)}::jsonb, ${f.unitId}, ${f.createdBy})`);
    },
    async byId(db: Db, id: string): Promise<StoredFile | null> {
      const rows = await queryRows<StoredFile>(db, sql`SELECT ${COLUMNS} FROM stored_files WHERE id = ${id}`);
      const r = rows[0];
      return r ? { ...r, size: Number(r.size), createdAt: new Date(r.createdAt) } : null;
    },
    async setVisibility(db: Db, id: string, visibility: FileVisibility): Promise<void> {
      await db.execute(sql`UPDATE stored_files SET visibility = ${visibility} WHERE id = ${id}`);
    },
    async delete(db: Db, id: string): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`DELETE FROM stored_files WHERE id = ${id} RETURNING id`,
      );
      return rows.length > 0;
    },
  };
}
export type FilesRepository = ReturnType<typeof createFilesRepository>;
