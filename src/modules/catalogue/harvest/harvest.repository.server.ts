// SQL of the OAI-PMH harvester: harvest sources and runs with progress and error report (the fetch allow-list
// belongs to the outbound module).
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.server.ts';
import { queryRows, textArray } from '../../../db/sql.server.ts';

/** An entry of the harvest allow-list (kept by the outbound module). */
export type { AllowedHostRow as AllowedHost } from '../../outbound/index.server.ts';

export type HarvestSchedule = 'manual' | 'daily' | 'weekly';
export type HarvestPrefix = 'oai_dc' | 'marcxml';

export interface HarvestSourceValues {
  id: string;
  name: string;
  baseUrl: string;
  metadataPrefix: HarvestPrefix;
  setSpec: string | null;
  unitId: string;
  publish: boolean;
  schedule: HarvestSchedule;
  enabled: boolean;
}

export interface HarvestSource extends HarvestSourceValues {
  unitName: string;
  lastDatestamp: string | null;
  lastRunAt: Date | null;
  createdAt: Date;
  version: number;
}

export type HarvestStatus = 'queued' | 'running' | 'done' | 'failed';
export interface HarvestError {
  identifier: string | null;
  reason: string;
}

export interface HarvestRun {
  id: string;
  sourceId: string;
  sourceName: string;
  unitId: string;
  status: HarvestStatus;
  fromDatestamp: string | null;
  responseDate: string | null;
  resumptionToken: string | null;
  completeListSize: number | null;
  pages: number;
  processed: number;
  imported: number;
  updated: number;
  skipped: number;
  deleted: number;
  failed: number;
  errors: HarvestError[];
  failure: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface HarvestPageProgress {
  processed: number;
  imported: number;
  updated: number;
  skipped: number;
  deleted: number;
  failed: number;
  errors: HarvestError[];
  resumptionToken: string | null;
  completeListSize: number | null;
  responseDate: string | null;
}

/** At most this many error lines are kept per run (the counters keep counting). */
export const MAX_RUN_ERRORS = 500;

const SOURCE = sql`SELECT s.id, s.name, s.base_url AS "baseUrl", s.metadata_prefix AS "metadataPrefix",
  s.set_spec AS "setSpec", s.unit_id AS "unitId", u.name AS "unitName", s.publish, s.schedule, s.enabled,
  s.last_datestamp AS "lastDatestamp", s.last_run_at AS "lastRunAt", s.created_at AS "createdAt", s.version
  FROM catalogue_harvest_sources s JOIN unit_directory u ON u.id = s.unit_id`;

const RUN = sql`SELECT r.id, r.source_id AS "sourceId", s.name AS "sourceName", s.unit_id AS "unitId", r.status,
  r.from_datestamp AS "fromDatestamp", r.response_date AS "responseDate", r.resumption_token AS "resumptionToken",
  r.complete_list_size AS "completeListSize", r.pages, r.processed, r.imported, r.updated, r.skipped, r.deleted,
  r.failed, r.errors, r.failure, r.created_at AS "createdAt", r.finished_at AS "finishedAt"
  FROM catalogue_harvest_runs r JOIN catalogue_harvest_sources s ON s.id = r.source_id`;

const dates = <T extends { createdAt: Date | string }>(r: T): T => ({
  ...r,
  createdAt: new Date(r.createdAt),
});
const source = (r: HarvestSource): HarvestSource => ({
  ...dates(r),
  lastRunAt: r.lastRunAt ? new Date(r.lastRunAt) : null,
});
const run = (r: HarvestRun): HarvestRun => ({
  ...dates(r),
  finishedAt: r.finishedAt ? new Date(r.finishedAt) : null,
});

export function createCatalogueHarvestRepository() {
  return {
    async createSource(db: Db, v: HarvestSourceValues, by: string | null): Promise<void> {
      await db.execute(sql`INSERT INTO catalogue_harvest_sources (id, name, base_url, metadata_prefix, set_spec,
          unit_id, publish, schedule, enabled, created_by)
        VALUES (${v.id}, ${v.name}, ${v.baseUrl}, ${v.metadataPrefix}, ${v.setSpec}, ${v.unitId}, ${v.publish},
          ${v.schedule}, ${v.enabled}, ${by})`);
    },

    /** Switches the source only while it is still at `version`; false when someone saved first. */
    async setSourceEnabled(db: Db, id: string, enabled: boolean, version: number): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE catalogue_harvest_sources SET enabled = ${enabled}, updated_at = now(),
        version = version + 1 WHERE id = ${id} AND version = ${version} RETURNING id`,
      );
      return rows.length > 0;
    },

    async getSource(db: Db, id: string): Promise<HarvestSource | undefined> {
      const rows = await queryRows<HarvestSource>(db, sql`${SOURCE} WHERE s.id = ${id}`);
      return rows[0] ? source(rows[0]) : undefined;
    },

    async listSources(db: Db): Promise<HarvestSource[]> {
      const rows = await queryRows<HarvestSource>(db, sql`${SOURCE} ORDER BY s.name, s.id`);
      return rows.map(source);
    },

    /** A new queued run, or undefined when the source already has one queued or running. */
    async createRun(db: Db, id: string, sourceId: string, by: string | null): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`INSERT INTO catalogue_harvest_runs (id, source_id, created_by) VALUES (${id}, ${sourceId}, ${by})
          ON CONFLICT (source_id) WHERE status IN ('queued', 'running') DO NOTHING RETURNING id`,
      );
      return rows.length > 0;
    },

    async getRun(db: Db, id: string): Promise<HarvestRun | undefined> {
      const rows = await queryRows<HarvestRun>(db, sql`${RUN} WHERE r.id = ${id}`);
      return rows[0] ? run(rows[0]) : undefined;
    },

    async listRuns(db: Db, limit: number): Promise<HarvestRun[]> {
      const rows = await queryRows<HarvestRun>(
        db,
        sql`${RUN} ORDER BY r.created_at DESC, r.id LIMIT ${limit}`,
      );
      return rows.map(run);
    },

    async markRunning(db: Db, id: string, fromDatestamp: string | null): Promise<void> {
      await db.execute(sql`UPDATE catalogue_harvest_runs SET status = 'running', updated_at = now(),
        from_datestamp = coalesce(from_datestamp, ${fromDatestamp}) WHERE id = ${id}`);
    },

    /** Adds one committed page to the run's counters and moves its resume point. */
    async recordPage(db: Db, id: string, p: HarvestPageProgress): Promise<void> {
      await db.execute(sql`UPDATE catalogue_harvest_runs SET pages = pages + 1,
          processed = processed + ${p.processed}, imported = imported + ${p.imported},
          updated = updated + ${p.updated}, skipped = skipped + ${p.skipped}, deleted = deleted + ${p.deleted},
          failed = failed + ${p.failed},
          errors = CASE WHEN jsonb_array_length(errors) >= ${MAX_RUN_ERRORS} THEN errors
            ELSE errors || ${JSON.stringify(p.errors.slice(0, MAX_RUN_ERRORS))}::jsonb END,
          resumption_token = ${p.resumptionToken},
          complete_list_size = coalesce(${p.completeListSize}::int, complete_list_size),
          response_date = coalesce(response_date, ${p.responseDate}),
          updated_at = now()
        WHERE id = ${id}`);
    },

    async finishRun(db: Db, id: string, status: 'done' | 'failed', failure: string | null): Promise<void> {
      await db.execute(sql`UPDATE catalogue_harvest_runs SET status = ${status}, failure = ${failure},
        resumption_token = NULL, finished_at = now(), updated_at = now() WHERE id = ${id}`);
    },

    async completeSource(db: Db, id: string, lastDatestamp: string | null): Promise<void> {
      await db.execute(sql`UPDATE catalogue_harvest_sources SET last_datestamp = coalesce(${lastDatestamp}, last_datestamp),
        last_run_at = now(), updated_at = now() WHERE id = ${id}`);
    },

    /** Sources the daily schedule harvests now: enabled, daily, or weekly and not run for 6.5 days. */
    async dueSources(db: Db, now: Date): Promise<string[]> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`SELECT id FROM catalogue_harvest_sources WHERE enabled AND (schedule = 'daily'
          OR (schedule = 'weekly' AND (last_run_at IS NULL OR last_run_at < ${now.toISOString()}::timestamptz - interval '156 hours')))
          ORDER BY id`,
      );
      return rows.map((r) => r.id);
    },

    /** Unpublishes harvested records whose source announced them deleted; answers how many changed. */
    async unpublishHarvested(db: Db, controlSource: string, identifiers: readonly string[]): Promise<number> {
      if (identifiers.length === 0) return 0;
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE catalogue_records SET published = false, version = version + 1, updated_at = now()
          WHERE control_source = ${controlSource} AND control_number = ANY(${textArray(identifiers)}::text[])
            AND published RETURNING id`,
      );
      return rows.length;
    },
  };
}
export type CatalogueHarvestRepository = ReturnType<typeof createCatalogueHarvestRepository>;
