import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testActor } from '../../test/actors.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { buildZip, docxBomb, docxLike, tinyPdf } from '../../test/zip.ts';
import { fileDir } from './files.storage.server.ts';
import { storeUploadedFile } from './files.usecases.server.ts';

let ctx: TestContext;
const actor = testActor([]);
let n = 0;
async function temp(bytes: Buffer): Promise<string> {
  const p = join(tmpdir(), `sd-upload-${process.pid}-${n++}`);
  await writeFile(p, bytes);
  return p;
}
async function count(): Promise<number> {
  const rows = await ctx.dbh.query<{ n: number }>('SELECT count(*)::int AS n FROM stored_files');
  return rows[0]?.n ?? 0;
}
async function refused(bytes: Buffer, fileName: string, kind: 'evidence' | 'image' = 'evidence') {
  const before = await count();
  const tempPath = await temp(bytes);
  const err = await storeUploadedFile(ctx.deps, actor, {
    tempPath,
    fileName,
    kind,
    visibility: 'private',
    unitId: null,
  }).catch((e: unknown) => e);
  expect(await count()).toBe(before);
  expect(existsSync(tempPath)).toBe(false);
  return err as { code: string; status: number };
}

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('storing uploads', () => {
  it('stores a PDF as evidence, by content type, and serves it only through fileResponse', async () => {
    const f = await storeUploadedFile(ctx.deps, actor, {
      tempPath: await temp(tinyPdf()),
      fileName: 'Báo cáo 2026.pdf',
      kind: 'evidence',
      visibility: 'private',
      unitId: null,
    });
    expect(f.mime).toBe('application/pdf');
    expect(f.originalName).toBe('Báo cáo 2026.pdf');
    // Private files are not reachable by the public media route.
    expect((await ctx.request(`/media/${f.id}/original`)).status).toBe(404);
  });

  it('re-encodes an image, strips metadata, makes derivatives and serves public ones with caching', async () => {
    const png = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: '#c33' } })
      .withMetadata({ exif: { IFD0: { Copyright: 'secret-gps' } } })
      .jpeg()
      .toBuffer();
    const f = await storeUploadedFile(ctx.deps, actor, {
      tempPath: await temp(png),
      fileName: 'ảnh.jpg',
      kind: 'image',
      visibility: 'public',
      unitId: null,
    });
    expect(f.width).toBe(2400);
    expect(f.variants.thumb?.width).toBe(320);
    expect(f.variants.large?.width).toBe(1920);
    const res = await ctx.request(`/media/${f.id}/thumb`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const original = Buffer.from(await (await ctx.request(`/media/${f.id}/original`)).arrayBuffer());
    expect(original.includes(Buffer.from('secret-gps'))).toBe(false);
    expect((await ctx.request(`/media/${f.id}/../../etc`)).status).toBe(404);
    expect((await ctx.request(`/media/${f.id}/huge`)).status).toBe(404);
  });

  it('refuses a renamed executable', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(4096, 1)]);
    expect((await refused(exe, 'bao-cao.pdf')).code).toBe('files.type_not_allowed');
    const elf = Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01', 'latin1'), Buffer.alloc(4096)]);
    expect((await refused(elf, 'anh.png', 'image')).code).toBe('files.type_not_allowed');
  });

  it('refuses a zip bomb disguised as a DOCX, honest or lying about its size', async () => {
    expect((await refused(docxBomb(50), 'bom.docx')).code).toBe('files.zip_bomb');
    const lying = docxLike({
      name: 'word/media/x.bin',
      data: Buffer.alloc(20 * 1024 * 1024),
      declaredSize: 1000,
    });
    expect(['files.zip_bomb', 'files.corrupt']).toContain((await refused(lying, 'lying.docx')).code);
  });

  it('accepts a real-shaped DOCX', async () => {
    const f = await storeUploadedFile(ctx.deps, actor, {
      tempPath: await temp(docxLike()),
      fileName: 'ke-hoach.docx',
      kind: 'evidence',
      visibility: 'private',
      unitId: null,
    });
    expect(f.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(existsSync(fileDir(ctx.deps.config.dataDir, f.id))).toBe(true);
  });

  it('refuses path-traversal and control-character names, oversize and empty files', async () => {
    for (const name of ['../../etc/passwd.pdf', '..\\boot.ini', 'a/b.pdf', 'x\u0000.pdf', 'C:evil.pdf'])
      expect((await refused(tinyPdf(), name)).code).toBe('files.bad_name');
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(21 * 1024 * 1024)]);
    expect((await refused(big, 'big.pdf')).status).toBe(413);
    expect((await refused(Buffer.alloc(0), 'empty.pdf')).code).toBe('files.empty');
    expect((await refused(buildZip([{ name: 'a.txt', data: Buffer.from('x') }]), 'a.docx')).code).toBe(
      'files.type_not_allowed',
    );
  });
});
