import { describe, expect, it } from 'vitest';
import { readPageForm } from './page-form.ts';

const post = (type: string | null, body: string) =>
  new Request('http://localhost/sign-in', {
    method: 'POST',
    headers: type ? { 'content-type': type } : {},
    body,
  });

async function refusal(request: Request) {
  try {
    await readPageForm(request);
  } catch (e) {
    const thrown = e as { data: { messageKey: string }; init: { status: number } };
    return { status: thrown.init.status, key: thrown.data.messageKey };
  }
  return null;
}

describe('readPageForm', () => {
  it('reads url-encoded and multipart forms', async () => {
    expect((await readPageForm(post('application/x-www-form-urlencoded', 'a=1'))).get('a')).toBe('1');
    const multipart = new FormData();
    multipart.set('b', '2');
    const req = new Request('http://localhost/x', { method: 'POST', body: multipart });
    expect((await readPageForm(req)).get('b')).toBe('2');
  });

  it('reads a post without any body as an empty form', async () => {
    const bare = new Request('http://localhost/sign-out', { method: 'POST' });
    expect([...(await readPageForm(bare)).keys()]).toEqual([]);
  });

  it('refuses a body that is not a form with 415 and says which types it takes', async () => {
    expect(await refusal(post('application/json', '{}'))).toEqual({ status: 415, key: 'error.formBody' });
    expect(await refusal(post('text/plain', 'a=1'))).toEqual({ status: 415, key: 'error.formBody' });
    expect(await refusal(post(null, 'a=1'))).toEqual({ status: 415, key: 'error.formBody' });
  });

  it('refuses a broken multipart body with 400', async () => {
    expect(await refusal(post('multipart/form-data; boundary=x', '--y\r\n\r\n'))).toEqual({
      status: 400,
      key: 'error.formMalformed',
    });
    expect(await refusal(post('multipart/form-data', 'a=1'))).toEqual({
      status: 400,
      key: 'error.formMalformed',
    });
  });
});
