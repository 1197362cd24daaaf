// Citizens' sign-up and sign-in: a Vietnamese mobile number and a one-time code (sign-up and sign-in are the
// same two steps), or an e-mail address with a password whose address is confirmed by a code. Every answer
// before the code is the same whether or not the number or address has an account.
import { z } from 'zod';
import type { AppDeps } from '../../app/deps.types.ts';
import { AppError } from '../../lib/errors.ts';
import { type Locale, t } from '../../lib/i18n.server.ts';
import { singleLineText } from '../../lib/text.server.ts';
import { CLIENT_IP_HEADER } from '../auth/auth.client-ip.server.ts';
import { accountsPort, normalizeEmail, sessionsPort } from '../auth/index.server.ts';
import { sendNotice } from '../notifications/index.server.ts';
import { CODE_TTL_MS, consumeCode, issueCode } from './learners.codes.server.ts';
import { toE164VietnameseMobile } from './learners.phone.ts';
import { ensureSelfProfile } from './learners.profiles.server.ts';

type Deps = AppDeps;

/** Phone-only accounts get this placeholder address (migration 0025): reserved, never delivered. */
export function placeholderEmail(e164: string): string {
  return `p${e164.replace(/\D/g, '')}@phone.invalid`;
}

export function isPlaceholderEmail(email: string): boolean {
  return email.endsWith('@phone.invalid');
}

function clientIp(headers: Headers): string | null {
  return headers.get(CLIENT_IP_HEADER);
}

export function phoneOrThrow(raw: string): string {
  const phone = toE164VietnameseMobile(raw);
  if (!phone)
    throw new AppError('learners.phone_invalid', 422, 'learners.error.phoneInvalid', {
      details: [{ path: 'phone', message: 'invalid' }],
    });
  return phone;
}

const wrongCode = () =>
  new AppError('learners.code_wrong', 422, 'learners.error.codeWrong', {
    details: [{ path: 'code', message: 'wrong' }],
  });

function codeText(locale: Locale, code: string): { subject: string; text: string } {
  const minutes = CODE_TTL_MS / 60_000;
  return {
    subject: t(locale, 'learners.notice.codeSubject'),
    text: t(locale, 'learners.notice.codeText', { code, minutes }),
  };
}

/** Step 1: sends a sign-in code to any valid Vietnamese mobile number. Returns the normalised number. */
export async function startPhoneSignIn(
  deps: Deps,
  input: { phone: string; headers: Headers; locale: Locale },
): Promise<string> {
  const phone = phoneOrThrow(input.phone);
  const code = await issueCode(deps, { address: phone, purpose: 'sign-in', ip: clientIp(input.headers) });
  await sendNotice(deps, {
    to: { phone },
    template: 'learners.code',
    params: { code },
    secretParams: ['code'],
    ...codeText(input.locale, code),
  });
  return phone;
}

/**
 * Step 2: the code signs in the number's account, creating it on first use (its profile is then completed on
 * the profile page). Returns the session cookie.
 */
export async function finishPhoneSignIn(
  deps: Deps,
  input: { phone: string; code: string; headers: Headers },
): Promise<{ setCookie: string; userId: string; created: boolean }> {
  const phone = phoneOrThrow(input.phone);
  const ok = await consumeCode(deps, {
    address: phone,
    purpose: 'sign-in',
    code: input.code,
    ip: clientIp(input.headers),
  });
  if (!ok) throw wrongCode();
  const now = deps.now();
  const contact = await deps.repos.learners.contact(deps.db, phone);
  let userId: string;
  let created = false;
  if (contact) {
    userId = contact.userId;
    await deps.repos.learners.markVerified(deps.db, phone, userId, now);
  } else {
    userId = await createPhoneAccount(deps, phone, now);
    created = true;
  }
  const user = await accountsPort.findById(deps, userId);
  // Staff accounts with two-step verification keep it: a code by phone is not their second factor.
  if (!user || user.two_factor_enabled)
    throw new AppError('learners.use_password', 403, 'learners.error.usePassword');
  const setCookie = await sessionsPort.startFor(deps, userId, input.headers);
  return { setCookie, userId, created };
}

