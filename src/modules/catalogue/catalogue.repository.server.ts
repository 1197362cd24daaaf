// All SQL for catalogue records, holdings and import jobs (search lives in catalogue.search.ts).
// Writes go through jsonb_to_recordset so a batch of 1,000 imported records is one statement on both drivers.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows, textArray } from '../../db/sql.server.ts';
import type { Availability, RecordType } from './catalogue.schemas.server.ts';
import { exactWordsText, foldedWords, foldWordsText, vnSortKeyOfWords, wordsText } from './catalogue.text.ts';
import type { MarcRecord } from './marc/marc.types.ts';

/** The columns a record write sets (ids and provenance included); search columns are derived here. */
export interface RecordValues {
  id: string;
  type: RecordType;
  title: string;
  creators: string[];
  subjects: string[];
  dateText: string | null;
  year: number | null;
  language: string | null;
  description: string | null;
  rights: string | null;
  unitId: string;
  isbn: string | null;
  issn: string | null;
  inventoryNo: string | null;
  controlNumber: string | null;
  controlSource: string | null;
  published: boolean;
  details: Record<string, unknown>;
  source: 'manual' | 'marc' | 'csv' | 'oai';
  sourceHash: string | null;
  /** The MARC record it was imported from; undefined leaves the stored one as it is (staff edits). */
  sourceMarc?: MarcRecord | null;
}

export interface HoldingValues {
  id: string;
  recordId: string;
  unitId: string;
  callNumber: string | null;
  location: string | null;
  barcode: string | null;
  availability: Availability;
}

