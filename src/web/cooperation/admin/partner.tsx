// Back office: edit one foreign partner (its unit's staff). The form carries the version it was loaded with;
// a save based on an older version is refused (409) with the user's input kept.
import { can } from '../../../app/policies.server.ts';
import {
  listPartners,
  PartnerUpdateSchema,
  updatePartner,
} from '../../../modules/cooperation/cooperation.usecases.server.ts';
import { countryOptions } from '../../../modules/cooperation/countries.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { issuesToMessages } from '../../ui/actor.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';

import { formValues } from '../../ui/form-values.server.ts';
import { failure, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { formVersion } from '../../ui/version-forms.ts';
import { PARTNER_FIELD_MESSAGES, PARTNER_FIELDS, PartnerFields } from '../components/PartnerFields.tsx';
import type { Route } from './+types/partner.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  try {
    const p = (await listPartners(deps, actor)).find((x) => x.id === params.partnerId);
    if (!p?.canEdit) throw new Response(null, { status: 404 });
    const units = await deps.repos.units.all(deps.db);
    return {
      partner: p,
      units: units
        .filter((u) => can(actor, 'cooperation.partner.update', { unitId: u.id }))
        .map((u) => ({ id: u.id, name: u.name })),
      countries: countryOptions(locale),
    };
  } catch (e) {
    if (e instanceof Response) throw e;
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor } = context.get(requestContext);
  const form = await readPageForm(request);
  const values = formValues(form, PARTNER_FIELDS);
  const parsed = PartnerUpdateSchema.safeParse({
    ...values,
    website: values.website.trim() || null,
    version: formVersion(form),
  });
  if (!parsed.success) return invalid(issuesToMessages(parsed.error, PARTNER_FIELD_MESSAGES), values);
  try {
    await updatePartner(deps, actor, params.partnerId, parsed.data);
    return { ok: true as const, errors: undefined, values: undefined };
  } catch (e) {
    return failure(e, values, 'cp-name');
  }
}

export default function PartnerEdit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { partner: p } = loaderData;
  const errors = actionData?.errors;
  const v: Record<string, string> = (actionData?.values as Record<string, string> | undefined) ?? {
    unitId: p.unitId,
    name: p.name,
    country: p.country,
    website: p.website ?? '',
    note: p.note,
  };
  return (
    <>
      <title>{`${p.name} — ${t('cooperation.partners.title')} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href('/admin/cooperation/partners')}>{t('cooperation.partners.title')}</a>
      </p>
      <h1>{p.name}</h1>
      {actionData?.ok ? (
        <p className="alert-ok" role="status">
          {t('cooperation.done.saved')}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="post" className="form" noValidate>
        <input type="hidden" name="version" value={p.version} />
        <PartnerFields values={v} errors={errors} units={loaderData.units} countries={loaderData.countries} />
        <button type="submit">{t('cooperation.save')}</button>
      </form>
    </>
  );
}
