// The notification channel against a real HTTP gateway: a node:http server on 127.0.0.1 answering like a
// Vietnamese brand-name SMS API and a ZNS-style template API.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { startPhoneSignIn } from '../learners/learners.accounts.server.ts';
import { freshPhone, latestCode } from '../learners/learners.test-helpers.ts';
import { sendNotice } from './index.server.ts';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

let server: Server;
let base: string;
const received: Received[] = [];
/** What the gateway answers next, by path. */
const answers: Record<string, { status: number; body: unknown }> = {};

let withGateways: TestContext;
let smsOnly: TestContext;
let nothing: TestContext;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        path: req.url ?? '',
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'),
      });
      const a = answers[req.url ?? ''] ?? { status: 200, body: {} };
      res.writeHead(a.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(a.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sms = {
    SMS_GATEWAY_URL: `${base}/sms`,
    SMS_API_KEY: 'api-key-1',
    SMS_SECRET_KEY: 'secret-key-1',
    SMS_BRAND_NAME: 'SUOTDOI',
  };
  [withGateways, smsOnly, nothing] = await Promise.all([
    createTestContext({
      config: {
        ...sms,
        ZNS_GATEWAY_URL: `${base}/zns`,
        ZNS_ACCESS_TOKEN: 'zns-token',
        ZNS_TEMPLATES: JSON.stringify({ 'learners.code': '231456' }),
      },
    }),
    createTestContext({ config: sms }),
    createTestContext(),
  ]);
}, 240_000);
afterAll(async () => {
  await Promise.all([withGateways?.close(), smsOnly?.close(), nothing?.close()]);
  await new Promise((r) => server.close(r));
});

async function outbox(ctx: TestContext, to: string) {
  return ctx.dbh.query<{ subject: string; body_text: string; sent_at: Date | null; error: string | null }>(
    'SELECT subject, body_text, sent_at, error FROM mail_outbox WHERE to_address = $1 ORDER BY created_at',
    [to],
  );
}

describe('sendNotice', () => {
  it('sends a sign-in code by the SMS gateway in the brand-name JSON shape, keeping only a redacted copy', async () => {
    answers['/sms'] = { status: 200, body: { CodeResult: '100', SMSID: 'sms-1' } };
    const phone = freshPhone();
    received.length = 0;
    await startPhoneSignIn(smsOnly.deps, { phone, headers: new Headers(), locale: 'vi' });
    expect(received).toHaveLength(1);
    const r = received[0]!;
    expect(r.path).toBe('/sms');
    expect(r.headers['content-type']).toContain('application/json');
    expect(r.body).toMatchObject({
      ApiKey: 'api-key-1',
      SecretKey: 'secret-key-1',
      Phone: `0${phone.slice(3)}`,
      Brandname: 'SUOTDOI',
      SmsType: '2',
      IsUnicode: '0',
    });
    const content = String(r.body.Content);
    expect(content).toMatch(/^Ma xac thuc Suot Doi cua ban: \d{6}\./); // no diacritics on a brand-name SMS
    const code = /(\d{6})/.exec(content)![1]!;
    const copies = await outbox(smsOnly, phone);
    expect(copies).toHaveLength(1);
    expect(copies[0]!.sent_at).not.toBeNull();
    expect(copies[0]!.body_text).not.toContain(code);
  });

  it('uses the ZNS template when one is configured for the notice, with the code as a template parameter', async () => {
    answers['/zns'] = { status: 200, body: { error: 0, message: 'Success', data: { msg_id: 'z-1' } } };
    received.length = 0;
    const phone = freshPhone();
    const channel = await sendNotice(withGateways.deps, {
      to: { phone },
      template: 'learners.code',
      params: { code: '482913' },
      secretParams: ['code'],
      subject: 'Mã',
      text: 'Mã của bạn: 482913',
    });
    expect(channel).toBe('zns');
    expect(received).toHaveLength(1);
    expect(received[0]!.path).toBe('/zns');
    expect(received[0]!.headers.access_token).toBe('zns-token');
    expect(received[0]!.body).toMatchObject({
      phone: phone.slice(1),
      template_id: '231456',
      template_data: { code: '482913' },
    });
  });

  it('falls back from a failing ZNS to SMS, and from a failing SMS gateway to the outbox with the error', async () => {
    answers['/zns'] = { status: 200, body: { error: -124, message: 'Invalid access token' } };
    answers['/sms'] = { status: 200, body: { CodeResult: '100', SMSID: 'sms-2' } };
    received.length = 0;
    const phone = freshPhone();
    const notice = {
      to: { phone },
      template: 'learners.code',
      params: { code: '111222' },
      subject: 'Mã',
      text: 'Mã: 111222',
    };
    expect(await sendNotice(withGateways.deps, notice)).toBe('sms');
    expect(received.map((r) => r.path)).toEqual(['/zns', '/sms']);
    answers['/sms'] = { status: 200, body: { CodeResult: '99', ErrorMessage: 'Phone not valid' } };
    const other = freshPhone();
    expect(await sendNotice(smsOnly.deps, { ...notice, to: { phone: other } })).toBe('outbox');
    const [row] = await outbox(smsOnly, other);
    expect(row?.sent_at).toBeNull();
    expect(row?.error).toContain('99');
  });

  it('with no provider configured, leaves the notice in the outbox as mail without SMTP always did', async () => {
    received.length = 0;
    const phone = freshPhone();
    await startPhoneSignIn(nothing.deps, { phone, headers: new Headers(), locale: 'en' });
    expect(received).toHaveLength(0);
    expect(await latestCode(nothing, phone)).toMatch(/^\d{6}$/);
    const [row] = await outbox(nothing, phone);
    expect(row?.subject).toBe('Suốt Đời verification code');
  });

  it('never hands a placeholder address of a phone-only account to the mailer', async () => {
    const channel = await sendNotice(nothing.deps, {
      to: { email: 'p84912345678@phone.invalid' },
      template: 'x.test',
      params: {},
      subject: 's',
      text: 't',
    });
    expect(channel).toBe('outbox');
  });
});
