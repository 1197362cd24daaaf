// SQL for spreadsheet (CSV/XLSX) imports: the draft with its columns and mapping, progress committed with
// each batch, the row-level validation report, and the lookups that make re-imports idempotent.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.server.ts';
import { queryRows, textArray } from '../../../db/sql.server.ts';
import type { RecordType } from '../catalogue.schemas.server.ts';
import type { CsvDelimiter, CsvEncoding } from './decode.server.ts';
import type { ColumnMapping, IssueCode, RowIssue } from './mapping.server.ts';
import type { TabularFormat } from './tabular.types.ts';

export type TabularStatus = 'draft' | 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface TabularImport {
  id: string;
  fileName: string;
  format: TabularFormat;
  encoding: CsvEncoding | null;
  delimiter: CsvDelimiter | null;
  filePath: string | null;
  fileSize: number;
  sha256: string;
  unitId: string;
  publish: boolean;
  defaultType: RecordType;
  columns: string[];
  mapping: ColumnMapping;
  totalRows: number;
  status: TabularStatus;
  processed: number;
  imported: number;
  updated: number;
  skipped: number;
  failed: number;
  warnings: number;
  resumeRow: number;
  failure: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface TabularBatch {
  processed: number;
  imported: number;
  updated: number;
  skipped: number;
  failed: number;
  warnings: number;
  resumeRow: number;
}

export interface StoredIssue {
  rowNumber: number;
  severity: 'error' | 'warning';
  code: IssueCode;
  params: Record<string, string | number>;
}

export interface TabularMatch {
  id: string;
  inventoryNo: string | null;
  controlNumber: string | null;
  controlSource: string | null;
  isbn: string | null;
  issn: string | null;
  sourceHash: string | null;
}

const SELECT = sql`SELECT id, file_name AS "fileName", format, encoding, delimiter, file_path AS "filePath",
  file_size::float8 AS "fileSize", sha256, unit_id AS "unitId", publish, default_type AS "defaultType", columns,
  mapping, total_rows AS "totalRows", status, processed, imported, updated, skipped, failed, warnings,
  resume_row AS "resumeRow", failure, created_by AS "createdBy", created_at AS "createdAt",
  updated_at AS "updatedAt", started_at AS "startedAt", finished_at AS "finishedAt"
  FROM catalogue_tabular_imports`;

const date = (d: Date | string | null) => (d ? new Date(d) : null);
function hydrate(r: TabularImport): TabularImport {
  return {
    ...r,
    fileSize: Number(r.fileSize),
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
    startedAt: date(r.startedAt),
    finishedAt: date(r.finishedAt),
  };
}

export function createCatalogueTabularRepository() {
  return {
    async create(
      db: Db,
      j: Pick<
        TabularImport,
        | 'id'
        | 'fileName'
        | 'format'
        | 'encoding'
        | 'delimiter'
        | 'filePath'
        | 'fileSize'
        | 'sha256'
        | 'unitId'
        | 'columns'
        | 'mapping'
        | 'totalRows'
        | 'createdBy'
      >,
    ): Promise<void> {
      await db.execute(sql`INSERT INTO catalogue_tabular_imports (id, file_name, format, encoding, delimiter,
          file_path, file_size, sha256, unit_id, columns, mapping, total_rows, created_by)
        VALUES (${j.id}, ${j.fileName}, ${j.format}, ${j.encoding}, ${j.delimiter}, ${j.filePath}, ${j.fileSize},
          ${j.sha256}, ${j.unitId}, ${JSON.stringify(j.columns)}::jsonb, ${JSON.stringify(j.mapping)}::jsonb,
          ${j.totalRows}, ${j.createdBy})`);
    },

    async get(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<TabularImport | undefined> {
      const rows = await queryRows<TabularImport>(
        db,
        sql`${SELECT} WHERE id = ${id} ${opts.lock ? sql`FOR UPDATE` : sql``}`,
      );
      return rows[0] ? hydrate(rows[0]) : undefined;
    },

    async list(db: Db, limit: number): Promise<TabularImport[]> {
      const rows = await queryRows<TabularImport>(
        db,
        sql`${SELECT} ORDER BY created_at DESC, id LIMIT ${limit}`,
      );
      return rows.map(hydrate);
    },

    /** Saves the mapping screen's choices; only a draft can still change. Answers whether it did. */
    async saveMapping(
      db: Db,
      id: string,
      m: { mapping: ColumnMapping; unitId: string; publish: boolean; defaultType: RecordType },
    ): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE catalogue_tabular_imports SET mapping = ${JSON.stringify(m.mapping)}::jsonb,
          unit_id = ${m.unitId}, publish = ${m.publish}, default_type = ${m.defaultType}, updated_at = now()
        WHERE id = ${id} AND status = 'draft' RETURNING id`,
      );
      return rows.length > 0;
    },

    async setStatus(
      db: Db,
      id: string,
      from: readonly TabularStatus[],
      to: 'queued' | 'running' | 'cancelled',
    ): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE catalogue_tabular_imports SET status = ${to}, updated_at = now(),
          started_at = CASE WHEN ${to} = 'running' THEN coalesce(started_at, now()) ELSE started_at END,
          file_path = CASE WHEN ${to} = 'cancelled' THEN NULL ELSE file_path END
        WHERE id = ${id} AND status = ANY(${textArray(from)}::text[]) RETURNING id`,
      );
      return rows.length > 0;
    },

    /** Adds one committed batch's counts and report lines and moves the resume point past it. */
    async recordBatch(db: Db, id: string, b: TabularBatch, issues: readonly RowIssue[]): Promise<void> {
      await db.execute(sql`UPDATE catalogue_tabular_imports SET processed = processed + ${b.processed},
          imported = imported + ${b.imported}, updated = updated + ${b.updated}, skipped = skipped + ${b.skipped},
          failed = failed + ${b.failed}, warnings = warnings + ${b.warnings}, resume_row = ${b.resumeRow},
          updated_at = now()
        WHERE id = ${id}`);
      if (issues.length === 0) return;
      const json = issues.map((i) => ({
        row_number: i.rowNumber,
        severity: i.severity,
        message_key: i.code,
        params: i.params,
      }));
      await db.execute(sql`INSERT INTO catalogue_tabular_row_issues (import_id, row_number, severity, message_key, params)
        SELECT ${id}, row_number, severity, message_key, params
        FROM jsonb_to_recordset(${JSON.stringify(json)}::jsonb)
          AS x(row_number integer, severity text, message_key text, params jsonb)
        ON CONFLICT DO NOTHING`);
    },

    async finish(db: Db, id: string, status: 'done' | 'failed', failure: string | null): Promise<void> {
      await db.execute(sql`UPDATE catalogue_tabular_imports SET status = ${status}, failure = ${failure},
          file_path = CASE WHEN ${status} = 'done' THEN NULL ELSE file_path END,
          updated_at = now(), finished_at = now()
        WHERE id = ${id}`);
    },

    async userExists(db: Db, userId: string): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`SELECT id FROM user_directory WHERE id = ${userId}`,
      );
      return rows.length > 0;
    },

    async listIssues(db: Db, id: string, limit: number): Promise<StoredIssue[]> {
      return queryRows<StoredIssue>(
        db,
        sql`SELECT row_number AS "rowNumber", severity, message_key AS code, params
        FROM catalogue_tabular_row_issues WHERE import_id = ${id}
        ORDER BY row_number, severity, message_key LIMIT ${limit}`,
      );
    },

    /**
     * Records of the unit a batch of rows may be a re-import of: same inventory number, same identifier
     * (imported from a spreadsheet), same ISBN, or (rows without any identifier) exactly the same content.
     */
    async findMatches(
      db: Db,
      unitId: string,
      keys: { inventoryNos: string[]; identifiers: string[]; isbns: string[]; hashes: string[] },
    ): Promise<TabularMatch[]> {
      const { inventoryNos, identifiers, isbns, hashes } = keys;
      if (inventoryNos.length + identifiers.length + isbns.length + hashes.length === 0) return [];
      return queryRows<TabularMatch>(
        db,
        sql`SELECT id, inventory_no AS "inventoryNo", control_number AS "controlNumber",
          control_source AS "controlSource", isbn, issn, source_hash AS "sourceHash"
        FROM catalogue_records
        WHERE unit_id = ${unitId} AND (
          inventory_no = ANY(${textArray(inventoryNos)}::text[])
          OR (control_source = 'tabular' AND control_number = ANY(${textArray(identifiers)}::text[]))
          OR isbn = ANY(${textArray(isbns)}::text[])
          OR (source = 'csv' AND source_hash = ANY(${textArray(hashes)}::text[])))`,
      );
    },
  };
}
export type CatalogueTabularRepository = ReturnType<typeof createCatalogueTabularRepository>;
