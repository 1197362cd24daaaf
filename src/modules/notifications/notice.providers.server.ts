// Phone notice providers over HTTP: a brand-name SMS gateway (the JSON POST shape of the Vietnamese gateways,
// eSMS-style: ApiKey/SecretKey/Phone/Content/Brandname/SmsType, success = CodeResult "100") and a Zalo
// ZNS-style template API (phone/template_id/template_data/tracking_id with an access_token header, success =
// error 0). Both go through safeFetch: http(s) only, the configured gateway's host is the whole allow-list,
// every resolved address must be public, a deadline and a byte cap.
import type { Config } from '../../config.server.ts';
import { ALLOW_LOOPBACK_FOR_TESTS, safeFetch } from '../../lib/safe-fetch.server.ts';

export type ProviderResult = { ok: true; ref: string | null } | { ok: false; error: string };

const TIMEOUT_MS = 10_000;
const MAX_ANSWER_BYTES = 64 * 1024;

/** SMS brand-name content: most gateways bill Unicode at 70 characters a part, so marks are removed. */
export function toSmsText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e\n]/g, '')
    .slice(0, 459);
}

async function postJson(
  config: Config,
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown }> {
  const host = new URL(url).hostname;
  const res = await safeFetch(url, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    accept: 'application/json',
    allowList: [host],
    timeoutMs: TIMEOUT_MS,
    maxBytes: MAX_ANSWER_BYTES,
    userAgent: 'SuotDoi/1.0 (notices)',
    // Loopback gateways only in the test suite (safeFetch also checks NODE_ENV).
    [ALLOW_LOOPBACK_FOR_TESTS]: config.nodeEnv === 'test',
  });
  let json: unknown = null;
  try {
    json = JSON.parse(res.body.toString('utf8'));
  } catch {
    json = null;
  }
  return { status: res.status, json };
}

function field(json: unknown, name: string): unknown {
  return typeof json === 'object' && json !== null ? (json as Record<string, unknown>)[name] : undefined;
}

export async function sendSms(
  config: Config,
  sms: NonNullable<Config['sms']>,
  to: string,
  text: string,
  requestId: string,
): Promise<ProviderResult> {
  try {
    const { status, json } = await postJson(config, sms.url, {
      ApiKey: sms.apiKey,
      SecretKey: sms.secretKey,
      Phone: to.replace(/^\+84/, '0'),
      Content: toSmsText(text),
      Brandname: sms.brandName,
      SmsType: '2',
      IsUnicode: '0',
      RequestId: requestId,
    });
    const code = String(field(json, 'CodeResult') ?? '');
    if (status >= 200 && status < 300 && code === '100') {
      const ref = field(json, 'SMSID');
      return { ok: true, ref: typeof ref === 'string' ? ref : null };
    }
    return { ok: false, error: `sms gateway answered ${status} ${code || '(no CodeResult)'}` };
  } catch (e) {
    return { ok: false, error: `sms gateway: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export async function sendZns(
  config: Config,
  zns: NonNullable<Config['zns']>,
  to: string,
  templateId: string,
  params: Record<string, string>,
  trackingId: string,
): Promise<ProviderResult> {
  try {
    const { status, json } = await postJson(
      config,
      zns.url,
      {
        phone: to.replace(/^\+/, ''),
        template_id: templateId,
        template_data: params,
        tracking_id: trackingId,
      },
      { access_token: zns.accessToken },
    );
    const error = field(json, 'error');
    if (status >= 200 && status < 300 && error === 0) {
      const ref = field(field(json, 'data'), 'msg_id');
      return { ok: true, ref: typeof ref === 'string' ? ref : null };
    }
    return { ok: false, error: `zns gateway answered ${status} error=${String(error)}` };
  } catch (e) {
    return { ok: false, error: `zns gateway: ${e instanceof Error ? e.message : String(e)}` };
  }
}
