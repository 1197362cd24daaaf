// Records over HTTP (staff API, public pages) and MARC import through the real use cases.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/authz.ts';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';
import { runDueJobs } from '../jobs/jobs.runner.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { createCatalogueRecord } from './catalogue.usecases.server.ts';
import { MARC_IMPORT_JOB, runMarcImport, startMarcImport } from './marc/import.server.ts';
import { writeIso2709 } from './marc/iso2709.ts';
import type { MarcRecord } from './marc/marc.types.ts';
import { MARCXML_FOOTER, MARCXML_HEADER, marcXmlRecord } from './marc/marcxml.server.ts';

const marcBook = (id: string, title: string, isbn?: string): MarcRecord => ({
  leader: '00000nam a2200000 i 4500',
  fields: [
    { tag: '001', value: id },
    { tag: '003', value: 'VN-KHA' },
    ...(isbn ? [{ tag: '020', ind1: ' ', ind2: ' ', subfields: [{ code: 'a', value: isbn }] }] : []),
    { tag: '245', ind1: '0', ind2: '0', subfields: [{ code: 'a', value: title }] },
    { tag: '650', ind1: ' ', ind2: '4', subfields: [{ code: 'a', value: 'Văn hóa' }] },
  ],
});
const concat = (parts: Uint8Array[]) => Buffer.concat(parts.map((p) => Buffer.from(p)));

