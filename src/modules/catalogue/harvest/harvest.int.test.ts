// The OAI-PMH harvester end to end: one app serves /oai on a local port, a second app harvests it through the
// job queue (safeFetch with the test-only loopback opt-in), incrementally, idempotently, with deletions.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/sql.server.ts';
import type { Actor } from '../../../lib/authz.ts';
import { isAppError } from '../../../lib/errors.ts';
import { ALLOW_LOOPBACK_FOR_TESTS } from '../../../lib/safe-fetch.server.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { runDueJobs } from '../../jobs/jobs.runner.server.ts';
import { actorOn, unitIdOf } from '../../units/units.test-helpers.ts';
import { insertRecords, recordValues } from '../oai/oai.test-helpers.ts';
import { createHarvestJobHandler, HARVEST_JOB } from './harvest.job.server.ts';
import {
  addAllowedHost,
  createHarvestSource,
  getHarvestRun,
  harvestOverview,
  removeAllowedHost,
  setHarvestSourceEnabled,
  startHarvestRun,
} from './harvest.server.ts';

const testHandlers = { [HARVEST_JOB]: createHarvestJobHandler({ [ALLOW_LOOPBACK_FOR_TESTS]: true }) };
const runJobs = (ctx: TestContext) => runDueJobs(ctx.deps, { handlers: testHandlers, kinds: [HARVEST_JOB] });

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
}

