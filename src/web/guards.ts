// Page guards: run as React Router middleware before any loader of the guarded subtree.
import { redirect } from 'react-router';
import { localePath } from '../lib/i18n.ts';
import { isStaff } from '../lib/staff.ts';
import { requestContext } from './context.ts';

type Args = {
  request: Request;
  context: { get: typeof import('react-router').RouterContextProvider.prototype.get };
};

function signInRedirect(request: Request, locale: 'vi' | 'en') {
  const url = new URL(request.url);
  const next = url.pathname + url.search;
  return redirect(`${localePath(locale, '/sign-in')}?next=${encodeURIComponent(next)}`);
}

/**
 * Anonymous visitors are sent to sign in; signed-in users without a staff role get 403. When the
 * administrator requires two-step verification for staff (setting `auth.require_mfa_for_staff`), a staff
 * member without it is sent to set it up first, with an explanation.
 */
export async function requireStaff({ request, context }: Args) {
  const { actor, locale, deps } = context.get(requestContext);
  if (actor.kind !== 'user') throw signInRedirect(request, locale);
  if (!isStaff(actor)) throw new Response(null, { status: 403 });
  if (
    !actor.twoFactorEnabled &&
    (actor.staffMfaRequired ?? (await deps.repos.auth.readRequireMfaForStaff()))
  ) {
    throw redirect(`${localePath(locale, '/account/two-factor')}?required=1`);
  }
}

/** Anonymous visitors are sent to sign in. */
export function requireUser({ request, context }: Args) {
  const { actor, locale } = context.get(requestContext);
  if (actor.kind !== 'user') throw signInRedirect(request, locale);
}
