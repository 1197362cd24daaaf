// Action side of one-time form tokens (web/form-token.tsx): claims the posted token with the creating write.
import type { Actor } from '../../lib/authz.ts';
import {
  type IdempotencyDeps,
  once,
  onceAfter,
} from '../../modules/idempotency/idempotency.usecases.server.ts';
import { FORM_TOKEN_FIELD } from './FormToken.tsx';

export function readFormToken(form: FormData): string | null {
  const v = form.get(FORM_TOKEN_FIELD);
  return typeof v === 'string' && v !== '' ? v : null;
}

/**
 * Runs a creating use case once per form token: a second submission of the same token (double click,
 * resubmit after a timeout, back button) gets the first outcome — the same created id — whatever it carried.
 * A form without a token (a page rendered before tokens existed) still works, unprotected.
 */
export async function onceForm<D extends IdempotencyDeps, T>(
  deps: D,
  actor: Actor,
  scope: string,
  form: FormData | string | null,
  create: (txDeps: D) => Promise<T>,
): Promise<T> {
  const key = form === null || typeof form === 'string' ? form : readFormToken(form);
  return (await once(deps, actor, { scope, key }, create)).value;
}

/** Like onceForm, for use cases that must run outside the claiming transaction (see onceAfter). */
export async function onceFormAfter<D extends IdempotencyDeps, T>(
  deps: D,
  actor: Actor,
  scope: string,
  form: FormData,
  create: () => Promise<T>,
): Promise<T> {
  return (await onceAfter(deps, actor, { scope, key: readFormToken(form) }, create)).value;
}
