import type { AppDeps } from '../../app/deps.types.ts';
import type { Actor } from '../../lib/authz.ts';
import { authorizeOnRoot } from '../access/access.scope.ts';
import { unitTree } from '../access/access.unit-tree.ts';
import type { OutboxRow } from './outbox.repository.server.ts';

/** The latest mails, newest first, for administrators to read when no SMTP server is configured. */
export async function listOutbox(
  deps: AppDeps,
  actor: Actor,
  input: { to?: string | undefined; limit: number },
): Promise<OutboxRow[]> {
  authorizeOnRoot(actor, 'mail.outbox.read', await unitTree(deps));
  return deps.repos.outbox.latest(input.limit, input.to?.trim().toLowerCase() || undefined);
}
