// Back office: the exhibitions of the units the staff member works for, and the form to start a new one.
// Without JavaScript: the form posts to this route's action and re-renders with errors, or redirects to the
// new exhibition's editing page.
import { redirect } from 'react-router';
import { formatDateTime } from '../../../lib/dates.ts';
import { isAppError } from '../../../lib/errors.ts';
import { localePath } from '../../../lib/i18n.ts';
import {
  exhibitionUnits,
  listExhibitionsForStaff,
} from '../../../modules/exhibitions/exhibitions.queries.server.ts';
import { ExhibitionInputSchema } from '../../../modules/exhibitions/exhibitions.schemas.server.ts';
import { createExhibition } from '../../../modules/exhibitions/exhibitions.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { issuesToMessages } from '../../ui/actor.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { formValues } from '../../ui/form-values.server.ts';
import { failure, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { ExhibitionFields } from '../components/ExhibitionFields.tsx';
import { EXHIBITION_FIELDS, EXHIBITION_MESSAGES, exhibitionFormInput } from '../forms.server.ts';
import type { Route } from './+types/exhibitions.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const [list, units] = await Promise.all([
      listExhibitionsForStaff(deps, actor),
      exhibitionUnits(deps, actor),
    ]);
    return {
      units,
      exhibitions: list.map((e) => ({
        id: e.id,
        slug: e.slug,
        title: e.titleVi,
        unitName: e.unitName,
        status: e.status,
        sectionCount: e.sectionCount,
        updatedAt: formatDateTime(e.updatedAt),
      })),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const values = formValues(form, EXHIBITION_FIELDS);
  const parsed = ExhibitionInputSchema.safeParse({ unitId: values.unitId, ...exhibitionFormInput(values) });
  if (!parsed.success) return invalid(issuesToMessages(parsed.error, EXHIBITION_MESSAGES), values);
  try {
    const ex = await onceForm(deps, actor, 'exhibitions.exhibition.create', form, async (d) => ({
      id: (await createExhibition(d, actor, parsed.data)).id,
    }));
    return redirect(`${localePath(locale, `/admin/exhibitions/${ex.id}`)}?done=created`, 303);
  } catch (e) {
    const field =
      isAppError(e) && e.code === 'exhibitions.slug_taken' ? 'exhibition-slug' : 'exhibition-unit';
    return failure(e, values, field);
  }
}

export default function ExhibitionsAdmin({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const errors = actionData?.errors;
  const v: Partial<Record<(typeof EXHIBITION_FIELDS)[number], string>> = actionData?.values ?? {};
  return (
    <>
      <title>{`${t('exhibitions.admin.title')} — Suốt Đời`}</title>
      <h1>{t('exhibitions.admin.title')}</h1>
      <p className="muted">{t('exhibitions.admin.intro')}</p>
      <ErrorSummary errors={errors} />
      {loaderData.exhibitions.length ? (
        <div className="table-wrap">
          <table>
            <caption>{t('exhibitions.admin.caption', { count: loaderData.exhibitions.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('exhibitions.field.titleVi')}</th>
                <th scope="col">{t('exhibitions.admin.col.unit')}</th>
                <th scope="col">{t('exhibitions.admin.col.status')}</th>
                <th scope="col">{t('exhibitions.admin.col.sections')}</th>
                <th scope="col">{t('exhibitions.admin.col.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.exhibitions.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <a href={href(`/admin/exhibitions/${e.id}`)}>{e.title}</a>
                  </th>
                  <td>{e.unitName}</td>
                  <td>
                    <span className="badge">{t(`exhibitions.status.${e.status}`)}</span>
                  </td>
                  <td>{e.sectionCount}</td>
                  <td>{e.updatedAt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('exhibitions.admin.none')}</p>
      )}
      {loaderData.units.length ? (
        <section aria-labelledby="exhibition-create">
          <h2 id="exhibition-create">{t('exhibitions.admin.create')}</h2>
          <form method="post" className="form" noValidate>
            <FormToken />
            <SelectField
              id="exhibition-unit"
              label={t('exhibitions.field.unit')}
              errors={errors}
              name="unitId"
              defaultValue={v.unitId ?? ''}
            >
              {loaderData.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </SelectField>
            <ExhibitionFields values={v} errors={errors} />
            <button type="submit">{t('exhibitions.admin.createSubmit')}</button>
          </form>
        </section>
      ) : null}
    </>
  );
}
