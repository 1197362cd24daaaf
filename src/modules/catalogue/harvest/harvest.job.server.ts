// The harvest job: fetches ListRecords pages from a source through safeFetch (the admin allow-list, public
// addresses only, deadlines and size caps), follows resumption tokens, and commits every page in ONE
// transaction with the run's progress and the next token, so a crash resumes at the last committed page.
// Incremental: `from` is the responseDate of the source's last completed run. Idempotent: records match on
// (OAI identifier, source) and an unchanged record (same content hash) is skipped; deleted headers unpublish.

import { createHash } from 'node:crypto';
import type { AppDeps } from '../../../app/deps.types.ts';
import { ANONYMOUS } from '../../../lib/authz.ts';
import {
  type ALLOW_LOOPBACK_FOR_TESTS,
  SafeFetchError,
  type SafeFetchOptions,
  safeFetch,
} from '../../../lib/safe-fetch.server.ts';
import type { JobHandler } from '../../jobs/jobs.types.ts';
import { outboundAllowList } from '../../outbound/index.server.ts';
import { newId } from '../catalogue.ids.server.ts';
import { type HoldingValues, type RecordValues, recordWords } from '../catalogue.repository.server.ts';
import { toHoldingValues, toRecordValues } from '../catalogue.usecases.server.ts';
import { XmlRejected } from '../marc/marcxml.server.ts';
import { type OaiPage, parseOaiResponse } from '../oai/oai-harvest-parse.server.ts';
import { harvestedToRecord } from './harvest.map.server.ts';
import type {
  HarvestError,
  HarvestPageProgress,
  HarvestRun,
  HarvestSource,
} from './harvest.repository.server.ts';

export const HARVEST_JOB = 'catalogue.harvest';
export const HARVEST_SCHEDULE_JOB = 'catalogue.harvest.schedule';
export const HARVEST_FETCH = { timeoutMs: 60_000, maxBytes: 50 * 1024 * 1024 };
/** A job hands over to a fresh job after this long, so no job outlives the queue's lease. */
const SLICE_MS = 120_000;
const MAX_PAGES = 100_000;

/** Test-only fetch options (e.g. the loopback opt-in of safeFetch); production passes none. */
export type HarvestFetchExtras = Pick<SafeFetchOptions, typeof ALLOW_LOOPBACK_FOR_TESTS>;

class HarvestFailure extends Error {}

export const controlSourceOf = (sourceId: string) => `oai:${sourceId}`;

function requestUrl(source: HarvestSource, run: HarvestRun, from: string | null): string {
  const url = new URL(source.baseUrl);
  url.search = '';
  if (run.resumptionToken) {
    url.searchParams.set('verb', 'ListRecords');
    url.searchParams.set('resumptionToken', run.resumptionToken);
    return url.href;
  }
  url.searchParams.set('verb', 'ListRecords');
  url.searchParams.set('metadataPrefix', source.metadataPrefix);
  if (source.setSpec) url.searchParams.set('set', source.setSpec);
  if (from) url.searchParams.set('from', from);
  return url.href;
}

async function fetchPage(deps: AppDeps, url: string, extras: HarvestFetchExtras): Promise<OaiPage> {
  const allowList = await outboundAllowList.patterns(deps, deps.db, 'harvest');
  let res: Awaited<ReturnType<typeof safeFetch>>;
  try {
    res = await safeFetch(url, {
      allowList,
      ...HARVEST_FETCH,
      accept: 'text/xml, application/xml',
      ...extras,
    });
  } catch (e) {
    if (e instanceof SafeFetchError) throw new HarvestFailure(`fetch refused or failed: ${e.message}`);
    throw e;
  }
  if (res.status !== 200) throw new HarvestFailure(`the source answered HTTP ${res.status}`);
  try {
    return await parseOaiResponse(res.body);
  } catch (e) {
    if (e instanceof XmlRejected || e instanceof TypeError)
      throw new HarvestFailure(`unreadable response: ${e.message}`);
    throw e;
  }
}

