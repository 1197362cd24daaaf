// The signed-in person's own notifications. Nobody reads or marks another person's.
import type { AppDeps } from '../../app/deps.types.ts';
import type { Actor } from '../../lib/authz.ts';
import { unauthenticated } from '../../lib/errors.ts';
import type { Notification } from './notifications.repository.server.ts';

type Deps = Pick<AppDeps, 'db' | 'repos' | 'now'>;

function userIdOf(actor: Actor): string {
  if (actor.kind !== 'user') throw unauthenticated();
  return actor.userId;
}

export async function listMyNotifications(deps: Deps, actor: Actor, limit = 100): Promise<Notification[]> {
  return deps.repos.notifications.list(deps.db, userIdOf(actor), limit);
}

export async function markMyNotificationsRead(deps: Deps, actor: Actor): Promise<number> {
  return deps.repos.notifications.markAllRead(deps.db, userIdOf(actor), deps.now());
}
