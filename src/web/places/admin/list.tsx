// Back office: the places and mobile-library routes of the units the signed-in person keeps, with a search,
// links to add and edit, and the form to add a route. No JavaScript.
import { redirect } from 'react-router';
import type { MessageKey } from '../../../lib/i18n.ts';
import { localePath } from '../../../lib/i18n.ts';
import { canEditMapSettings, unitOptions } from '../../../modules/places/places.admin.server.ts';
import { createRoute, listManagedRoutes } from '../../../modules/places/places.mobile.usecases.server.ts';
import { CreateRouteSchema } from '../../../modules/places/places.schemas.server.ts';
import { listManagedPlaces } from '../../../modules/places/places.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { doneNotice, issuesToMessages } from '../../ui/actor.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { UnitSelect } from '../../units/components/UnitFormParts.tsx';
import type { Route } from './+types/list.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  const url = new URL(request.url);
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
  try {
    const [list, routes, routeUnits, mapSettings] = await Promise.all([
      listManagedPlaces(deps, actor, { q: q || undefined }),
      listManagedRoutes(deps, actor),
      unitOptions(deps, actor, 'places.route.create'),
      canEditMapSettings(deps, actor),
    ]);
    return {
      q,
      total: list.total,
      places: list.rows.map((p) => ({
        id: p.id,
        name: p.name,
        kind: p.kind,
        where: [p.commune, p.district].filter(Boolean).join(', '),
        status: p.status,
      })),
      routes: routes.map((r) => ({ id: r.id, name: r.name, vehicle: r.vehicle, status: r.status })),
      routeUnits,
      canCreate: routeUnits.length > 0,
      mapSettings,
      notice: doneNotice(request.url, { routeCreated: 'places.admin.routeCreated' }),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

const ROUTE_FIELDS = ['unitId', 'name', 'vehicle'] as const;

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const values = Object.fromEntries(ROUTE_FIELDS.map((f) => [f, formText(form, f)])) as Record<
    (typeof ROUTE_FIELDS)[number],
    string
  >;
  const parsed = CreateRouteSchema.safeParse({
    unitId: values.unitId,
    name: values.name,
    vehicle: values.vehicle.trim() ? values.vehicle : null,
  });
  if (!parsed.success)
    return invalid(
      issuesToMessages(parsed.error, {
        unitId: { field: 'route-unit', key: 'places.invalid.unit' },
        name: { field: 'route-name', key: 'places.invalid.name' },
        vehicle: { field: 'route-vehicle', key: 'places.invalid.text' },
      }),
      values,
    );
  try {
    const route = await onceForm(deps, actor, 'places.route.create', form, async (d) => ({
      id: (await createRoute(d, actor, parsed.data)).id,
    }));
    return redirect(`${localePath(locale, `/admin/places/routes/${route.id}`)}?done=created`, 303);
  } catch (e) {
    return failure(e, values);
  }
}

export default function AdminPlacesPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const d = loaderData;
  const errors = actionData?.errors;
  const v: Partial<Record<(typeof ROUTE_FIELDS)[number], string>> = actionData?.values ?? {};
  return (
    <>
      <title>{`${t('places.admin.title')} — Suốt Đời`}</title>
      <h1>{t('places.admin.title')}</h1>
      <p className="muted">{t('places.admin.intro')}</p>
      {d.notice ? (
        <p className="alert-ok" role="status">
          {t(d.notice)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <ul className="inline-list">
        {d.canCreate ? (
          <li>
            <a href={href('/admin/places/new')}>{t('places.admin.new')}</a>
          </li>
        ) : null}
        {d.mapSettings ? (
          <li>
            <a href={href('/admin/places/map')}>{t('places.admin.mapSettings')}</a>
          </li>
        ) : null}
      </ul>
      <form method="get" className="filters">
        <TextField
          id="admin-places-q"
          label={t('places.admin.search')}
          name="q"
          type="search"
          maxLength={200}
          defaultValue={d.q}
        />
        <button type="submit">{t('places.admin.searchSubmit')}</button>
      </form>
      {d.places.length ? (
        <ScrollRegion>
          <table>
            <caption>{t('places.admin.caption', { count: d.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('places.admin.col.name')}</th>
                <th scope="col">{t('places.admin.col.kind')}</th>
                <th scope="col">{t('places.admin.col.where')}</th>
                <th scope="col">{t('places.admin.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {d.places.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <a href={href(`/admin/places/${p.id}`)}>{p.name}</a>
                  </th>
                  <td>{t(`places.kind.${p.kind}` as MessageKey)}</td>
                  <td>{p.where || '—'}</td>
                  <td>{t(`places.status.${p.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : (
        <p>{t('places.admin.empty')}</p>
      )}

      <section aria-labelledby="admin-routes" className="places-admin-section">
        <h2 id="admin-routes">{t('places.admin.routesHeading')}</h2>
        {d.routes.length ? (
          <ul>
            {d.routes.map((r) => (
              <li key={r.id}>
                <a href={href(`/admin/places/routes/${r.id}`)}>{r.name}</a>
                {r.vehicle ? ` (${r.vehicle})` : ''}
                {r.status !== 'active' ? ` — ${t('places.status.closed')}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('places.admin.routesEmpty')}</p>
        )}
        {d.routeUnits.length ? (
          <>
            <h3>{t('places.admin.newRoute')}</h3>
            <form method="post" className="form" noValidate>
              <FormToken />
              <TextField
                id="route-name"
                label={t('places.route.name')}
                errors={errors}
                name="name"
                maxLength={300}
                required
                defaultValue={v.name ?? ''}
              />
              <TextField
                id="route-vehicle"
                label={t('places.route.vehicle')}
                errors={errors}
                name="vehicle"
                maxLength={100}
                defaultValue={v.vehicle ?? ''}
              />
              <UnitSelect
                id="route-unit"
                name="unitId"
                label={t('places.field.unit')}
                units={d.routeUnits}
                value={v.unitId ?? ''}
                errors={errors}
              />
              <div>
                <button type="submit">{t('places.route.create')}</button>
              </div>
            </form>
          </>
        ) : null}
      </section>
    </>
  );
}
