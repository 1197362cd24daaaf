// Mails of the events module: confirmation (with the QR ticket), waitlist notice, promotion from the waitlist,
// feedback invitation. Sent after the transaction commits; a failed send is logged, never undoes a seat.
import QRCode from 'qrcode';
import type { AppDeps } from '../../app/deps.types.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { type Locale, localePath, t } from '../../lib/i18n.server.ts';
import type { MailMessage, SendOptions } from '../../lib/mailer.server.ts';

type MailDeps = Pick<AppDeps, 'mailer' | 'logger' | 'config'>;

export function siteUrl(deps: Pick<AppDeps, 'config'>, locale: Locale, path: string): string {
  return `${deps.config.publicUrl}${localePath(locale, path)}`;
}

export const ticketPath = (code: string) => `/events/tickets/${code}`;

/** The QR code of a ticket: it encodes the ticket's URL, which the check-in page also accepts. */
export function ticketQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Sends (or keeps in the outbox) one mail; a failure is logged, never thrown. */
export async function sendEventMail(deps: MailDeps, m: MailMessage, opts?: SendOptions) {
  try {
    await deps.mailer.send(m, opts);
  } catch (e) {
    deps.logger.warn({ err: e, purpose: m.purpose }, 'events mail not sent');
  }
}

export interface TicketMail {
  to: string;
  name: string;
  eventTitle: string;
  startsAt: Date | null;
  ticketCode: string;
  status: 'confirmed' | 'waitlisted';
  waitlistPosition: number | null;
  cancelToken: string | null;
  locale: Locale;
  /** 'registration' (just signed up) or 'promotion' (moved from the waitlist to a seat). */
  reason: 'registration' | 'promotion';
  /** For the add-to-calendar link (the event's .ics). */
  eventId?: string;
  /** Where to go: the venue's name and address. */
  place?: { name: string; address: string | null } | null;
  /** The registration the ticket is of: its erasure deletes this mail. */
  registrationId: string;
}

export async function sendTicketMail(deps: MailDeps, m: TicketMail): Promise<void> {
  await sendEventMail(deps, await ticketMailMessage(deps, m));
}

/** The ticket mail as sent: rendered (QR code included) apart from sending, so a caller can render it first. */
export async function ticketMailMessage(deps: Pick<AppDeps, 'config'>, m: TicketMail): Promise<MailMessage> {
  const tr = (k: Parameters<typeof t>[1], p?: Record<string, string | number>) => t(m.locale, k, p);
  const ticketUrl = siteUrl(deps, m.locale, ticketPath(m.ticketCode));
  const cancelUrl = m.cancelToken
    ? `${siteUrl(deps, m.locale, '/events/cancel')}?token=${encodeURIComponent(m.cancelToken)}`
    : null;
  const when = m.startsAt ? formatDateTime(m.startsAt) : '';
  const subject =
    m.reason === 'promotion'
      ? tr('events.mail.promoted.subject', { title: m.eventTitle })
      : m.status === 'confirmed'
        ? tr('events.mail.confirmed.subject', { title: m.eventTitle })
        : tr('events.mail.waitlisted.subject', { title: m.eventTitle });
  const lead =
    m.reason === 'promotion'
      ? tr('events.mail.promoted.body', { name: m.name, title: m.eventTitle, when })
      : m.status === 'confirmed'
        ? tr('events.mail.confirmed.body', { name: m.name, title: m.eventTitle, when })
        : tr('events.mail.waitlisted.body', {
            name: m.name,
            title: m.eventTitle,
            position: m.waitlistPosition ?? 0,
          });
  const where = m.place ? `${m.place.name}${m.place.address ? `, ${m.place.address}` : ''}` : null;
  const icsUrl = m.eventId ? `${deps.config.publicUrl}/feeds/events/${m.eventId}.ics` : null;
  const lines = [
    lead,
    '',
    ...(where ? [`${tr('events.field.place')}: ${where}`] : []),
    `${tr('events.mail.ticketCode')}: ${m.ticketCode}`,
    `${tr('events.mail.ticketLink')}: ${ticketUrl}`,
    ...(icsUrl ? [`${tr('events.detail.addToCalendar')}: ${icsUrl}`] : []),
    ...(cancelUrl ? [`${tr('events.mail.cancelLink')}: ${cancelUrl}`] : []),
  ];
  const qr = m.status === 'confirmed' ? await ticketQrDataUrl(ticketUrl) : null;
  const html = [
    `<p>${escapeHtml(lead)}</p>`,
    qr
      ? `<p><img src="${qr}" width="240" height="240" alt="${escapeHtml(tr('events.ticket.qrAlt', { code: m.ticketCode }))}"></p>`
      : '',
    where ? `<p>${escapeHtml(tr('events.field.place'))}: ${escapeHtml(where)}</p>` : '',
    `<p>${escapeHtml(tr('events.mail.ticketCode'))}: <strong>${escapeHtml(m.ticketCode)}</strong></p>`,
    `<p><a href="${escapeHtml(ticketUrl)}">${escapeHtml(tr('events.mail.ticketLink'))}</a></p>`,
    icsUrl
      ? `<p><a href="${escapeHtml(icsUrl)}">${escapeHtml(tr('events.detail.addToCalendar'))}</a></p>`
      : '',
    cancelUrl
      ? `<p><a href="${escapeHtml(cancelUrl)}">${escapeHtml(tr('events.mail.cancelLink'))}</a></p>`
      : '',
  ].join('\n');
  return {
    to: m.to,
    subject,
    text: lines.join('\n'),
    html,
    purpose: m.reason === 'promotion' ? 'event-waitlist-promotion' : 'event-registration',
    registrationId: m.registrationId,
  };
}

