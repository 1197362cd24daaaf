// Password-setup mails (reset and invitation): Vietnamese first, then an English line, with a link to
// our own /reset-password page (not better-auth's redirect endpoint).
import { type Locale, localePath, t } from '../../lib/i18n.server.ts';

export type SetupPurpose = 'invitation' | 'password-reset';

export function setupLink(publicUrl: string, purpose: SetupPurpose, locale: Locale, token: string): string {
  const query = new URLSearchParams({ token });
  if (purpose === 'invitation') query.set('welcome', '1');
  return `${publicUrl}${localePath(locale, '/reset-password')}?${query.toString()}`;
}

export function composeSetupMail(
  publicUrl: string,
  purpose: SetupPurpose,
  locale: Locale,
  token: string,
  hours = 1,
): { subject: string; text: string } {
  const link = setupLink(publicUrl, purpose, locale, token);
  const invite = purpose === 'invitation';
  const subject = `${t('vi', invite ? 'auth.mail.invite.subject' : 'auth.mail.reset.subject')} / ${t('en', invite ? 'auth.mail.invite.subject' : 'auth.mail.reset.subject')}`;
  const text = [
    t('vi', invite ? 'auth.mail.invite.body' : 'auth.mail.reset.body', { hours }),
    '',
    link,
    '',
    t('vi', 'auth.mail.ignore'),
    '',
    '—',
    t('en', invite ? 'auth.mail.invite.body' : 'auth.mail.reset.body', { hours }),
    t('en', 'auth.mail.ignore'),
  ].join('\n');
  return { subject, text };
}

/** Reads the language a reset was asked in from better-auth's callback URL (our redirectTo). */
export function parseSetupCallback(url: string): { locale: Locale } {
  try {
    const callback = new URL(url).searchParams.get('callbackURL') ?? '';
    return { locale: callback.startsWith('/en/') ? 'en' : 'vi' };
  } catch {
    return { locale: 'vi' };
  }
}

/**
 * The notice to an account's owner that someone keeps failing to sign in: the account is not locked, what to do
 * if it was them (reset the password), and what to do if not (a stronger password, two-step verification).
 */
export function composeFailureNotice(
  publicUrl: string,
  count: number,
  minutes: number,
): { subject: string; text: string } {
  const link = (locale: Locale, path: string) => `${publicUrl}${localePath(locale, path)}`;
  const part = (locale: Locale) => [
    t(locale, 'auth.mail.failures.body', { count, minutes }),
    '',
    t(locale, 'auth.mail.failures.ifYou'),
    link(locale, '/forgot-password'),
    '',
    t(locale, 'auth.mail.failures.ifNotYou'),
    link(locale, '/account/two-factor'),
  ];
  const subject = `${t('vi', 'auth.mail.failures.subject')} / ${t('en', 'auth.mail.failures.subject')}`;
  return { subject, text: [...part('vi'), '', '—', ...part('en')].join('\n') };
}
