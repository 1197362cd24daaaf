import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from './errors.ts';
import { saveMultipartUpload } from './multipart.server.ts';

const upload = (field: Buffer) => {
  const body = Buffer.concat([
    Buffer.from('--b\r\nContent-Disposition: form-data; name="title"\r\n\r\n'),
    field,
    Buffer.from('\r\n--b--\r\n'),
  ]);
  const request = new Request('http://local.invalid/', {
    method: 'POST',
    headers: { 'content-type': 'multipart/form-data; boundary=b' },
    body,
  });
  const dir = mkdtempSync(join(tmpdir(), 'multipart-'));
  return saveMultipartUpload(request, { maxBytes: 10_000, fileField: 'file', filePath: join(dir, 'f') });
};

describe('multipart text fields', () => {
  it('keeps Vietnamese text fields as sent', async () => {
    expect((await upload(Buffer.from('Nguyễn'))).fields.title).toBe('Nguyễn');
  });

  it('refuses a text field that is not UTF-8 with 400, instead of storing "Ng\ufffduyen"', async () => {
    const e = await upload(Buffer.from([0x4e, 0x67, 0xff, 0x75, 0x79, 0x65, 0x6e])).catch((x: unknown) => x);
    expect(isAppError(e) && e.status).toBe(400);
  });
});