describe('OAI-PMH harvester', () => {
  let provider: TestContext;
  let harvester: TestContext;
  let server: ReturnType<typeof serve>;
  let evil: Server;
  let baseUrl: string;
  let evilUrl: string;
  let admin: Actor;
  let manager: Actor;
  let library: string;
  const providerRecords = Array.from({ length: 230 }, (_, i) => i);
  let ids: string[] = [];

  beforeAll(async () => {
    provider = await createTestContext();
    harvester = await createTestContext();
    const providerLibrary = await unitIdOf(provider, 'thu-vien-tinh');
    const records = providerRecords.map((i) =>
      recordValues({
        unitId: providerLibrary,
        title: `Địa chí Khánh Hòa tập ${i}`,
        isbn: i === 0 ? '9786040000001' : null,
        details: { publisher: 'NXB Khánh Hòa' },
      }),
    );
    ids = records.map((r) => r.id);
    await insertRecords(provider, records);
    server = serve({ fetch: provider.app.fetch, port: 0, hostname: '127.0.0.1' });
    await once(server, 'listening');
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oai`;
    evil = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><OAI-PMH>&b;</OAI-PMH>',
      );
    });
    evil.listen(0, '127.0.0.1');
    await once(evil, 'listening');
    evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}/oai`;
    admin = await actorOn(harvester, 'administrator', 'so-vhttdl');
    manager = await actorOn(harvester, 'unit_manager', 'thu-vien-tinh');
    library = await unitIdOf(harvester, 'thu-vien-tinh');
  }, 180_000);
  afterAll(async () => {
    server.close();
    evil.close();
    await provider.close();
    await harvester.close();
  });

  const harvested = () =>
    queryRows<{ title: string; published: boolean; controlNumber: string; source: string }>(
      harvester.deps.db,
      sql`SELECT title, published, control_number AS "controlNumber", source FROM catalogue_records ORDER BY title`,
    );

  it('only root administrators manage the allow-list; sources must be on it', async () => {
    const source = {
      name: 'Thư viện tỉnh bạn',
      baseUrl,
      metadataPrefix: 'marcxml' as const,
      unitId: library,
      publish: true,
      schedule: 'daily' as const,
    };
    expect(await codeOf(createHarvestSource(harvester.deps, manager, source))).toBe(
      'catalogue.harvest.host_not_allowed',
    );
    expect(await codeOf(addAllowedHost(harvester.deps, manager, { pattern: '127.0.0.1' }))).toBe(
      'auth.forbidden',
    );
    expect(await codeOf(addAllowedHost(harvester.deps, admin, { pattern: 'http://x.vn/' }))).toBe(
      'request.invalid',
    );
    await addAllowedHost(harvester.deps, admin, { pattern: '127.0.0.1', note: 'test' });
    await addAllowedHost(harvester.deps, admin, { pattern: 'localhost' });
    const staff = await actorOn(harvester, 'unit_staff', 'thu-vien-tinh');
    expect(await codeOf(createHarvestSource(harvester.deps, staff, source))).toBe('auth.forbidden');
    const created = await createHarvestSource(harvester.deps, manager, source);
    expect(created.enabled).toBe(true);
    const overview = await harvestOverview(harvester.deps, staff);
    expect(overview.sources.map((s) => s.name)).toEqual(['Thư viện tỉnh bạn']);
    expect(overview.canManageAllowList).toBe(false);
  });

  it('harvests every page as a job, then incrementally, idempotently, with deletions', async () => {
    const [source] = (await harvestOverview(harvester.deps, manager)).sources;
    if (!source) throw new Error('no source');
    const staff = await actorOn(harvester, 'unit_staff', 'thu-vien-tinh');
    const runId = await startHarvestRun(harvester.deps, staff, source.id);
    expect(await codeOf(startHarvestRun(harvester.deps, staff, source.id))).toBe('catalogue.harvest.running');
    await runJobs(harvester);
    const run = await getHarvestRun(harvester.deps, staff, runId);
    expect(run.failure).toBeNull();
    expect(run).toMatchObject({ status: 'done', pages: 3, processed: 230, imported: 230, failed: 0 });
    expect(run.completeListSize).toBe(230);
    const rows = await harvested();
    expect(rows).toHaveLength(230);
    expect(rows.every((r) => r.published && r.source === 'oai')).toBe(true);
    expect(rows[0]?.controlNumber).toMatch(/^oai:localhost:rec_/);
    const search = await harvester.request('/api/v1/catalogue/search?q=dia%20chi%20khanh%20hoa');
    expect(((await search.json()) as { total: number }).total).toBe(230);

    // Nothing changed: the next run asks `from` the last responseDate and changes nothing.
    const again = await startHarvestRun(harvester.deps, staff, source.id);
    await runJobs(harvester);
    const second = await getHarvestRun(harvester.deps, staff, again);
    expect(second.status).toBe('done');
    expect(second.fromDatestamp).toBe(run.responseDate);
    expect(second.imported + second.updated + second.deleted).toBe(0);

    // At the source: one record edited, one unpublished. The next run applies exactly those.
    await new Promise((r) => setTimeout(r, 1100)); // datestamps have one-second granularity
    await provider.deps.db.execute(
      sql`UPDATE catalogue_records SET title = 'Địa chí (sửa)' WHERE id = ${ids[5] ?? ''}`,
    );
    await provider.deps.db.execute(
      sql`UPDATE catalogue_records SET published = false WHERE id = ${ids[7] ?? ''}`,
    );
    const third = await startHarvestRun(harvester.deps, staff, source.id);
    await runJobs(harvester);
    const r3 = await getHarvestRun(harvester.deps, staff, third);
    expect(r3).toMatchObject({ status: 'done', imported: 0, updated: 1, deleted: 1 });
    const after = await harvested();
    expect(after.filter((r) => r.title === 'Địa chí (sửa)')).toHaveLength(1);
    expect(after.filter((r) => !r.published)).toHaveLength(1);
    expect(after).toHaveLength(230);
  });

  it('harvests oai_dc too', async () => {
    const museum = await unitIdOf(harvester, 'bao-tang-tinh');
    const src = await createHarvestSource(harvester.deps, admin, {
      name: 'Nguồn Dublin Core',
      baseUrl,
      metadataPrefix: 'oai_dc',
      setSpec: 'type:book',
      unitId: museum,
      publish: false,
      schedule: 'manual',
    });
    const runId = await startHarvestRun(harvester.deps, admin, src.id);
    await runJobs(harvester);
    const run = await getHarvestRun(harvester.deps, admin, runId);
    expect(run).toMatchObject({ status: 'done', imported: 229, failed: 0 });
    const rows = await queryRows<{ isbn: string | null; details: Record<string, unknown> }>(
      harvester.deps.db,
      sql`SELECT isbn, details FROM catalogue_records WHERE unit_id = ${museum} AND isbn IS NOT NULL`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.isbn).toBe('9786040000001');
    expect(rows[0]?.details.publisher).toBe('NXB Khánh Hòa');
  });

  it('refuses what the allow-list, the address rules or the XML rules forbid, with a clear failure', async () => {
    const evilSource = await createHarvestSource(harvester.deps, admin, {
      name: 'DOCTYPE',
      baseUrl: evilUrl,
      metadataPrefix: 'oai_dc',
      unitId: library,
      publish: false,
      schedule: 'manual',
    });
    const r1 = await startHarvestRun(harvester.deps, admin, evilSource.id);
    await runJobs(harvester);
    const failed = await getHarvestRun(harvester.deps, admin, r1);
    expect(failed.status).toBe('failed');
    expect(failed.failure).toMatch(/DOCTYPE/);

    // The production handler (no test opt-in) refuses loopback addresses even when allow-listed.
    const [source] = (await harvestOverview(harvester.deps, admin)).sources.filter(
      (s) => s.name === 'Thư viện tỉnh bạn',
    );
    const r2 = await startHarvestRun(harvester.deps, admin, source?.id ?? '');
    await runDueJobs(harvester.deps, { kinds: [HARVEST_JOB] });
    const refused = await getHarvestRun(harvester.deps, admin, r2);
    expect(refused.status).toBe('failed');
    expect(refused.failure).toMatch(/address_not_allowed/);

    // Removed from the allow-list: refused before any connection.
    await removeAllowedHost(harvester.deps, admin, '127.0.0.1');
    const r3 = await startHarvestRun(harvester.deps, admin, source?.id ?? '');
    await runJobs(harvester);
    const notAllowed = await getHarvestRun(harvester.deps, admin, r3);
    expect(notAllowed.failure).toMatch(/host_not_allowed/);
    expect(
      (await harvestOverview(harvester.deps, admin)).sources.find((s) => s.id === source?.id)?.hostAllowed,
    ).toBe(false);
  });

  it('refuses a second switch of a source made from the same version (409) and keeps the first', async () => {
    if (!(await harvestOverview(harvester.deps, admin)).allowList.some((h) => h.pattern === '127.0.0.1'))
      await addAllowedHost(harvester.deps, admin, { pattern: '127.0.0.1' });
    const created = await createHarvestSource(harvester.deps, manager, {
      name: 'Nguồn hai người quản lý',
      baseUrl,
      metadataPrefix: 'oai_dc',
      unitId: library,
      publish: false,
      schedule: 'manual',
    });
    const shown = created.version;
    await setHarvestSourceEnabled(harvester.deps, manager, created.id, false, shown);
    expect(await codeOf(setHarvestSourceEnabled(harvester.deps, admin, created.id, true, shown))).toBe(
      'catalogue.harvestSource.version_conflict',
    );
    const now = (await harvestOverview(harvester.deps, manager)).sources.find((s) => s.id === created.id);
    expect(now).toMatchObject({ enabled: false, version: shown + 1 });
  });
});