/** The `from` of an incremental run, at the granularity the source supports (asked with Identify). */
async function fromFor(
  deps: AppDeps,
  source: HarvestSource,
  extras: HarvestFetchExtras,
): Promise<string | null> {
  if (!source.lastDatestamp) return null;
  const url = new URL(source.baseUrl);
  url.search = '?verb=Identify';
  const identify = await fetchPage(deps, url.href, extras);
  const seconds = identify.granularity === 'YYYY-MM-DDThh:mm:ssZ';
  return seconds ? source.lastDatestamp : source.lastDatestamp.slice(0, 10);
}

async function commitPage(
  deps: AppDeps,
  source: HarvestSource,
  run: HarvestRun,
  page: OaiPage,
): Promise<void> {
  const errors: HarvestError[] = [];
  const controlSource = controlSourceOf(source.id);
  const deletedIds: string[] = [];
  const candidates: Array<{ identifier: string; values: RecordValues; holdings: HoldingValues[] }> = [];
  const seen = new Set<string>();
  for (const r of page.records) {
    if (!r.identifier || r.identifier.length > 500) {
      errors.push({
        identifier: r.identifier.slice(0, 100) || null,
        reason: 'missing or too long identifier',
      });
      continue;
    }
    if (r.deleted) {
      deletedIds.push(r.identifier);
      continue;
    }
    if (seen.has(r.identifier)) continue;
    seen.add(r.identifier);
    if (!r.metadata) {
      errors.push({ identifier: r.identifier, reason: 'record without metadata' });
      continue;
    }
    const mapped = harvestedToRecord(source.metadataPrefix, r.metadata, {
      unitId: source.unitId,
      published: source.publish,
    });
    if (!mapped.ok) {
      errors.push({ identifier: r.identifier, reason: mapped.error });
      continue;
    }
    const hash = createHash('sha256').update(JSON.stringify(mapped.input)).digest('base64url');
    const values = {
      ...toRecordValues(newId('rec'), mapped.input, 'oai', hash),
      controlNumber: r.identifier,
      controlSource,
      sourceMarc: mapped.marc ?? null,
    };
    candidates.push({
      identifier: r.identifier,
      values,
      holdings: toHoldingValues(values.id, source.unitId, mapped.input.holdings),
    });
  }
  const progress: HarvestPageProgress = {
    processed: page.records.length,
    imported: 0,
    updated: 0,
    skipped: 0,
    deleted: 0,
    failed: errors.length,
    errors,
    resumptionToken: page.token,
    completeListSize: page.completeListSize,
    responseDate: page.responseDate,
  };
  const { catalogue, catalogueSearch, catalogueHarvest } = deps.repos;
  await deps.db.transaction(async (tx) => {
    const matches = await catalogue.findImportMatches(
      tx,
      candidates.map((c) => ({ number: c.identifier, source: controlSource })),
      [],
    );
    const byIdentifier = new Map(matches.map((m) => [m.controlNumber ?? '', m]));
    const inserts: RecordValues[] = [];
    const insertHoldings: HoldingValues[] = [];
    const words = new Map<string, number>();
    for (const c of candidates) {
      const match = byIdentifier.get(c.identifier);
      if (match && match.sourceHash === c.values.sourceHash) {
        progress.skipped++;
        continue;
      }
      for (const w of recordWords(c.values)) words.set(w, (words.get(w) ?? 0) + 1);
      if (!match) {
        inserts.push(c.values);
        insertHoldings.push(...c.holdings);
        progress.imported++;
        continue;
      }
      await catalogue.updateRecord(tx, { ...c.values, id: match.id }, null);
      await catalogue.replaceHoldings(
        tx,
        match.id,
        c.holdings.map((h) => ({ ...h, recordId: match.id })),
      );
      progress.updated++;
    }
    await catalogue.insertRecords(tx, inserts, insertHoldings);
    await catalogueSearch.addWords(tx, words);
    progress.deleted = await catalogueHarvest.unpublishHarvested(tx, controlSource, deletedIds);
    await catalogueHarvest.recordPage(tx, run.id, progress);
    if (progress.updated > 0 || progress.deleted > 0)
      await deps.audit.record(tx, ANONYMOUS, {
        action: 'catalogue.harvest.page',
        entityType: 'catalogue_harvest_run',
        entityId: run.id,
        unitId: source.unitId,
        after: { imported: progress.imported, updated: progress.updated, deleted: progress.deleted },
      });
  });
}