async function createPhoneAccount(deps: Deps, phone: string, now: Date): Promise<string> {
  const email = placeholderEmail(phone);
  // A previous attempt may have created the user and died before the contact row: reuse it.
  const existing = await accountsPort.findByEmail(deps, email);
  const { id } = existing ?? (await accountsPort.createWithoutPassword(deps, { email, name: phone }));
  const added = await deps.repos.learners.addContact(deps.db, {
    address: phone,
    kind: 'phone',
    userId: id,
    verifiedAt: now,
  });
  if (!added) {
    // Two first sign-ins racing for the same number: the contact row decides whose account it is.
    const winner = await deps.repos.learners.contact(deps.db, phone);
    if (winner) return winner.userId;
  }
  await ensureSelfProfile(deps, id, { displayName: null });
  return id;
}

export const EmailSignUpSchema = z.strictObject({
  email: singleLineText({ min: 3, max: 254 }).pipe(z.email()),
  displayName: singleLineText({ min: 1, max: 120 }),
  password: z.string().min(1).max(1024),
});

/**
 * E-mail sign-up: creates the account (password checked by the auth rules) and mails a confirmation code. When
 * the address already has an account, its owner is told instead; the visitor sees the same answer either way.
 */
export async function signUpWithEmail(
  deps: Deps,
  input: z.input<typeof EmailSignUpSchema> & { headers: Headers; locale: Locale },
): Promise<string> {
  const parsed = EmailSignUpSchema.safeParse({
    email: input.email,
    displayName: input.displayName,
    password: input.password,
  });
  if (!parsed.success) {
    throw new AppError('learners.sign_up_invalid', 422, 'error.validation', {
      details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const email = normalizeEmail(parsed.data.email);
  const ip = clientIp(input.headers);
  // The password rules first: a refusal must not depend on whether the address has an account.
  accountsPort.assertPasswordAcceptable(parsed.data.password);
  const existing = await accountsPort.findByEmail(deps, email);
  if (existing) {
    await accountsPort.equaliseTiming(parsed.data.password); // as slow as creating the account
    await issueCode(deps, { address: email, purpose: 'verify', ip }); // same limits as a new address
    await sendNotice(deps, {
      to: { email },
      template: 'learners.already-registered',
      params: {},
      subject: t(input.locale, 'learners.notice.alreadySubject'),
      text: t(input.locale, 'learners.notice.alreadyText', { url: `${deps.config.publicUrl}/sign-in` }),
    });
    return email;
  }
  const { id } = await accountsPort.createWithPassword(deps, {
    email,
    name: parsed.data.displayName,
    password: parsed.data.password,
  });
  await deps.repos.learners.addContact(deps.db, {
    address: email,
    kind: 'email',
    userId: id,
    verifiedAt: null,
  });
  await ensureSelfProfile(deps, id, { displayName: parsed.data.displayName });
  const code = await issueCode(deps, { address: email, purpose: 'verify', ip });
  await sendNotice(deps, {
    to: { email },
    template: 'learners.code',
    params: { code },
    secretParams: ['code'],
    ...codeText(input.locale, code),
  });
  return email;
}

/** The confirmation code of an e-mail sign-up: marks the address verified and signs its account in. */
export async function confirmEmail(
  deps: Deps,
  input: { email: string; code: string; headers: Headers },
): Promise<{ setCookie: string; userId: string }> {
  const email = normalizeEmail(input.email);
  const ok = await consumeCode(deps, {
    address: email,
    purpose: 'verify',
    code: input.code,
    ip: clientIp(input.headers),
  });
  const contact = ok ? await deps.repos.learners.contact(deps.db, email) : undefined;
  if (!contact) throw wrongCode();
  await deps.repos.learners.markVerified(deps.db, email, contact.userId, deps.now());
  const user = await accountsPort.findById(deps, contact.userId);
  if (!user || user.two_factor_enabled)
    throw new AppError('learners.use_password', 403, 'learners.error.usePassword');
  const setCookie = await sessionsPort.startFor(deps, contact.userId, input.headers);
  return { setCookie, userId: contact.userId };
}