export async function sendFeedbackMail(
  deps: MailDeps,
  m: { to: string; name: string; eventTitle: string; token: string; locale: Locale; registrationId: string },
): Promise<void> {
  const url = `${siteUrl(deps, m.locale, '/events/feedback')}?token=${encodeURIComponent(m.token)}`;
  const body = t(m.locale, 'events.mail.feedback.body', { name: m.name, title: m.eventTitle });
  await sendEventMail(deps, {
    to: m.to,
    subject: t(m.locale, 'events.mail.feedback.subject', { title: m.eventTitle }),
    text: `${body}\n\n${url}`,
    html: `<p>${escapeHtml(body)}</p>\n<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`,
    purpose: 'event-feedback',
    registrationId: m.registrationId,
  });
}

export async function sendCancellationMail(
  deps: MailDeps,
  m: { to: string; name: string; eventTitle: string; locale: Locale; registrationId: string },
): Promise<void> {
  const body = t(m.locale, 'events.mail.eventCancelled.body', { name: m.name, title: m.eventTitle });
  await sendEventMail(deps, {
    to: m.to,
    subject: t(m.locale, 'events.mail.eventCancelled.subject', { title: m.eventTitle }),
    text: body,
    html: `<p>${escapeHtml(body)}</p>`,
    purpose: 'event-cancelled',
    registrationId: m.registrationId,
  });
}

/**
 * The ticket's QR code as a PNG data URL. A black-and-white code needs neither colour nor alpha, and each row of
 * modules repeats the row above it: a grayscale PNG with the "Up" filter is about 40 % smaller (1.4 KB against
 * 2.4 KB) and costs about half the CPU of pngjs's default (RGBA, every filter tried on every row: ~7 ms a mail,
 * which ran beside long registration bursts; ADR 0013). The same pixels (events.mail.test.ts).
 */
export function ticketQrDataUrl(url: string): Promise<string> {
  // pngjs's own options pass through `rendererOpts`; @types/qrcode knows only the JPEG/WebP quality there.
  const options = { margin: 2, width: 240, rendererOpts: { filterType: 2, colorType: 0 } };
  return QRCode.toDataURL(url, options as unknown as QRCode.QRCodeToDataURLOptions);
}
