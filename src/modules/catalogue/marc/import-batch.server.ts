// One batch of a MARC import: the CPU part (mapping, hashing, search words, duplicate keys) and the write
// (match, insert or update, holdings, progress and resume offset) in one transaction.
import { createHash } from 'node:crypto';
import type { AppDeps } from '../../../app/deps.types.ts';
import { ANONYMOUS } from '../../../lib/authz.ts';
import { newId } from '../catalogue.ids.server.ts';
import {
  holdingRowJson,
  type ImportMatch,
  type RecordValues,
  recordRowJson,
  recordWords,
} from '../catalogue.repository.server.ts';
import { toHoldingValues, toRecordValues } from '../catalogue.usecases.server.ts';
import type { BatchProgress, ImportError, ImportJob } from './import.repository.server.ts';
import type { MarcReadResult, MarcRecord } from './marc.types.ts';
import { marcToRecord } from './marc-map.server.ts';
import { isUnimarc, unimarcToMarc21 } from './unimarc.ts';

type Deps = Pick<AppDeps, 'db' | 'dbh' | 'repos' | 'audit' | 'logger'>;

const controlKey = (num: string, src: string | null) => `${num}\u0001${src ?? ''}`;

export interface PreparedBatch {
  /** Match keys of this batch (record position by key), for the next batch's duplicate check. */
  keys: Map<string, number>;
  candidates: Array<{
    position: number;
    number: number | undefined;
    values: RecordValues;
    holdings: ReturnType<typeof toHoldingValues>;
    words: string[];
    /** Set by `packBatch`: the insert's JSON rows (the source MARC is in `row` only, not in `values`). */
    row?: string;
    holdingRows?: string[];
  }>;
  progress: BatchProgress;
}

/**
 * Serializes what the write of a batch would serialize (the rows of the insert), so a reading thread does it
 * and the writing thread only joins strings; the source MARC leaves `values` (the bulk of a structured clone)
 * and is parsed back (from the row) only for a record the import updates.
 */
export function packBatch(prepared: PreparedBatch): PreparedBatch {
  for (const c of prepared.candidates) {
    c.row = recordRowJson(c.values, c.holdings);
    c.holdingRows = c.holdings.map(holdingRowJson);
    const { sourceMarc: _, ...values } = c.values;
    c.values = values;
  }
  return prepared;
}

/**
 * The content key of a mapped record: everything it says, but not whether this import publishes it (the
 * same record imported again unpublished is the same record).
 */
function contentHash(input: { published?: boolean }): string {
  const { published: _, ...content } = input;
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url');
}

/**
 * The CPU part of a batch: mapping, hashing, search words; bad records become errors with positions. A key
 * seen in this batch or the one before (which may not have committed yet) is reported as a duplicate.
 */
export function prepareBatch(
  job: ImportJob,
  batch: readonly MarcReadResult[],
  earlier: ReadonlyMap<string, number>,
): PreparedBatch {
  const errors: ImportError[] = [];
  const candidates: PreparedBatch['candidates'] = [];
  const seen = new Map<string, number>();
  for (const item of batch) {
    const at = { position: item.position, ...(item.number ? { number: item.number } : {}) };
    if (!item.ok) {
      errors.push({ ...at, reason: item.error });
      continue;
    }
    // UNIMARC is read through its MARC 21 conversion; the received record stays on it (`original`).
    const record = isUnimarc(item.record) ? unimarcToMarc21(item.record) : item.record;
    const mapped = marcToRecord(record, { unitId: job.unitId, published: job.publish });
    if (!mapped.ok) {
      errors.push({ ...at, reason: mapped.error });
      continue;
    }
    const hash = contentHash(mapped.input);
    const values = { ...toRecordValues(newId('rec'), mapped.input, 'marc', hash), sourceMarc: record };
    // A record with neither a control number nor an ISBN is known by its content: the same record twice
    // in one file is reported, and importing the file again matches it instead of adding a copy.
    const key = values.controlNumber
      ? controlKey(values.controlNumber, values.controlSource)
      : values.isbn
        ? `isbn:${values.isbn}`
        : `content:${hash}`;
    const first = seen.get(key) ?? earlier.get(key);
    if (first !== undefined) {
      errors.push({ ...at, reason: `duplicate of the record at ${first} in this file` });
      continue;
    }
    seen.set(key, item.position);
    candidates.push({
      position: item.position,
      number: item.number,
      values,
      holdings: toHoldingValues(values.id, job.unitId, mapped.input.holdings),
      words: recordWords(values),
    });
  }
  const progress: BatchProgress = {
    processed: batch.length,
    imported: 0,
    updated: 0,
    skipped: 0,
    failed: errors.length,
    errors,
    resumeOffset: batch.at(-1)?.next ?? job.resumeOffset,
  };
  return { keys: seen, candidates, progress };
}

