// Learning paths in the catalogue's OAI-PMH provider (the learning module's `oaiSources` contribution): listed
// after the catalogue's records as one list, oai_dc only, with datestamps that move on edits and tombstones on
// unpublishing; resumption tokens page across both sources without repeats or gaps while rows are inserted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/authz.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import {
  errorCodes,
  identifiers,
  insertRecords,
  oai,
  recordValues,
  tokenOf,
} from '../catalogue/oai/oai.test-helpers.ts';
import { LIST_RECORDS_PAGE } from '../catalogue/oai/oai-provider.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { learningOaiSource } from './learning.oai.repository.server.ts';
import { bookRecord, publishedPath } from './learning.test-helpers.ts';
import { createPath, setPathStatus, updatePath } from './learning.usecases.server.ts';

let ctx: TestContext;
let museum: string;
let curator: Actor;
let recordId: string;
const idOf = (id: string) => `oai:localhost:${id}`;
const responseDate = (xml: string) =>
  (/<responseDate>([^<]+)<\/responseDate>/.exec(xml)?.[1] ?? '') as string;

beforeAll(async () => {
  ctx = await createTestContext();
  museum = await unitIdOf(ctx, 'bao-tang-tinh');
  curator = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
  recordId = await bookRecord(ctx, curator, museum);
}, 180_000);
afterAll(() => ctx.close());

const pathIn = async () => (await publishedPath(ctx, curator, museum, recordId)).pathId;

