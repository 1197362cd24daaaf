// SQL for MARC import jobs: progress, per-record errors (position + reason) and the resume offset, all
// updated in the same transaction as the batch of records they describe.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.server.ts';
import { queryRows } from '../../../db/sql.server.ts';

import { MAX_STORED_ERRORS } from '../catalogue.vocab.ts';
import type { LegacyEncoding } from './encodings.ts';

export { MAX_STORED_ERRORS };

export type ImportFormat = 'iso2709' | 'marcxml';
export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ImportError {
  /** Byte offset of the record (MARCXML jobs stored before offsets were bytes: its record number from 0). */
  position: number;
  /** The record's number in the file, from 1 (MARCXML). */
  number?: number;
  reason: string;
}

export interface ImportJob {
  id: string;
  fileName: string;
  format: ImportFormat;
  filePath: string | null;
  fileSize: number;
  unitId: string;
  publish: boolean;
  /** The declared 8-bit character set of an ISO 2709 upload; null: from the records themselves. */
  encoding: LegacyEncoding | null;
  status: ImportStatus;
  total: number | null;
  processed: number;
  imported: number;
  updated: number;
  skipped: number;
  failed: number;
  errors: ImportError[];
  resumeOffset: number;
  failure: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

export interface BatchProgress {
  processed: number;
  imported: number;
  updated: number;
  skipped: number;
  failed: number;
  errors: ImportError[];
  resumeOffset: number;
}

const SELECT_JOB = sql`SELECT id, file_name AS "fileName", format, file_path AS "filePath",
  file_size::float8 AS "fileSize", unit_id AS "unitId", publish, encoding, status, total, processed, imported, updated,
  skipped, failed, errors, resume_offset::float8 AS "resumeOffset", failure, created_by AS "createdBy",
  created_at AS "createdAt", updated_at AS "updatedAt", finished_at AS "finishedAt"
  FROM catalogue_import_jobs`;

function hydrate(r: ImportJob): ImportJob {
  return {
    ...r,
    fileSize: Number(r.fileSize),
    resumeOffset: Number(r.resumeOffset),
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
    finishedAt: r.finishedAt ? new Date(r.finishedAt) : null,
  };
}

export function createCatalogueImportRepository() {
  return {
    async create(
      db: Db,
      j: Pick<
        ImportJob,
        'id' | 'fileName' | 'format' | 'filePath' | 'fileSize' | 'unitId' | 'publish' | 'createdBy'
      > & { encoding?: LegacyEncoding | null | undefined },
    ): Promise<void> {
      await db.execute(sql`INSERT INTO catalogue_import_jobs (id, file_name, format, file_path, file_size, unit_id, publish, encoding, created_by)
        VALUES (${j.id}, ${j.fileName}, ${j.format}, ${j.filePath}, ${j.fileSize}, ${j.unitId}, ${j.publish}, ${j.encoding ?? null}, ${j.createdBy})`);
    },

    async get(db: Db, id: string): Promise<ImportJob | undefined> {
      const rows = await queryRows<ImportJob>(db, sql`${SELECT_JOB} WHERE id = ${id}`);
      return rows[0] ? hydrate(rows[0]) : undefined;
    },

    async list(db: Db, limit: number): Promise<ImportJob[]> {
      const rows = await queryRows<ImportJob>(
        db,
        sql`${SELECT_JOB} ORDER BY created_at DESC, id LIMIT ${limit}`,
      );
      return rows.map(hydrate);
    },

    /** Jobs a restart should pick up again (a crash leaves them `running`). */
    async unfinished(db: Db): Promise<string[]> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`SELECT id FROM catalogue_import_jobs WHERE status IN ('queued', 'running') ORDER BY created_at`,
      );
      return rows.map((r) => r.id);
    },

    async markRunning(db: Db, id: string): Promise<void> {
      await db.execute(
        sql`UPDATE catalogue_import_jobs SET status = 'running', updated_at = now() WHERE id = ${id}`,
      );
    },

    /** Adds one committed batch's counts and errors and moves the resume point past it. */
    async recordBatch(db: Db, id: string, b: BatchProgress): Promise<void> {
      await db.execute(sql`UPDATE catalogue_import_jobs SET
          processed = processed + ${b.processed}, imported = imported + ${b.imported}, updated = updated + ${b.updated},
          skipped = skipped + ${b.skipped}, failed = failed + ${b.failed},
          errors = CASE WHEN jsonb_array_length(errors) >= ${MAX_STORED_ERRORS} THEN errors
            ELSE (SELECT coalesce(jsonb_agg(e), '[]'::jsonb) FROM (
              SELECT e FROM jsonb_array_elements(errors || ${JSON.stringify(b.errors)}::jsonb) WITH ORDINALITY AS x(e, i)
              ORDER BY i LIMIT ${MAX_STORED_ERRORS}) y) END,
          resume_offset = ${b.resumeOffset}, updated_at = now()
        WHERE id = ${id}`);
    },

    /**
     * Bulk path (migration 0185): in this transaction, inserted records queue their postings and title pairs
     * instead of writing them (`flushDeferredPostings` builds them, sorted).
     */
    async deferPostings(db: Db): Promise<void> {
      await db.execute(sql`SELECT set_config('catalogue.defer_postings', 'on', true)`);
    },

    /** Builds the postings and title pairs of up to `limit` queued records; answers how many it dequeued. */
    async flushDeferredPostings(db: Db, limit: number): Promise<number> {
      const rows = await queryRows<{ n: number }>(db, sql`SELECT catalogue_postings_flush(${limit}) AS n`);
      return Number(rows[0]?.n ?? 0);
    },

    async finish(db: Db, id: string, status: 'done' | 'failed', failure: string | null): Promise<void> {
      await db.execute(sql`UPDATE catalogue_import_jobs SET status = ${status}, failure = ${failure},
          total = CASE WHEN ${status} = 'done' THEN processed ELSE total END, updated_at = now(), finished_at = now()
        WHERE id = ${id}`);
    },
  };
}
export type CatalogueImportRepository = ReturnType<typeof createCatalogueImportRepository>;