/**
 * The database part of a batch: match, insert or update, dictionary, progress — one transaction, which
 * commits only after `before` (the previous batch) has committed, and rolls back if that one failed.
 */
export async function writeBatch(
  deps: Deps,
  job: ImportJob,
  prepared: PreparedBatch,
  before: Promise<void>,
  /** Bulk path: the inserted records' postings and title pairs are queued, built later (migration 0185). */
  deferPostings = false,
): Promise<void> {
  const { candidates, progress } = prepared;
  const errors = progress.errors;
  const { catalogue, catalogueSearch, catalogueImports } = deps.repos;
  await deps.db.transaction(async (tx) => {
    const controls = candidates.flatMap(({ values: v }) =>
      v.controlNumber ? [{ number: v.controlNumber, source: v.controlSource ?? '' }] : [],
    );
    // ISBN matters only for records without a control number (see the match below).
    const isbns = candidates.flatMap(({ values: v }) => (v.isbn && !v.controlNumber ? [v.isbn] : []));
    const unkeyed = candidates.flatMap(({ values: v }) =>
      !v.controlNumber && !v.isbn && v.sourceHash ? [v.sourceHash] : [],
    );
    const matches = await catalogue.findImportMatches(tx, controls, isbns, {
      unitId: job.unitId,
      hashes: unkeyed,
    });
    const byControl = new Map<string, ImportMatch>();
    const byIsbn = new Map<string, ImportMatch>();
    const byContent = new Map<string, ImportMatch>();
    for (const m of matches) {
      if (m.controlNumber) byControl.set(controlKey(m.controlNumber, m.controlSource), m);
      if (m.isbn) byIsbn.set(m.isbn, m);
      if (!m.controlNumber && !m.isbn && m.sourceHash) byContent.set(m.sourceHash, m);
    }
    const inserts: string[] = [];
    const insertHoldings: string[] = [];
    const words = new Map<string, number>();
    for (const c of candidates) {
      const v = c.values;
      const match =
        (v.controlNumber ? byControl.get(controlKey(v.controlNumber, v.controlSource)) : undefined) ??
        (v.isbn && !v.controlNumber ? byIsbn.get(v.isbn) : undefined) ??
        (!v.isbn && !v.controlNumber && v.sourceHash ? byContent.get(v.sourceHash) : undefined);
      if (match && match.sourceHash === v.sourceHash) {
        progress.skipped++;
        continue;
      }
      if (match && match.unitId !== job.unitId) {
        progress.failed++;
        errors.push({
          position: c.position,
          ...(c.number ? { number: c.number } : {}),
          reason: 'matches a record held by another unit; not changed',
        });
        continue;
      }
      for (const w of c.words) words.set(w, (words.get(w) ?? 0) + 1);
      if (!match) {
        inserts.push(c.row ?? recordRowJson(v, c.holdings));
        insertHoldings.push(...(c.holdingRows ?? c.holdings.map(holdingRowJson)));
        progress.imported++;
        continue;
      }
      const updated: RecordValues = {
        ...v,
        ...(c.row === undefined
          ? {}
          : { sourceMarc: (JSON.parse(c.row) as { source_marc: MarcRecord }).source_marc }),
        id: match.id,
      };
      await catalogue.updateRecord(tx, updated, null);
      await catalogue.replaceHoldings(
        tx,
        match.id,
        c.holdings.map((h) => ({ ...h, recordId: match.id })),
      );
      progress.updated++;
    }
    if (deferPostings && inserts.length > 0) await catalogueImports.deferPostings(tx);
    await catalogue.insertRecordRows(tx, inserts, insertHoldings);
    // Shared rows (dictionary words, the job's progress) last: the previous batch holds their locks until
    // it commits, and this batch must not commit before it anyway.
    await before;
    await catalogueSearch.addWords(tx, words);
    await catalogueImports.recordBatch(tx, job.id, progress);
    // Changes to existing records are the part of an import a cataloguer may need to trace back.
    if (progress.updated > 0) {
      await deps.audit.record(tx, ANONYMOUS, {
        action: 'catalogue.import.batch',
        entityType: 'catalogue_import_job',
        entityId: job.id,
        unitId: job.unitId,
        after: {
          imported: progress.imported,
          updated: progress.updated,
          resumeOffset: progress.resumeOffset,
        },
      });
    }
  });
}
