// The notification channel: one call, `sendNotice`, for any module that must tell a person something by phone
// or e-mail (a sign-in code today; reminders, overdue loans, consent requests later). Providers, in order:
//   - to a phone: Zalo ZNS template (when configured and the template has a ZNS id), else the brand-name SMS
//     gateway (when configured); a failed ZNS send falls back to SMS;
//   - to an e-mail address: the mailer (SMTP when configured);
//   - with no provider for the address: the outbox (mail_outbox), as mail without SMTP always did.
// Delivered phone notices leave a copy in the outbox with their secret parameters blanked, so the outbox
// never holds a usable code once it was sent. Notices are never written to the log.
import type { AppDeps } from '../../app/deps.types.ts';
import { outboxPort } from '../mail/index.server.ts';
import { sendSms, sendZns } from './notice.providers.server.ts';
import { newId } from './notifications.ids.server.ts';

export interface Notice {
  to: { phone: string } | { email: string };
  /** Stable template name (`<module>.<what>`): the ZNS template id is looked up by it (ZNS_TEMPLATES). */
  template: string;
  /** Template parameters, for ZNS; also what `secretParams` names. */
  params: Record<string, string>;
  /** The rendered message (the caller translates): SMS content, mail subject and text. */
  subject: string;
  text: string;
  /** Parameters that are secrets (a code): blanked in any stored copy of a delivered notice. */
  secretParams?: readonly string[];
}

export type NoticeChannel = 'zns' | 'sms' | 'email' | 'outbox';

type Deps = Pick<AppDeps, 'config' | 'repos' | 'mailer' | 'logger'>;

function redact(text: string, n: Notice): string {
  let out = text;
  for (const k of n.secretParams ?? []) {
    const v = n.params[k];
    if (v) out = out.split(v).join('…');
  }
  return out;
}

/** Sends one notice; returns the channel that took it. Throws only when the outbox itself cannot be written. */
export async function sendNotice(deps: Deps, n: Notice): Promise<NoticeChannel> {
  const purpose = n.template;
  if ('email' in n.to) {
    // `.invalid` addresses stand in for phone-only accounts (migration 0025): never handed to SMTP.
    if (deps.config.smtp && !n.to.email.endsWith('.invalid')) {
      await deps.mailer.send({ to: n.to.email, subject: n.subject, text: n.text, purpose });
      return 'email';
    }
    await outboxPort.record(deps, { to: n.to.email, subject: n.subject, text: n.text, purpose }, null, null);
    return 'outbox';
  }
  const phone = n.to.phone;
  const id = newId('ntf');
  const errors: string[] = [];
  const { zns, sms } = deps.config;
  const znsTemplate = zns?.templates[n.template];
  if (zns && znsTemplate) {
    const r = await sendZns(deps.config, zns, phone, znsTemplate, n.params, id);
    if (r.ok) return delivered(deps, n, 'zns', phone);
    errors.push(r.error);
  }
  if (sms) {
    const r = await sendSms(deps.config, sms, phone, n.text, id);
    if (r.ok) return delivered(deps, n, 'sms', phone);
    errors.push(r.error);
  }
  if (errors.length) deps.logger.warn({ template: n.template, errors }, 'phone notice not delivered');
  // Nothing configured (or every provider failed): the outbox keeps it, as mail without SMTP does.
  await outboxPort.record(
    deps,
    { to: phone, subject: n.subject, text: n.text, purpose },
    null,
    errors.length ? errors.join('; ').slice(0, 500) : null,
  );
  return 'outbox';
}

async function delivered(
  deps: Deps,
  n: Notice,
  channel: NoticeChannel,
  phone: string,
): Promise<NoticeChannel> {
  await outboxPort.record(
    deps,
    { to: phone, subject: `[${channel}] ${n.subject}`, text: redact(n.text, n), purpose: n.template },
    new Date(),
    null,
  );
  return channel;
}
