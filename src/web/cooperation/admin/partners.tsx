// Back office: the foreign partners (organisation and country), searched with folded Vietnamese, and the form
// to add one for the reader's unit.
import { can, scopeRoots } from '../../../app/policies.server.ts';
import {
  createPartner,
  listPartners,
  PartnerInputSchema,
} from '../../../modules/cooperation/cooperation.usecases.server.ts';
import { countryOptions } from '../../../modules/cooperation/countries.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { issuesToMessages } from '../../ui/actor.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { formValues } from '../../ui/form-values.server.ts';
import { failure, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { PARTNER_FIELD_MESSAGES, PARTNER_FIELDS, PartnerFields } from '../components/PartnerFields.tsx';
import type { Route } from './+types/partners.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const q = new URL(request.url).searchParams.get('q')?.trim().slice(0, 200) || undefined;
  try {
    const partners = await listPartners(deps, actor, { q });
    const units = await deps.repos.units.all(deps.db);
    return {
      q: q ?? '',
      partners: partners.map((p) => ({
        id: p.id,
        name: p.name,
        countryName: p.countryName,
        canEdit: p.canEdit,
        website: p.website,
      })),
      units: units
        .filter((u) => can(actor, 'cooperation.partner.create', { unitId: u.id }))
        .map((u) => ({ id: u.id, name: u.name })),
      canCreate: scopeRoots(actor, 'cooperation.partner.create').length > 0,
      countries: countryOptions(locale),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor } = context.get(requestContext);
  const form = await readPageForm(request);
  const values = formValues(form, PARTNER_FIELDS);
  const parsed = PartnerInputSchema.safeParse({ ...values, website: values.website.trim() || null });
  if (!parsed.success) return invalid(issuesToMessages(parsed.error, PARTNER_FIELD_MESSAGES), values);
  try {
    await onceForm(deps, actor, 'cooperation.partner.create', form, (d) =>
      createPartner(d, actor, parsed.data),
    );
    return { ok: true as const, errors: undefined, values: undefined };
  } catch (e) {
    return failure(e, values);
  }
}

export default function Partners({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const errors = actionData?.errors;
  const v = (actionData?.values ?? {}) as Record<string, string>;
  return (
    <>
      <title>{`${t('cooperation.partners.title')} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href('/admin/cooperation')}>{t('cooperation.title')}</a>
      </p>
      <h1>{t('cooperation.partners.title')}</h1>
      {actionData?.ok ? (
        <p className="alert-ok" role="status">
          {t('cooperation.partners.created')}
        </p>
      ) : null}
      <form method="get" className="filters">
        <TextField
          id="cp-q"
          label={t('cooperation.partners.search')}
          name="q"
          type="search"
          defaultValue={loaderData.q}
        />
        <button type="submit">{t('cooperation.filter.submit')}</button>
      </form>
      <div className="table-wrap">
        <table>
          <caption>{t('cooperation.partners.caption', { count: loaderData.partners.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cooperation.field.partnerName')}</th>
              <th scope="col">{t('cooperation.field.country')}</th>
              <th scope="col">{t('cooperation.field.website')}</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.partners.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  {p.canEdit ? <a href={href(`/admin/cooperation/partners/${p.id}`)}>{p.name}</a> : p.name}
                </th>
                <td>{p.countryName}</td>
                <td>
                  {p.website ? (
                    <a href={p.website} rel="noopener noreferrer">
                      {p.website}
                    </a>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {loaderData.canCreate ? (
        <>
          <h2>{t('cooperation.partners.new')}</h2>
          <ErrorSummary errors={errors} />
          <form method="post" className="form" noValidate>
            <FormToken />
            <PartnerFields
              values={v}
              errors={errors}
              units={loaderData.units}
              countries={loaderData.countries}
              choose
            />
            <button type="submit">{t('cooperation.partners.create')}</button>
          </form>
        </>
      ) : null}
    </>
  );
}
