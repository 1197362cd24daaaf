// Outgoing mail. With SMTP configured, mail goes through nodemailer; without, into the mail_outbox table,
// which administrators can read (and tests can assert on).
import nodemailer from 'nodemailer';
import type { Config } from '../config.server.ts';
import type { Db } from '../db/client.server.ts';
import type { OutboxRepository } from '../modules/mail/outbox.repository.server.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Why it was sent (password-reset, invitation, reminder…), kept with the outbox row. */
  purpose: string;
  /**
   * The event registration the mail is about (ticket, promotion, feedback invitation, cancellation), kept with
   * the outbox row: the registration's erasure deletes its mails by it.
   */
  registrationId?: string;
}

export interface SendOptions {
  /**
   * The caller's transaction: the outbox copy is written in it, so it commits with whatever the caller checked
   * and locked there (the ticket-mail drain holds the registration's row while the mail is kept).
   */
  db?: Db;
}

export interface Mailer {
  send(m: MailMessage, opts?: SendOptions): Promise<void>;
}

export function createMailer(config: Config, outbox: OutboxRepository): Mailer {
  const record = (m: MailMessage, sentAt: Date | null, error: string | null, opts?: SendOptions) =>
    outbox.insert(m, sentAt, error, opts?.db);
  if (!config.smtp) return { send: (m, opts) => record(m, null, null, opts) };
  const smtp = config.smtp;
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
  });
  return {
    async send(m, opts) {
      try {
        await transport.sendMail({
          from: smtp.from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html,
        });
        // Delivered: the kept copy loses its secret links, so nobody reading the outbox can use them.
        await record(redactSecrets(m), new Date(), null, opts);
      } catch (e) {
        await record(m, null, e instanceof Error ? e.message : String(e), opts);
        throw e;
      }
    },
  };
}

/** Replaces one-time tokens in links (`token=…`) so a stored copy of a delivered mail holds no secret. */
export function redactSecrets(m: MailMessage): MailMessage {
  const hide = (text: string) => text.replace(/([?&]token=)[^&\s"'<>]+/g, '$1…');
  return { ...m, text: hide(m.text), ...(m.html ? { html: hide(m.html) } : {}) };
}