/**
 * Runs (or continues) a harvest run for up to SLICE_MS; answers true when the run is finished (done or failed)
 * and false when more pages remain for a follow-up job.
 */
export async function runHarvest(
  deps: AppDeps,
  runId: string,
  extras: HarvestFetchExtras = {},
): Promise<boolean> {
  const started = Date.now();
  const repo = deps.repos.catalogueHarvest;
  let run = await repo.getRun(deps.db, runId);
  if (!run || run.status === 'done' || run.status === 'failed') return true;
  const source = await repo.getSource(deps.db, run.sourceId);
  if (!source) return true;
  try {
    const from = run.pages === 0 ? await fromFor(deps, source, extras) : run.fromDatestamp;
    await repo.markRunning(deps.db, runId, from);
    for (;;) {
      const page = await fetchPage(deps, requestUrl(source, run, from), extras);
      const error = page.errors[0];
      if (error?.code === 'noRecordsMatch') {
        if (run.pages === 0)
          await repo.recordPage(deps.db, runId, { ...emptyProgress(), responseDate: page.responseDate });
        break;
      }
      if (error)
        throw new HarvestFailure(`the source answered ${error.code}: ${error.message.slice(0, 300)}`);
      if (page.token && page.token === run.resumptionToken)
        throw new HarvestFailure('the source repeated its resumption token');
      await commitPage(deps, source, run, page);
      run = (await repo.getRun(deps.db, runId)) as HarvestRun;
      if (!page.token) break;
      if (run.pages >= MAX_PAGES) throw new HarvestFailure(`more than ${MAX_PAGES} pages`);
      if (Date.now() - started > SLICE_MS) return false;
    }
    const done = (await repo.getRun(deps.db, runId)) as HarvestRun;
    await deps.db.transaction(async (tx) => {
      await repo.finishRun(tx, runId, 'done', null);
      await repo.completeSource(tx, source.id, done.responseDate);
    });
    return true;
  } catch (e) {
    if (!(e instanceof HarvestFailure)) deps.logger.error({ err: e, runId }, 'harvest failed');
    const reason = e instanceof HarvestFailure ? e.message : 'internal error';
    await repo.finishRun(deps.db, runId, 'failed', reason.slice(0, 1000));
    await repo.completeSource(deps.db, source.id, null);
    return true;
  }
}

function emptyProgress(): HarvestPageProgress {
  return {
    processed: 0,
    imported: 0,
    updated: 0,
    skipped: 0,
    deleted: 0,
    failed: 0,
    errors: [],
    resumptionToken: null,
    completeListSize: 0,
    responseDate: null,
  };
}

export async function enqueueHarvestJob(
  deps: AppDeps,
  db: AppDeps['db'],
  runId: string,
  slice: number,
): Promise<void> {
  await deps.repos.jobs.enqueue(db, {
    kind: HARVEST_JOB,
    payload: { runId },
    dedupeKey: `${HARVEST_JOB}:${runId}:${slice}`,
  });
}

/** The job handler; `extras` only ever set by tests. */
export function createHarvestJobHandler(extras: HarvestFetchExtras = {}): JobHandler {
  return async (deps, job) => {
    const runId = (job.payload as { runId?: unknown } | null)?.runId;
    if (typeof runId !== 'string') return;
    const finished = await runHarvest(deps, runId, extras);
    if (!finished) {
      const run = await deps.repos.catalogueHarvest.getRun(deps.db, runId);
      await enqueueHarvestJob(deps, deps.db, runId, run?.pages ?? 0);
    }
  };
}

/** Daily: a run for every enabled source that is due (daily, or weekly after a week). */
export const harvestScheduleHandler: JobHandler = async (deps) => {
  for (const sourceId of await deps.repos.catalogueHarvest.dueSources(deps.db, deps.now())) {
    const runId = newId('hrun');
    await deps.db.transaction(async (tx) => {
      if (await deps.repos.catalogueHarvest.createRun(tx, runId, sourceId, null))
        await enqueueHarvestJob(deps, tx, runId, 0);
    });
  }
};