describe('catalogue records and import', () => {
  let ctx: TestContext;
  let dir: string;
  let library: string;
  let museum: string;
  let staffCookie: string;
  let librarian: Actor;
  const json = (method: string, body: unknown, cookie = staffCookie): RequestInit => ({
    method,
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

  beforeAll(async () => {
    ctx = await createTestContext();
    dir = await mkdtemp(join(tmpdir(), 'catalogue-'));
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    museum = await unitIdOf(ctx, 'bao-tang-tinh');
    librarian = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const user = await signUpAndSignIn(ctx);
    await grantRoleAsSystem(ctx.deps, { userId: user.userId, role: 'unit_staff', unitId: library });
    staffCookie = user.cookie;
  });
  afterAll(() => ctx.close());

  it('lets staff create and edit a record, with versions, validation and unit scope', async () => {
    const input = {
      type: 'book',
      title: 'Lịch sử Khánh Hòa',
      creators: ['Nguyễn Văn A'],
      language: 'vie',
      unitId: library,
      holdings: [{ callNumber: '959.7', availability: 'available' }],
    };
    expect(
      (await ctx.request('/api/v1/catalogue/records', json('POST', { ...input, secret: 1 }))).status,
    ).toBe(400);
    expect(
      (await ctx.request('/api/v1/catalogue/records', json('POST', { ...input, unitId: museum }))).status,
    ).toBe(403);
    expect(
      (
        await ctx.request('/api/v1/catalogue/records', {
          ...json('POST', input),
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(401);
    const created = await ctx.request('/api/v1/catalogue/records', json('POST', input));
    expect(created.status).toBe(201);
    const rec = (await created.json()) as {
      id: string;
      version: number;
      published: boolean;
      holdings: unknown[];
    };
    expect(rec).toMatchObject({ version: 1, published: false, holdings: [{ callNumber: '959.7' }] });

    expect((await ctx.request(`/api/v1/catalogue/records/${rec.id}`)).status).toBe(404);
    const page = await ctx.request(`/records/${rec.id}`);
    expect(page.status).toBe(404);

    const patched = await ctx.request(
      `/api/v1/catalogue/records/${rec.id}`,
      json('PATCH', { version: 1, published: true }),
    );
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ version: 2, published: true, title: 'Lịch sử Khánh Hòa' });
    const stale = await ctx.request(
      `/api/v1/catalogue/records/${rec.id}`,
      json('PATCH', { version: 1, title: 'X' }),
    );
    expect(stale.status).toBe(409);
    const audits = await ctx.dbh.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action LIKE 'catalogue.record.%'",
      [rec.id],
    );
    expect(audits[0]?.n).toBe(2);
    expect((await ctx.request(`/api/v1/catalogue/records/${rec.id}`)).status).toBe(200);
  });

  it("does not let library staff remove another unit's holdings by replacing them", async () => {
    const admin = await actorOn(ctx, 'administrator', 'so-vhttdl');
    const shared = await createCatalogueRecord(ctx.deps, admin, {
      type: 'book',
      title: 'Địa chí Khánh Hòa',
      creators: [],
      subjects: [],
      unitId: library,
      published: false,
      details: {},
      holdings: [
        { callNumber: '915.97', availability: 'available' },
        { unitId: museum, callNumber: 'BT-01', availability: 'on_display' },
      ],
    });
    const res = await ctx.request(
      `/api/v1/catalogue/records/${shared.id}`,
      json('PATCH', {
        version: shared.version,
        holdings: [{ callNumber: '915.97', availability: 'on_loan' }],
      }),
    );
    expect(res.status).toBe(403);
    const held = await ctx.deps.repos.catalogue.listHoldings(ctx.deps.db, [shared.id]);
    expect(held.map((h) => h.unitId).sort()).toEqual([library, museum].sort());
  });

  it('serves the public search and record pages without JavaScript, with Dublin Core and JSON-LD', async () => {
    const res = await ctx.request('/search?q=khanh+hoa');
    expect(res.status).toBe(200);
    const html = await res.text();
    // The words the query asked for are marked (issue 19, why a result matched).
    expect(html).toContain('Lịch sử <mark>Khánh</mark> <mark>Hòa</mark>');
    expect(html).toMatch(/<ol class="results">/);
    expect(html).not.toContain('<script type="module"');
    const en = await (await ctx.request('/en/search?q=zzzzqqq')).text();
    expect(en).toContain('No records found');
    const id = /href="\/records\/(rec_[a-z2-9]+)"/.exec(html)?.[1];
    const record = await ctx.request(`/records/${id}`);
    const body = await record.text();
    expect(record.status).toBe(200);
    expect(body).toContain('<meta name="DC.title" content="Lịch sử Khánh Hòa"');
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(
      record.headers.get('content-security-policy') ?? '',
    )?.[1];
    expect(body).toContain(`<script type="application/ld+json" nonce="${nonce}">`);
    expect(body).toContain('"@type":"Book"');
    // schema.org inLanguage takes a BCP 47 tag, not the MARC code the record stores.
    expect(body).toContain('"inLanguage":"vi"');
  });

  it('imports MARC idempotently, lists a bad record by byte offset and imports the good ones', async () => {
    const records = [
      marcBook('1', 'Một'),
      marcBook('2', 'Hai'),
      marcBook('3', 'Ba'),
      marcBook('', 'Bốn', '9786041111111'),
    ];
    const good = records.map(writeIso2709);
    const bad = Buffer.from(writeIso2709(marcBook('x', 'Lỗi')));
    bad.write('9999', 0, 'latin1');
    const file = join(dir, 'books.mrc');
    await writeFile(
      file,
      concat([
        good[0] as Uint8Array,
        good[1] as Uint8Array,
        bad,
        good[2] as Uint8Array,
        good[3] as Uint8Array,
      ]),
    );
    const run = async (path: string, format: 'iso2709' | 'marcxml' = 'iso2709') => {
      const job = await startMarcImport(ctx.deps, librarian, {
        fileName: 'books.mrc',
        format,
        filePath: path,
        fileSize: 1,
        unitId: library,
        publish: true,
      });
      return runMarcImport(ctx.deps, job.id);
    };
    const first = await run(file);
    expect(first).toMatchObject({
      status: 'done',
      processed: 5,
      imported: 4,
      updated: 0,
      skipped: 0,
      failed: 1,
    });
    const badOffset = (good[0]?.length ?? 0) + (good[1]?.length ?? 0);
    expect(first.errors).toEqual([{ position: badOffset, reason: expect.stringMatching(/record/) }]);
    const versions = async () =>
      ctx.dbh.query<{ title: string; version: number }>(
        "SELECT title, version FROM catalogue_records WHERE source = 'marc' ORDER BY title",
      );
    const before = await versions();

    const again = await run(file);
    expect(again).toMatchObject({ status: 'done', imported: 0, updated: 0, skipped: 4, failed: 1 });
    expect(await versions()).toEqual(before);

    const changed = join(dir, 'changed.mrc');
    await writeFile(
      changed,
      concat([
        writeIso2709(marcBook('2', 'Hai (tái bản)')),
        writeIso2709(marcBook('', 'Bốn', '978-604-1111-111')),
      ]),
    );
    const third = await run(changed);
    expect(third).toMatchObject({ imported: 0, updated: 1, skipped: 1 });
    expect((await versions()).find((r) => r.title === 'Hai (tái bản)')?.version).toBe(2);
  });

  it('resumes an interrupted job from its last committed offset', async () => {
    const parts = [
      marcBook('r1', 'Resume một'),
      marcBook('r2', 'Resume hai'),
      marcBook('r3', 'Resume ba'),
    ].map(writeIso2709);
    const file = join(dir, 'resume.mrc');
    await writeFile(file, concat(parts));
    const job = await startMarcImport(ctx.deps, librarian, {
      fileName: 'resume.mrc',
      format: 'iso2709',
      filePath: file,
      fileSize: 1,
      unitId: library,
      publish: false,
    });
    // A crash after the first record's batch committed: status running, offset past record 1.
    await ctx.dbh.query(
      "UPDATE catalogue_import_jobs SET status = 'running', processed = 1, imported = 1, resume_offset = $1 WHERE id = $2",
      [parts[0]?.length, job.id],
    );
    const done = await runMarcImport(ctx.deps, job.id);
    expect(done).toMatchObject({ status: 'done', processed: 3, imported: 3 });
    const titles = await ctx.dbh.query<{ title: string }>(
      "SELECT title FROM catalogue_records WHERE title LIKE 'Resume%' ORDER BY title",
    );
    expect(titles.map((t) => t.title)).toEqual(['Resume ba', 'Resume hai']);
  });

  it('runs an import as a job, which the job runner resumes from its committed offset after a crash', async () => {
    const parts = [marcBook('j1', 'Việc một'), marcBook('j2', 'Việc hai'), marcBook('j3', 'Việc ba')].map(
      writeIso2709,
    );
    const file = join(dir, 'job.mrc');
    await writeFile(file, concat(parts));
    const started = await startMarcImport(ctx.deps, librarian, {
      fileName: 'job.mrc',
      format: 'iso2709',
      filePath: file,
      fileSize: 1,
      unitId: library,
      publish: false,
    });
    const queued = await ctx.deps.repos.jobs.byDedupeKey(ctx.deps.db, `${MARC_IMPORT_JOB}:${started.id}`);
    expect(queued).toMatchObject({ kind: MARC_IMPORT_JOB, status: 'queued' });
    // The process running it died after the first record's batch committed; its lease has run out.
    await ctx.dbh.query(
      "UPDATE catalogue_import_jobs SET status = 'running', processed = 1, imported = 1, resume_offset = $1 WHERE id = $2",
      [parts[0]?.length, started.id],
    );
    await ctx.dbh.query(
      "UPDATE jobs SET status = 'running', attempts = 1, locked_until = now() - interval '1 minute' WHERE id = $1",
      [queued?.id],
    );
    await runDueJobs(ctx.deps, { kinds: [MARC_IMPORT_JOB] });
    expect(await ctx.deps.repos.catalogueImports.get(ctx.deps.db, started.id)).toMatchObject({
      status: 'done',
      processed: 3,
      imported: 3,
    });
    expect(await ctx.deps.repos.jobs.byId(ctx.deps.db, queued?.id ?? '')).toMatchObject({ status: 'done' });
    const titles = await ctx.dbh.query<{ title: string }>(
      "SELECT title FROM catalogue_records WHERE title LIKE 'Việc%' ORDER BY title",
    );
    expect(titles.map((t) => t.title)).toEqual(['Việc ba', 'Việc hai']);
  });

  it('commits batches in file order: a failed batch takes the next one with it, and the job resumes exactly', async () => {
    // 2,500 records = three batches (two are written at once on PostgreSQL). Record 1,500 fails in the
    // database; record 2,000 repeats record 1,999's control number across a batch boundary.
    const parts = Array.from({ length: 2500 }, (_, i) =>
      writeIso2709(marcBook(i === 2000 ? 'ord1999' : `ord${i}`, i === 1500 ? 'Nổ tung' : `Thứ tự ${i}`)),
    );
    const file = join(dir, 'order.mrc');
    await writeFile(file, concat(parts));
    await ctx.dbh.execScript(`CREATE FUNCTION test_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.title = 'Nổ tung' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER test_boom BEFORE INSERT ON catalogue_records FOR EACH ROW EXECUTE FUNCTION test_boom();`);
    const job = await startMarcImport(ctx.deps, librarian, {
      fileName: 'order.mrc',
      format: 'iso2709',
      filePath: file,
      fileSize: 1,
      unitId: library,
      publish: false,
    });
    const failed = await runMarcImport(ctx.deps, job.id);
    const count = async () =>
      (
        await ctx.dbh.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM catalogue_records WHERE control_number LIKE 'ord%'",
        )
      )[0]?.n;
    const batchEnd = parts.slice(0, 1000).reduce((n, p) => n + p.length, 0);
    expect(failed).toMatchObject({ status: 'failed', processed: 1000, resumeOffset: batchEnd });
    expect(await count()).toBe(1000);

    await ctx.dbh.execScript('DROP TRIGGER test_boom ON catalogue_records; DROP FUNCTION test_boom();');
    await ctx.dbh.query("UPDATE catalogue_import_jobs SET status = 'running' WHERE id = $1", [job.id]);
    const done = await runMarcImport(ctx.deps, job.id);
    expect(done).toMatchObject({ status: 'done', processed: 2500, imported: 2499, failed: 1 });
    const offset = (n: number) => parts.slice(0, n).reduce((sum, p) => sum + p.length, 0);
    expect(done.errors).toEqual([
      { position: offset(2000), reason: `duplicate of the record at ${offset(1999)} in this file` },
    ]);
    expect(await count()).toBe(2499);
  });

  it('rejects MARCXML with a DOCTYPE and imports nothing from it', async () => {
    const file = join(dir, 'bomb.xml');
    const body =
      MARCXML_HEADER.replace('<collection', '<!DOCTYPE c [<!ENTITY a "aaaa">]><collection') +
      marcXmlRecord(marcBook('b1', 'Bom')) +
      MARCXML_FOOTER;
    await writeFile(file, body);
    const job = await startMarcImport(ctx.deps, librarian, {
      fileName: 'bomb.xml',
      format: 'marcxml',
      filePath: file,
      fileSize: 1,
      unitId: library,
      publish: true,
    });
    const done = await runMarcImport(ctx.deps, job.id);
    expect(done.status).toBe('failed');
    expect(done.failure).toMatch(/DOCTYPE/);
    expect(done.imported).toBe(0);
  });

  it('takes a multipart upload above the global body limit on the import page', async () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      writeIso2709(marcBook(`u${i}`, `Tải lên ${i} ${'x'.repeat(300)}`)),
    );
    const bytes = concat(many);
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    const form = new FormData();
    form.set('unitId', library);
    form.set('file', new Blob([bytes]), 'upload.mrc');
    const res = await ctx.request('/admin/catalogue/import', {
      method: 'POST',
      body: form,
      headers: { cookie: staffCookie },
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    const jobId =
      /\/admin\/catalogue\/import\/(imp_[a-z2-9]+)/.exec(res.headers.get('location') ?? '')?.[1] ?? '';
    // The upload enqueued the import; the job runner runs it.
    await runDueJobs(ctx.deps, { kinds: [MARC_IMPORT_JOB] });
    const job = await ctx.deps.repos.catalogueImports.get(ctx.deps.db, jobId);
    expect(job).toMatchObject({ status: 'done', imported: 3000, fileSize: bytes.length });
    const page = await ctx.request(`/admin/catalogue/import/${jobId}`, { headers: { cookie: staffCookie } });
    expect(await page.text()).toContain('upload.mrc');
  });
});