export interface RecordRow extends RecordValues {
  unitName: string;
  availability: string[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ExportRow extends RecordRow {
  sourceMarc: MarcRecord | null;
}

/** The SQL for a record's new source MARC: a JSON value, SQL NULL, or (undefined) the current one. */
function sourceMarcSql(m: MarcRecord | null | undefined): SQL {
  if (m === undefined) return sql`source_marc`;
  return m === null ? sql`NULL` : sql`${JSON.stringify(m)}::jsonb`;
}

export interface HoldingRow extends HoldingValues {
  unitName: string;
}

/**
 * Search columns of a record: the folded words the stored vector (and so the postings) are made of — folded
 * here by the same `fold()` the query side uses (migration 0018) — and the exact-match ranking text.
 */
export function searchColumns(
  v: Pick<RecordValues, 'title' | 'creators' | 'subjects' | 'isbn' | 'issn' | 'inventoryNo'>,
) {
  // Each text is cleaned once and reused (imports run this for every record).
  const title = wordsText(v.title);
  const people = [...v.creators, ...v.subjects].map(wordsText).filter(Boolean);
  const ids = [v.isbn ?? '', v.issn ?? '', v.inventoryNo ?? ''].map(wordsText).filter(Boolean);
  return {
    search_title: foldWordsText(title),
    search_extra: foldWordsText([...people, ...ids].join(' ')),
    search_exact: exactWordsText([title, ...people]),
    title_sort: vnSortKeyOfWords(title),
  };
}

/** Folded distinct words a record adds to the typo-correction dictionary. */
export function recordWords(v: Pick<RecordValues, 'title' | 'creators' | 'subjects'>): string[] {
  return foldedWords([v.title, ...v.creators, ...v.subjects]);
}

function recordJson(v: RecordValues, availability: string[]) {
  return {
    id: v.id,
    type: v.type,
    title: v.title,
    creators: v.creators,
    subjects: v.subjects,
    date_text: v.dateText,
    year: v.year,
    language: v.language,
    description: v.description,
    rights: v.rights,
    unit_id: v.unitId,
    isbn: v.isbn,
    issn: v.issn,
    inventory_no: v.inventoryNo,
    control_number: v.controlNumber,
    control_source: v.controlSource,
    published: v.published,
    details: v.details,
    source: v.source,
    source_hash: v.sourceHash,
    source_marc: v.sourceMarc ?? null,
    availability,
    ...searchColumns(v),
  };
}

const RECORD_COLUMNS = sql.raw(
  'id, type, title, creators, subjects, date_text, year, language, description, rights, unit_id, isbn, issn, inventory_no, control_number, control_source, published, details, source, source_hash, source_marc, availability, search_title, search_extra, search_exact, title_sort',
);
const RECORD_SHAPE = sql.raw(
  'id text, type text, title text, creators text[], subjects text[], date_text text, year integer, language text, description text, rights text, unit_id text, isbn text, issn text, inventory_no text, control_number text, control_source text, published boolean, details jsonb, source text, source_hash text, source_marc jsonb, availability text[], search_title text, search_extra text, search_exact text, title_sort text',
);

const SELECT_RECORD = sql`SELECT r.id, r.type, r.title, r.creators, r.subjects, r.date_text AS "dateText", r.year,
  r.language, r.description, r.rights, r.unit_id AS "unitId", u.name AS "unitName", r.isbn, r.issn,
  r.inventory_no AS "inventoryNo", r.control_number AS "controlNumber", r.control_source AS "controlSource",
  r.published, r.details, r.source, r.source_hash AS "sourceHash", r.availability, r.version,
  r.created_at AS "createdAt", r.updated_at AS "updatedAt"
  FROM catalogue_records r JOIN unit_directory u ON u.id = r.unit_id`;

function availabilityOf(holdings: readonly Pick<HoldingValues, 'availability'>[]): string[] {
  return [...new Set(holdings.map((h) => h.availability))].sort();
}

/**
 * A record as one element of `insertRecordRows`' JSON array, with the availability of its holdings: built
 * where the record is prepared (the MARC import builds it in its reading thread, ADR 0007 addendum 7).
 */
export function recordRowJson(
  v: RecordValues,
  holdings: readonly Pick<HoldingValues, 'availability'>[],
): string {
  return JSON.stringify(recordJson(v, availabilityOf(holdings)));
}

/** A holding as one element of `insertHoldings`' JSON array. */
export function holdingRowJson(h: HoldingValues): string {
  return JSON.stringify({
    id: h.id,
    record_id: h.recordId,
    unit_id: h.unitId,
    call_number: h.callNumber,
    location: h.location,
    barcode: h.barcode,
    availability: h.availability,
  });
}

export interface ImportMatch {
  id: string;
  controlNumber: string | null;
  controlSource: string | null;
  isbn: string | null;
  sourceHash: string | null;
  unitId: string;
}

export function createCatalogueRepository() {
  return {
    /** Title, type and publication of these records (one query for the list): other modules' read port. */
    async summaries(
      db: Db,
      ids: readonly string[],
    ): Promise<
      Array<{ id: string; title: string; type: string; published: boolean; language: string | null }>
    > {
      if (ids.length === 0) return [];
      return queryRows(
        db,
        sql`SELECT id, title, type, published, language FROM catalogue_records WHERE id = ANY(${sql.param([...ids])}::text[])`,
      );
    },

    async unitExists(db: Db, unitId: string): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`SELECT id FROM unit_directory WHERE id = ${unitId}`,
      );
      return rows.length > 0;
    },

    /** Inserts records with their holdings; one statement each, however many records. */
    async insertRecords(
      db: Db,
      records: readonly RecordValues[],
      holdings: readonly HoldingValues[],
    ): Promise<void> {
      if (records.length === 0) return;
      const byRecord = new Map<string, HoldingValues[]>();
      for (const h of holdings) byRecord.set(h.recordId, [...(byRecord.get(h.recordId) ?? []), h]);
      await this.insertRecordRows(
        db,
        records.map((r) => recordRowJson(r, byRecord.get(r.id) ?? [])),
        holdings.map(holdingRowJson),
      );
    },

    /** `insertRecords` with the rows already serialized (`recordRowJson`, `holdingRowJson`). */
    async insertRecordRows(db: Db, rows: readonly string[], holdingRows: readonly string[]): Promise<void> {
      if (rows.length === 0) return;
      await db.execute(sql`INSERT INTO catalogue_records (${RECORD_COLUMNS})
        SELECT ${RECORD_COLUMNS} FROM jsonb_to_recordset(${`[${rows.join(',')}]`}::jsonb) AS x(${RECORD_SHAPE})`);
      await this.insertHoldingRows(db, holdingRows);
    },

    async insertHoldings(db: Db, holdings: readonly HoldingValues[]): Promise<void> {
      await this.insertHoldingRows(db, holdings.map(holdingRowJson));
    },

    async insertHoldingRows(db: Db, rows: readonly string[]): Promise<void> {
      if (rows.length === 0) return;
      await db.execute(sql`INSERT INTO catalogue_holdings (id, record_id, unit_id, call_number, location, barcode, availability)
        SELECT id, record_id, unit_id, call_number, location, barcode, availability
        FROM jsonb_to_recordset(${`[${rows.join(',')}]`}::jsonb)
          AS x(id text, record_id text, unit_id text, call_number text, location text, barcode text, availability text)`);
    },

    /** Replaces a record's holdings and its availability summary. */
    async replaceHoldings(db: Db, recordId: string, holdings: readonly HoldingValues[]): Promise<void> {
      await db.execute(sql`DELETE FROM catalogue_holdings WHERE record_id = ${recordId}`);
      await this.insertHoldings(db, holdings);
      await db.execute(sql`UPDATE catalogue_records SET availability = ${textArray(availabilityOf(holdings))}::text[]
        WHERE id = ${recordId}`);
    },

    /**
     * Overwrites a record's values and bumps its version, only if it is still at `expectedVersion`
     * (optimistic concurrency). Answers the new version, or undefined when someone else changed it first.
     */
    async updateRecord(db: Db, v: RecordValues, expectedVersion: number | null): Promise<number | undefined> {
      const s = searchColumns(v);
      const rows = await queryRows<{ version: number }>(
        db,
        sql`UPDATE catalogue_records SET type = ${v.type}, title = ${v.title}, creators = ${textArray(v.creators)}::text[],
          subjects = ${textArray(v.subjects)}::text[], date_text = ${v.dateText}, year = ${v.year}, language = ${v.language},
          description = ${v.description}, rights = ${v.rights}, unit_id = ${v.unitId}, isbn = ${v.isbn},
          issn = ${v.issn}, inventory_no = ${v.inventoryNo}, control_number = ${v.controlNumber},
          control_source = ${v.controlSource}, published = ${v.published}, details = ${JSON.stringify(v.details)}::jsonb,
          source = ${v.source}, source_hash = ${v.sourceHash}, source_marc = ${sourceMarcSql(v.sourceMarc)},
          search_title = ${s.search_title},
          search_extra = ${s.search_extra}, search_exact = ${s.search_exact}, title_sort = ${s.title_sort},
          version = version + 1, updated_at = now()
        WHERE id = ${v.id} ${expectedVersion === null ? sql`` : sql`AND version = ${expectedVersion}`}
        RETURNING version`,
      );
      return rows[0]?.version;
    },

    async getRecord(db: Db, id: string): Promise<RecordRow | undefined> {
      const rows = await queryRows<RecordRow>(db, sql`${SELECT_RECORD} WHERE r.id = ${id}`);
      const r = rows[0];
      return r ? { ...r, createdAt: new Date(r.createdAt), updatedAt: new Date(r.updatedAt) } : undefined;
    },

    /** Records with the MARC record each was imported from (export, OAI-PMH marcxml). */
    async getRecordsForExport(db: Db, ids: readonly string[]): Promise<ExportRow[]> {
      if (ids.length === 0) return [];
      return queryRows<ExportRow>(
        db,
        sql`SELECT q.*, s.source_marc AS "sourceMarc"
          FROM (${SELECT_RECORD} WHERE r.id = ANY(${textArray(ids)}::text[])) q
          JOIN catalogue_records s ON s.id = q.id`,
      );
    },

    async listHoldings(db: Db, recordIds: readonly string[]): Promise<HoldingRow[]> {
      if (recordIds.length === 0) return [];
      return queryRows<HoldingRow>(
        db,
        sql`SELECT h.id, h.record_id AS "recordId", h.unit_id AS "unitId", u.name AS "unitName",
          h.call_number AS "callNumber", h.location, h.barcode, h.availability
        FROM catalogue_holdings h JOIN unit_directory u ON u.id = h.unit_id
        WHERE h.record_id = ANY(${textArray(recordIds)}::text[]) ORDER BY u.name, h.call_number, h.id`,
      );
    },

    /**
     * Existing records an import batch may match: by control number + source, else by ISBN, else (records
     * with neither) by content hash among the unit's MARC records without either.
     */
    async findImportMatches(
      db: Db,
      controls: ReadonlyArray<{ number: string; source: string }>,
      isbns: readonly string[],
      byContent: { unitId: string; hashes: readonly string[] } = { unitId: '', hashes: [] },
    ): Promise<ImportMatch[]> {
      if (controls.length === 0 && isbns.length === 0 && byContent.hashes.length === 0) return [];
      return queryRows<ImportMatch>(
        db,
        // Index lookups joined by UNION: an OR of the conditions (or a function of control_source in the
        // key) made the planner scan the whole table once per batch.
        sql`SELECT r.id, r.control_number AS "controlNumber", r.control_source AS "controlSource", r.isbn,
          r.source_hash AS "sourceHash", r.unit_id AS "unitId"
        FROM unnest(${textArray(controls.map((c) => c.number))}::text[], ${textArray(controls.map((c) => c.source))}::text[]) AS k(n, s)
        JOIN catalogue_records r ON r.control_number = k.n AND coalesce(r.control_source, '') = k.s
        UNION
        SELECT r.id, r.control_number, r.control_source, r.isbn, r.source_hash, r.unit_id
        FROM catalogue_records r WHERE r.isbn = ANY(${textArray(isbns)}::text[]) AND r.isbn IS NOT NULL
        UNION
        SELECT r.id, r.control_number, r.control_source, r.isbn, r.source_hash, r.unit_id
        FROM catalogue_records r
        WHERE r.source_hash = ANY(${textArray(byContent.hashes)}::text[]) AND r.source_hash IS NOT NULL
          AND r.source = 'marc' AND r.unit_id = ${byContent.unitId}
          AND r.control_number IS NULL AND r.isbn IS NULL`,
      );
    },
  };
}
export type CatalogueRepository = ReturnType<typeof createCatalogueRepository>;
