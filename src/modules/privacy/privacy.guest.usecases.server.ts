// Data-subject requests from people without an account (guests who registered for an event with a phone or an
// e-mail address): the public form sends a one-time code to that contact, and the request is recorded only once
// the code comes back, so nobody files requests about someone else's data. Every contact gets the same answer
// whether or not the platform holds anything about it (no enumeration); codes are rate-limited per address and
// per client IP, and die after a few wrong tries (the learners module's code store).
import type { AppDeps } from '../../app/deps.types.ts';
import { ANONYMOUS } from '../../lib/authz.ts';
import { formatDateTime, formatIsoDay } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { t } from '../../lib/i18n.server.ts';
import type { Locale } from '../../lib/i18n.ts';
import { contactCodes, toE164VietnameseMobile } from '../learners/index.server.ts';
import { sendNotice } from '../notifications/index.server.ts';
import { EXPORT_LINK_DAYS, exportLinkToken, exportLinkUrl } from './privacy.guest-export.server.ts';
import type { PrivacyRequest, RequestKind } from './privacy.repository.server.ts';
import { deadlines } from './privacy.usecases.server.ts';

type Deps = Pick<AppDeps, 'db' | 'repos' | 'audit' | 'now' | 'config' | 'mailer' | 'logger'>;

export const GUEST_KINDS: readonly RequestKind[] = [
  'access',
  'correction',
  'deletion',
  'restriction',
  'objection',
];

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,63}$/;

/** A phone becomes E.164, an e-mail address lower case; anything else is null. */
export function normaliseContact(raw: string): string | null {
  const s = raw.normalize('NFKC').trim();
  if (s.length === 0 || s.length > 254) return null;
  if (s.includes('@')) return EMAIL.test(s) ? s.toLowerCase() : null;
  return toE164VietnameseMobile(s);
}

const contactInvalid = () =>
  new AppError('privacy.contact_invalid', 422, 'privacy.error.contactInvalid', {
    details: [{ path: 'contact', message: 'invalid' }],
  });

const notice = (contact: string) => (contact.includes('@') ? { email: contact } : { phone: contact });

/** Step 1: a code to the contact. The same answer for every valid contact, known or not. */
export async function startGuestRequest(
  deps: Deps,
  input: { contact: string; ip: string | null; locale: Locale },
): Promise<string> {
  const contact = normaliseContact(input.contact);
  if (!contact) throw contactInvalid();
  const code = await contactCodes.issue(deps, { address: contact, ip: input.ip });
  await sendNotice(deps, {
    to: notice(contact),
    template: 'privacy.code',
    params: { code },
    secretParams: ['code'],
    subject: t(input.locale, 'privacy.guest.codeSubject'),
    text: t(input.locale, 'privacy.guest.codeText', { code }),
  });
  return contact;
}

/** An access request's own download link (privacy.guest-export.server.ts), shown once and sent to the contact. */
export interface GuestExportLink {
  token: string;
  expiresAt: Date;
}

/**
 * Step 2: the code proves control of the contact; the request is recorded and acknowledged at once. An access
 * request also gets a link to download the data held about that contact, sent to it as well.
 */
export async function finishGuestRequest(
  deps: Deps,
  input: {
    kind: RequestKind;
    contact: string;
    details: string;
    code: string;
    ip: string | null;
    locale: Locale;
  },
): Promise<PrivacyRequest & { exportLink: GuestExportLink | null }> {
  const contact = normaliseContact(input.contact);
  if (!contact) throw contactInvalid();
  if (!GUEST_KINDS.includes(input.kind))
    throw new AppError('privacy.kind_invalid', 422, 'error.validation', {
      details: [{ path: 'kind', message: 'invalid' }],
    });
  const ok = await contactCodes.consume(deps, { address: contact, code: input.code, ip: input.ip });
  if (!ok)
    throw new AppError('privacy.code_wrong', 422, 'privacy.error.codeWrong', {
      details: [{ path: 'code', message: 'wrong' }],
    });
  const receivedAt = deps.now();
  const due = await deadlines(deps, receivedAt);
  const request = await deps.db.transaction(async (tx) => {
    const id = await deps.repos.privacy.insert(tx, {
      kind: input.kind,
      userId: null,
      channel: 'guest-form',
      details: input.details,
      receivedAt,
      contact,
      ...due,
    });
    // The audit entry names the request, never the contact (the log outlives an erasure).
    await deps.audit.record(tx, ANONYMOUS, {
      action: 'privacy.request.create',
      entityType: 'privacy_request',
      entityId: id,
      after: { kind: input.kind, channel: 'guest-form', ...due },
    });
    return (await deps.repos.privacy.get(tx, id))!;
  });
  await sendNotice(deps, {
    to: notice(contact),
    template: 'privacy.ack',
    params: { ref: request.id },
    subject: t(input.locale, 'privacy.guest.ackSubject'),
    text: t(input.locale, 'privacy.guest.ackText', {
      ref: request.id,
      replyDue: formatIsoDay(request.replyDue),
      completeDue: formatIsoDay(request.completeDue),
    }),
  });
  if (request.kind !== 'access') return { ...request, exportLink: null };
  const exportLink = exportLinkToken(deps, request.id);
  const link = exportLinkUrl(deps, input.locale, exportLink.token);
  await sendNotice(deps, {
    to: notice(contact),
    template: 'privacy.export',
    params: { ref: request.id, link },
    secretParams: ['link'],
    subject: t(input.locale, 'privacy.guestExport.subject'),
    text: t(input.locale, 'privacy.guestExport.text', {
      ref: request.id,
      link,
      days: EXPORT_LINK_DAYS,
      until: formatDateTime(exportLink.expiresAt),
    }),
  });
  return { ...request, exportLink };
}
