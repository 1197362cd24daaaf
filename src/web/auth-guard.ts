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

/** Anonymous visitors are sent to sign in; signed-in users without a staff role get 403. */
export function requireStaff({ request, context }: Args) {
  const { actor, locale } = context.get(requestContext);
  if (actor.kind !== 'user') throw signInRedirect(request, locale);
  if (!isStaff(actor)) throw new Response(null, { status: 403 });
}

/** Anonymous visitors are sent to sign in. */
export function requireUser({ request, context }: Args) {
  const { actor, locale } = context.get(requestContext);
  if (actor.kind !== 'user') throw signInRedirect(request, locale);
}