describe('learning paths in OAI-PMH', () => {
  it('publishes a path as oai_dc in its unit and type sets; drafts are unknown; marcxml is refused', async () => {
    const pathId = await pathIn();
    const draft = await createPath(ctx.deps, curator, {
      unitId: museum,
      title: 'Bản nháp',
      summary: '',
      completionRule: 'all_steps',
    });
    const dc = await oai(ctx, `verb=GetRecord&identifier=${idOf(pathId)}&metadataPrefix=oai_dc`);
    expect(errorCodes(dc)).toEqual([]);
    expect(dc).toContain('<setSpec>unit:bao-tang-tinh</setSpec><setSpec>type:learning_path</setSpec>');
    expect(dc).toContain('<dc:title>Làm quen với thư viện</dc:title>');
    expect(dc).toContain('<dc:description>Ba bước ngắn.</dc:description>');
    expect(dc).toContain('<dc:type>InteractiveResource</dc:type>');
    expect(dc).toContain(`<dc:identifier>http://localhost:3000/learn/paths/${pathId}</dc:identifier>`);
    expect(dc).toContain(`<dc:relation>http://localhost:3000/records/${recordId}</dc:relation>`);
    expect(dc).toMatch(/<dc:publisher>[^<]+<\/dc:publisher>/);
    const marc = await oai(ctx, `verb=GetRecord&identifier=${idOf(pathId)}&metadataPrefix=marcxml`);
    expect(errorCodes(marc)).toEqual(['cannotDisseminateFormat']);
    const formats = await oai(ctx, `verb=ListMetadataFormats&identifier=${idOf(pathId)}`);
    expect(formats).toContain('<metadataPrefix>oai_dc</metadataPrefix>');
    expect(formats).not.toContain('marcxml');
    expect(
      errorCodes(await oai(ctx, `verb=GetRecord&identifier=${idOf(draft)}&metadataPrefix=oai_dc`)),
    ).toEqual(['idDoesNotExist']);
    const sets = await oai(ctx, 'verb=ListSets');
    expect(sets).toContain('<setSpec>type:learning_path</setSpec>');
    const onlyPaths = identifiers(
      await oai(ctx, 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:learning_path'),
    );
    expect(onlyPaths).toEqual([idOf(pathId)]);
    expect(
      errorCodes(await oai(ctx, 'verb=ListIdentifiers&metadataPrefix=marcxml&set=type:learning_path')),
    ).toEqual(['noRecordsMatch']);
    const marcList = identifiers(
      await oai(ctx, 'verb=ListIdentifiers&metadataPrefix=marcxml&set=unit:bao-tang-tinh'),
    );
    expect(marcList).toContain(idOf(recordId));
    expect(marcList).not.toContain(idOf(pathId));
    const other = await oai(ctx, 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=unit:thu-vien-tinh');
    expect(identifiers(other)).not.toContain(idOf(pathId));
  });

  it('moves the datestamp on edits and keeps a tombstone when unpublished, revived when published again', async () => {
    const pathId = await pathIn();
    const first = await learningOaiSource.get(ctx.deps, pathId);
    await updatePath(ctx.deps, curator, pathId, {
      unitId: museum,
      title: 'Làm quen với bảo tàng',
      summary: 'Đã sửa.',
      completionRule: 'all_steps',
      version: 5,
    });
    const edited = await learningOaiSource.get(ctx.deps, pathId);
    expect(edited?.datestamp.getTime()).toBeGreaterThan(first?.datestamp.getTime() ?? 0);
    expect(edited?.seq).toBe(first?.seq);
    await setPathStatus(ctx.deps, curator, pathId, 'draft', 6);
    const gone = await oai(ctx, `verb=GetRecord&identifier=${idOf(pathId)}&metadataPrefix=oai_dc`);
    expect(gone).toContain('<header status="deleted">');
    expect(gone).not.toContain('<metadata>');
    const tomb = await learningOaiSource.get(ctx.deps, pathId);
    expect(tomb?.deleted).toBe(true);
    expect(tomb?.datestamp.getTime()).toBeGreaterThan(edited?.datestamp.getTime() ?? 0);
    // Edits to the draft leave the tombstone as it was.
    await updatePath(ctx.deps, curator, pathId, {
      unitId: museum,
      title: 'Nháp lại',
      summary: '',
      completionRule: 'all_steps',
      version: 7,
    });
    expect((await learningOaiSource.get(ctx.deps, pathId))?.datestamp).toEqual(tomb?.datestamp);
    await setPathStatus(ctx.deps, curator, pathId, 'published', 8);
    const back = await oai(ctx, `verb=GetRecord&identifier=${idOf(pathId)}&metadataPrefix=oai_dc`);
    expect(back).not.toContain('status="deleted"');
    expect(back).toContain('<dc:title>Nháp lại</dc:title>');
  });

  it('pages across records and paths once each, with rows inserted and changed between pages', async () => {
    // A unit of its own: its records and paths only.
    const unit = 'ttvh-dien-anh';
    const cinema = await unitIdOf(ctx, unit);
    const staff = await actorOn(ctx, 'unit_staff', unit);
    const book = await bookRecord(ctx, staff, cinema);
    const newPath = async () => (await publishedPath(ctx, staff, cinema, book)).pathId;
    const newRecords = async (n: number) => {
      const rows = Array.from({ length: n }, (_, i) => recordValues({ unitId: cinema, title: `Phim ${i}` }));
      await insertRecords(ctx, rows);
      return rows.map((r) => r.id);
    };
    const records = [book, ...(await newRecords(2 * LIST_RECORDS_PAGE - 3))]; // 198
    const paths = [await newPath(), await newPath(), await newPath(), await newPath()];
    // The harvest starts in a later second than these were stamped (OAI dates have second granularity).
    await new Promise((r) => setTimeout(r, 1100));
    const q = `verb=ListRecords&metadataPrefix=oai_dc&set=unit:${unit}`;
    const first = await oai(ctx, q);
    expect(first).toMatch(/<resumptionToken completeListSize="202" cursor="0" expirationDate="[^"]+">/);
    const seen = identifiers(first);
    expect(seen).toHaveLength(LIST_RECORDS_PAGE);
    // Between pages 1 and 2 (still in the records): a record and a path are added, a path not yet listed is
    // unpublished (it is listed as deleted).
    const lateRecord = await newRecords(1);
    const latePath = await newPath();
    await setPathStatus(ctx.deps, staff, paths[1] as string, 'draft', 5);
    const second = await oai(
      ctx,
      `verb=ListRecords&resumptionToken=${encodeURIComponent(tokenOf(first) ?? '')}`,
    );
    expect(errorCodes(second)).toEqual([]);
    seen.push(...identifiers(second));
    expect(seen).toContain(idOf(paths[0] as string)); // the page ends inside the paths
    // Between pages 2 and 3 (inside the paths): a path already listed is edited, another is added, and a record
    // is added behind the position (the next harvest `from` this one's start finds it).
    await updatePath(ctx.deps, staff, paths[0] as string, {
      unitId: cinema,
      title: 'Đã sửa giữa hai trang',
      summary: '',
      completionRule: 'all_steps',
      version: 5,
    });
    const lastPath = await newPath();
    const behind = await newRecords(1);
    let token = tokenOf(second);
    let all = first + second;
    let pages = 2;
    while (token) {
      const next = await oai(ctx, `verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`);
      expect(errorCodes(next)).toEqual([]);
      all += next;
      seen.push(...identifiers(next));
      token = tokenOf(next);
      pages++;
    }
    expect(pages).toBe(3);
    const expected = [...records, ...lateRecord, ...paths, latePath, lastPath].map(idOf);
    expect([...seen].sort()).toEqual([...expected].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).not.toContain(idOf(behind[0] as string));
    // Records first, then paths, each in insertion order.
    expect(seen.indexOf(idOf(lateRecord[0] as string))).toBeLessThan(seen.indexOf(idOf(paths[0] as string)));
    expect(all.match(/<header status="deleted">/g)).toHaveLength(1);
    // The next incremental harvest, from the first response's date, has what changed since.
    const since = identifiers(
      await oai(
        ctx,
        `verb=ListIdentifiers&metadataPrefix=oai_dc&set=unit:${unit}&from=${responseDate(first)}`,
      ),
    );
    for (const id of [behind[0], lateRecord[0], latePath, lastPath, paths[0], paths[1]])
      expect(since).toContain(idOf(id as string));
    expect(since).not.toContain(idOf(paths[2] as string));
    // `until` before the first harvest leaves the later rows out of both sources.
    const before = identifiers(
      await oai(
        ctx,
        `verb=ListIdentifiers&metadataPrefix=oai_dc&set=unit:${unit}&until=${new Date(new Date(responseDate(first)).getTime() - 1000).toISOString().slice(0, 19)}Z`,
      ),
    );
    expect(before).toContain(idOf(paths[3] as string));
    expect(before).not.toContain(idOf(latePath));
    expect(before).not.toContain(idOf(paths[0] as string));
  });
});
