// The signed-in person's in-app notifications (reminders, waitlist promotions, new events they follow).
import { formatDateTime } from '../../../lib/dates.ts';
import { isMessageKey } from '../../../lib/i18n.server.ts';
import {
  listMyNotifications,
  markMyNotificationsRead,
} from '../../../modules/notifications/notifications.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { requireUser } from '../../guards.ts';
import { useHref, useT } from '../../i18n.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/account-notifications.ts';

export const middleware: Route.MiddlewareFunction[] = [requireUser];

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  const items = await listMyNotifications(deps, actor);
  return {
    items: items.map((n) => ({
      id: n.id,
      key: isMessageKey(n.messageKey) ? n.messageKey : null,
      params: n.params,
      link: n.link,
      unread: n.readAt === null,
      at: formatDateTime(n.createdAt),
    })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor } = context.get(requestContext);
  await readPageForm(request); // nothing to read, but a body that is not a form is refused like everywhere
  const marked = await markMyNotificationsRead(deps, actor);
  return { marked };
}

export default function Notifications({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const unread = loaderData.items.filter((i) => i.unread).length;
  return (
    <>
      <title>{`${t('notifications.title')} — Suốt Đời`}</title>
      <h1>{t('notifications.title')}</h1>
      <p>{t('notifications.count', { count: unread })}</p>
      {unread > 0 ? (
        <form method="post">
          <button type="submit">{t('notifications.markAllRead')}</button>
        </form>
      ) : null}
      {loaderData.items.length === 0 ? (
        <p>{t('notifications.empty')}</p>
      ) : (
        <ul className="notification-list">
          {loaderData.items.map((n) => (
            <li key={n.id}>
              {n.unread ? <strong className="badge">{t('notifications.unread')}</strong> : null}{' '}
              {n.key ? t(n.key, n.params) : null} <time>{n.at}</time>
              {n.link ? (
                <>
                  {' '}
                  <a href={href(n.link)}>{t('notifications.open')}</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
