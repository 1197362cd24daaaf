import { describe, expect, it } from 'vitest';
import { toPublicRequest } from './public-request.ts';

describe('toPublicRequest', () => {
  it('readdresses the request to the public origin, keeping path, query, method, headers and streamed body', async () => {
    const chunks = ['email=a%40b.vn', '&password=x'];
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const s of chunks) c.enqueue(new TextEncoder().encode(s));
        c.close();
      },
    });
    const internal = new Request('http://10.0.0.5:3000/en/sign-in?next=%2Fadmin', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: 'a=b',
        origin: 'https://hoctap.example.vn',
      },
      body,
      duplex: 'half',
    } as RequestInit);
    const pub = toPublicRequest(internal, 'https://hoctap.example.vn');
    expect(pub.url).toBe('https://hoctap.example.vn/en/sign-in?next=%2Fadmin');
    expect(pub.method).toBe('POST');
    expect(pub.headers.get('cookie')).toBe('a=b');
    expect(pub.headers.get('origin')).toBe('https://hoctap.example.vn');
    expect((await pub.formData()).get('password')).toBe('x');
  });

  it('keeps the abort signal and the default redirect mode of a GET', () => {
    const abort = new AbortController();
    const pub = toPublicRequest(
      new Request('http://10.0.0.5:3000/?q=1', { signal: abort.signal }),
      'https://hoctap.example.vn',
    );
    expect(pub.redirect).toBe('follow');
    expect(pub.body).toBeNull();
    expect(pub.signal.aborted).toBe(false);
    abort.abort();
    expect(pub.signal.aborted).toBe(true);
  });

  it('leaves a request already on the public origin as it is', () => {
    const req = new Request('https://hoctap.example.vn/events');
    expect(toPublicRequest(req, 'https://hoctap.example.vn')).toBe(req);
  });

  it('never takes the host from the request, whatever Host or X-Forwarded-Host claim', () => {
    const req = new Request('http://evil.example/sign-in', {
      headers: { 'x-forwarded-host': 'evil.example' },
    });
    expect(new URL(toPublicRequest(req, 'https://hoctap.example.vn').url).host).toBe('hoctap.example.vn');
  });
});
