// A guest downloads their own data (issue 14): once an access request is verified by the code sent to their
// phone or e-mail, they get a link to everything held about that contact, as JSON and CSV, valid 7 days. The
// token is the only thing in the URL: the request id and expiry sealed with AES-256-GCM under a key derived
// from the server secret, so it is unguessable, cannot be altered or forged, and says nothing to whoever reads
// it. It opens only the data of the contact its request verified; a wrong, altered, expired link, or one whose
// request was rejected or erased, answers 404 like a page that does not exist. Wrong tries are limited per
// client IP and downloads per request (migration 0180); each download is in the audit log.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { AppDeps } from '../../app/deps.types.ts';
import type { PersonalDataSubject } from '../../app/module.ts';
import { ANONYMOUS } from '../../lib/authz.ts';
import { AppError } from '../../lib/errors.ts';
import { type Locale, localePath } from '../../lib/i18n.ts';
import type { PrivacyRequest } from './privacy.repository.server.ts';
import { exportPersonalData, exportToCsv, guestSubject } from './privacy.usecases.server.ts';

export const EXPORT_LINK_DAYS = 7;
const LINK_MS = EXPORT_LINK_DAYS * 24 * 60 * 60_000;
/** Wrong or expired links one client IP may try in the window before it is refused (429). */
export const MAX_WRONG_TRIES_PER_IP = 20;
/** Downloads of one request's data in the window (a link passed around is not a file server). */
export const MAX_DOWNLOADS_PER_REQUEST = 20;
export const TRY_WINDOW_MS = 60 * 60_000;

type Deps = Pick<AppDeps, 'db' | 'repos' | 'config' | 'now'>;

const key = (deps: Pick<AppDeps, 'config'>) =>
  createHmac('sha256', deps.config.sessionSecret).update('privacy.guest-export.key v1').digest();

/** A sealed link token for this request, valid EXPORT_LINK_DAYS from now. */
export function exportLinkToken(
  deps: Pick<AppDeps, 'config' | 'now'>,
  requestId: string,
): { token: string; expiresAt: Date } {
  const expiresAt = new Date(deps.now().getTime() + LINK_MS);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(deps), iv);
  const body = Buffer.concat([
    cipher.update(`${requestId}|${Math.floor(expiresAt.getTime() / 1000)}`, 'utf8'),
    cipher.final(),
  ]);
  return { token: Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url'), expiresAt };
}

/** The request id and expiry a token seals, or null when it is not one of ours (altered, forged, garbage). */
export function readExportToken(
  deps: Pick<AppDeps, 'config'>,
  token: string,
): { requestId: string; expiresAt: Date } | null {
  if (!/^[A-Za-z0-9_-]{40,120}$/.test(token)) return null;
  const raw = Buffer.from(token, 'base64url');
  if (raw.length < 12 + 16 + 3) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(deps), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    const text = Buffer.concat([
      decipher.update(raw.subarray(12, raw.length - 16)),
      decipher.final(),
    ]).toString('utf8');
    const m = /^(dsr_[a-z0-9]+)\|(\d{1,12})$/.exec(text);
    return m ? { requestId: m[1] as string, expiresAt: new Date(Number(m[2]) * 1000) } : null;
  } catch {
    return null;
  }
}

/** The page the link opens (the guest's language), with the token as its only variable part. */
export const exportLinkUrl = (deps: Pick<AppDeps, 'config'>, locale: Locale, token: string) =>
  `${deps.config.publicUrl}${localePath(locale, `/privacy/export/${token}`)}`;

const notFound = () => new AppError('privacy.link_invalid', 404, 'error.notFound');
const tooMany = () => new AppError('privacy.link_rate_limited', 429, 'error.rateLimited');

export interface GuestExport {
  request: PrivacyRequest;
  subject: PersonalDataSubject;
  expiresAt: Date;
}

/**
 * What a link opens: its access request and the verified contact as the data subject. Anything wrong → 404
 * (and counted against the client IP); too many wrong tries from the IP → 429.
 */
export async function openGuestExport(deps: Deps, token: string, ip: string | null): Promise<GuestExport> {
  const now = deps.now();
  const since = new Date(now.getTime() - TRY_WINDOW_MS);
  if (
    ip &&
    (await deps.repos.privacy.countExportTries(deps.db, { failedFromIp: ip }, since)) >=
      MAX_WRONG_TRIES_PER_IP
  )
    throw tooMany();
  const sealed = readExportToken(deps, token);
  const request =
    sealed && sealed.expiresAt > now ? await deps.repos.privacy.get(deps.db, sealed.requestId) : null;
  const subject = request ? guestSubject(request) : null;
  if (!sealed || !request || !subject || request.kind !== 'access' || request.status === 'rejected') {
    await deps.repos.privacy.recordExportTry(deps.db, {
      at: now,
      ip,
      requestId: null,
      ok: false,
      pruneBefore: new Date(now.getTime() - 24 * TRY_WINDOW_MS),
    });
    throw notFound();
  }
  return { request, subject, expiresAt: sealed.expiresAt };
}

/** The file a link downloads: everything held about the verified contact, audited, `no-store` by the caller. */
export async function downloadGuestExport(
  deps: AppDeps,
  input: { token: string; format: 'json' | 'csv'; ip: string | null },
): Promise<string> {
  const { request, subject } = await openGuestExport(deps, input.token, input.ip);
  const now = deps.now();
  const since = new Date(now.getTime() - TRY_WINDOW_MS);
  if (
    (await deps.repos.privacy.countExportTries(deps.db, { okForRequest: request.id }, since)) >=
    MAX_DOWNLOADS_PER_REQUEST
  )
    throw tooMany();
  const data = await exportPersonalData(deps, subject);
  await deps.db.transaction(async (tx) => {
    await deps.repos.privacy.recordExportTry(tx, {
      at: now,
      ip: input.ip,
      requestId: request.id,
      ok: true,
      pruneBefore: new Date(now.getTime() - 24 * TRY_WINDOW_MS),
    });
    // Names the request, never the contact (the log outlives an erasure).
    await deps.audit.record(tx, ANONYMOUS, {
      action: 'privacy.request.download',
      entityType: 'privacy_request',
      entityId: request.id,
      after: { format: input.format, channel: 'guest-link' },
    });
  });
  return input.format === 'json' ? JSON.stringify(data, null, 2) : exportToCsv(data);
}
