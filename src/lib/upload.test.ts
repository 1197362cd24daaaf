import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError, isAppError } from './errors.ts';
import { withUpload } from './upload.server.ts';

const multipart = (file: Buffer | null, fields: Record<string, string> = {}) => {
  const parts = Object.entries(fields).map(
    ([k, v]) => `--b\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  return Buffer.concat([
    Buffer.from(parts.join('')),
    file
      ? Buffer.concat([
          Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="bien-ban.pdf"\r\n\r\n'),
          file,
          Buffer.from('\r\n'),
        ])
      : Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename=""\r\n\r\n\r\n'),
    Buffer.from('--b--\r\n'),
  ]);
};
const post = (body: Buffer | ReadableStream<Uint8Array>) =>
  new Request('http://local.invalid/', {
    method: 'POST',
    headers: { 'content-type': 'multipart/form-data; boundary=b' },
    body,
    duplex: 'half',
  } as RequestInit);
const setup = () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'upload-'));
  const tmp = join(dataDir, 'files', 'tmp');
  return { dataDir, left: () => (existsSync(tmp) ? readdirSync(tmp) : []) };
};
const caught = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('withUpload', () => {
  it('hands the saved file and the fields to the use case, then removes the temporary file', async () => {
    const { dataDir, left } = setup();
    const seen = await withUpload(
      post(multipart(Buffer.from('%PDF-1.4'), { title: 'Biên bản' })),
      { dataDir, maxFileBytes: 1000 },
      async (u) => {
        expect(left()).toHaveLength(1);
        return { bytes: readFileSync(u.path, 'utf8'), name: u.fileName, size: u.size, title: u.fields.title };
      },
    );
    expect(seen).toEqual({ bytes: '%PDF-1.4', name: 'bien-ban.pdf', size: 8, title: 'Biên bản' });
    expect(left()).toEqual([]);
  });

  it('removes the temporary file when the use case throws, and passes its error on unchanged', async () => {
    const { dataDir, left } = setup();
    const refusal = new AppError('files.type_not_allowed', 422, 'files.error.type.evidence');
    let path = '';
    const e = await caught(
      withUpload(post(multipart(Buffer.from('MZ'))), { dataDir, maxFileBytes: 1000 }, async (u) => {
        path = u.path;
        throw refusal;
      }),
    );
    expect(e).toBe(refusal);
    expect(path).not.toBe('');
    expect(existsSync(path)).toBe(false);
    expect(left()).toEqual([]);
  });

  it('stops an oversized upload at the limit with 413 and leaves nothing on disk', async () => {
    const { dataDir, left } = setup();
    let called = false;
    const e = await caught(
      withUpload(post(multipart(Buffer.alloc(200_000, 1))), { dataDir, maxFileBytes: 1000 }, async () => {
        called = true;
      }),
    );
    expect(isAppError(e) && [e.status, e.messageKey]).toEqual([413, 'error.tooLarge']);
    expect(called).toBe(false);
    expect(left()).toEqual([]);
  });

  it('leaves nothing on disk when the client aborts in the middle of the file', async () => {
    const { dataDir, left } = setup();
    const head = multipart(Buffer.alloc(5000, 1)).subarray(0, 3000);
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array(head));
      },
      pull(c) {
        c.error(new Error('aborted'));
      },
    });
    const e = await caught(withUpload(post(body), { dataDir, maxFileBytes: 10_000 }, async () => undefined));
    expect(e).toBeInstanceOf(Error);
    expect(left()).toEqual([]);
  });

  it('answers 422 with the page’s message when no file was chosen, keeping the text fields', async () => {
    const { dataDir, left } = setup();
    const fields: Record<string, string> = {};
    const e = await caught(
      withUpload(
        post(multipart(null, { alt: 'Thư viện' })),
        { dataDir, maxFileBytes: 1000, noFileKey: 'places.error.noFile', fields },
        async () => undefined,
      ),
    );
    expect(isAppError(e) && [e.status, e.messageKey]).toEqual([422, 'places.error.noFile']);
    expect(fields).toEqual({ alt: 'Thư viện' });
    expect(left()).toEqual([]);
  });

  it('answers 422 "empty file" for a chosen file without bytes', async () => {
    const { dataDir, left } = setup();
    const e = await caught(
      withUpload(post(multipart(Buffer.alloc(0))), { dataDir, maxFileBytes: 1000 }, async () => undefined),
    );
    expect(isAppError(e) && [e.status, e.messageKey]).toEqual([422, 'files.error.empty']);
    expect(left()).toEqual([]);
  });
});
