// Back office: the events of the units the staff member works for, newest first, and a link to add one.

import { scopeRoots } from '../../../app/policies.server.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { listStaffEvents } from '../../../modules/events/events.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { categoryKey } from '../components/EventParts.tsx';
import type { Route } from './+types/list.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  if (scopeRoots(actor, 'events.event.read').length === 0) throw new Response(null, { status: 403 });
  try {
    const events = await listStaffEvents(deps, actor);
    return { events, canCreate: scopeRoots(actor, 'events.event.create').length > 0 };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function AdminEvents({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  return (
    <>
      <title>{`${t('events.admin.title')} — Suốt Đời`}</title>
      <h1>{t('events.admin.title')}</h1>
      {loaderData.canCreate ? (
        <p>
          <a className="button" href={href('/admin/events/new')}>
            {t('events.admin.new')}
          </a>
        </p>
      ) : null}
      <ScrollRegion>
        <table>
          <caption>{t('events.admin.caption', { count: loaderData.events.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('events.field.title')}</th>
              <th scope="col">{t('events.field.unit')}</th>
              <th scope="col">{t('events.admin.firstSession')}</th>
              <th scope="col">{t('events.admin.sessions')}</th>
              <th scope="col">{t('events.field.status')}</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.events.map(({ event: e, firstStart, sessionCount }) => (
              <tr key={e.id}>
                <th scope="row">
                  <a href={href(`/admin/events/${e.id}`)}>{e.title}</a>
                  <span className="muted"> — {t(categoryKey(e.category))}</span>
                </th>
                <td>{e.unitName}</td>
                <td>{firstStart ? formatDateTime(firstStart) : '—'}</td>
                <td className="num">{sessionCount}</td>
                <td>{t(`events.eventStatus.${e.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
