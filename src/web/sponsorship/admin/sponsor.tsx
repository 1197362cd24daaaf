// Back office: one sponsor — details and consent (editable by its unit's staff, versioned), agreements and
// projects (add one), and the donations the actor may read, with a link to record a new one.
import { redirect } from 'react-router';
import { can } from '../../../app/policies.server.ts';
import { formatIsoDay } from '../../../lib/dates.ts';
import { localePath } from '../../../lib/i18n.ts';
import { formatVnd, parseVnd } from '../../../lib/money.ts';
import {
  AgreementInputSchema,
  addAgreement,
  getSponsor,
  updateSponsor,
} from '../../../modules/sponsorship/sponsorship.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { doneNotice, issuesToMessages } from '../../ui/actor.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { formDay, formValues } from '../../ui/form-values.server.ts';
import { failure, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { SponsorFields } from '../components/SponsorFields.tsx';
import { parseSponsorForm } from '../forms.server.ts';
import type { Route } from './+types/sponsor.ts';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const v = await getSponsor(deps, actor, params.sponsorId);
    const units = (await deps.repos.units.all(deps.db)).map((u) => ({ id: u.id, name: u.name }));
    return {
      sponsor: v.sponsor,
      canEdit: v.canEdit,
      editUnits: units.filter((u) => can(actor, 'sponsorship.sponsor.update', { unitId: u.id })),
      agreementUnits: units.filter((u) => can(actor, 'sponsorship.donation.create', { unitId: u.id })),
      agreements: v.agreements.map((a) => ({
        ...a,
        signed: formatIsoDay(a.signedOn),
        value: a.valueVnd === null ? '—' : formatVnd(a.valueVnd),
      })),
      donations: v.donations.map((d) => ({
        id: d.id,
        day: formatIsoDay(d.receivedOn),
        kind: d.kind,
        description: d.description,
        value: formatVnd(d.valueVnd),
        unitName: d.unitName,
      })),
      done: doneNotice(request.url, {
        created: 'sponsorship.done.created',
        updated: 'sponsorship.done.updated',
        agreement: 'sponsorship.done.agreement',
        donationDeleted: 'sponsorship.done.donationDeleted',
      }),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const intent = String(form.get('intent') ?? '');
  const back = (done: string) =>
    redirect(`${localePath(locale, `/admin/sponsorship/sponsors/${params.sponsorId}`)}?done=${done}`, 303);
  if (intent === 'update') {
    const p = parseSponsorForm(form, true);
    if (!p.ok) return invalid(p.errors, p.values);
    try {
      await updateSponsor(deps, actor, params.sponsorId, p.data as Parameters<typeof updateSponsor>[3]);
      return back('updated');
    } catch (e) {
      return failure(e, p.values, 'sp-name');
    }
  }
  const v = formValues(form, ['title', 'unitId', 'signedOn', 'endsOn', 'valueVnd'] as const);
  const money = v.valueVnd.trim() ? parseVnd(v.valueVnd) : null;
  const parsed = AgreementInputSchema.safeParse({
    ...v,
    signedOn: formDay(v.signedOn) ?? v.signedOn,
    endsOn: formDay(v.endsOn) ?? null,
    valueVnd: money === null ? null : money.ok ? money.value : -1,
  });
  if (!parsed.success)
    return invalid(
      issuesToMessages(parsed.error, {
        title: { field: 'ag-title', key: 'sponsorship.invalid.title' },
        unitId: { field: 'ag-unit', key: 'news.form.invalid.unit' },
        signedOn: { field: 'ag-signed', key: 'sponsorship.invalid.date' },
        endsOn: { field: 'ag-ends', key: 'sponsorship.invalid.date' },
        valueVnd: { field: 'ag-value', key: 'sponsorship.invalid.value' },
      }),
      v,
    );
  try {
    await onceForm(deps, actor, 'sponsorship.agreement.create', form, (d) =>
      addAgreement(d, actor, params.sponsorId, parsed.data),
    );
    return back('agreement');
  } catch (e) {
    return failure(e, v, 'ag-title');
  }
}

export default function SponsorDetail({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { sponsor: s, agreements, donations } = loaderData;
  const errors = actionData?.errors;
  const values = {
    ...Object.fromEntries(Object.entries(s).map(([k, val]) => [k, val === null ? '' : String(val)])),
    publicConsent: s.publicConsent ? 'on' : '',
  };
  return (
    <>
      <title>{`${s.name} — ${t('sponsorship.title')} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href('/admin/sponsorship')}>{t('sponsorship.title')}</a>
      </p>
      <h1>{s.name}</h1>
      {loaderData.done ? (
        <p className="alert-ok" role="status">
          {t(loaderData.done)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <p>
        {t(`sponsorship.sponsorKind.${s.kind}`)} ·{' '}
        {s.publicConsent && s.consentOn
          ? t('sponsorship.consent.given', { day: formatIsoDay(s.consentOn) })
          : t('sponsorship.consent.no')}
      </p>
      <p>
        <a className="button" href={href(`/admin/sponsorship/donations/new?sponsorId=${s.id}`)}>
          {t('sponsorship.donation.new')}
        </a>
      </p>
      <h2>{t('sponsorship.donations.title')}</h2>
      <ul>
        {donations.map((d) => (
          <li key={d.id}>
            <a href={href(`/admin/sponsorship/donations/${d.id}`)}>
              {d.day} · {t(`sponsorship.kind.${d.kind}`)} · {d.value}
            </a>{' '}
            — {d.description} ({d.unitName})
          </li>
        ))}
      </ul>
      <h2>{t('sponsorship.agreements.heading')}</h2>
      <ul>
        {agreements.map((a) => (
          <li key={a.id}>
            {a.signed} · {a.title} · {a.value}
          </li>
        ))}
      </ul>
      {loaderData.agreementUnits.length > 0 ? (
        <form method="post" className="form" noValidate>
          <FormToken />
          <input type="hidden" name="intent" value="agreement" />
          <h3>{t('sponsorship.agreements.add')}</h3>
          <TextField
            id="ag-title"
            label={t('sponsorship.field.agreementTitle')}
            errors={errors}
            name="title"
          />
          <SelectField id="ag-unit" label={t('sponsorship.field.unit')} name="unitId">
            {loaderData.agreementUnits.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
          <TextField
            id="ag-signed"
            label={t('sponsorship.field.signedOn')}
            errors={errors}
            name="signedOn"
            type="date"
          />
          <TextField id="ag-ends" label={t('sponsorship.field.endsOn')} name="endsOn" type="date" />
          <TextField
            id="ag-value"
            label={t('sponsorship.field.valueVnd')}
            errors={errors}
            name="valueVnd"
            inputMode="numeric"
          />
          <button type="submit">{t('sponsorship.agreements.add')}</button>
        </form>
      ) : null}
      {loaderData.canEdit ? (
        <form method="post" className="form" noValidate>
          <h2>{t('sponsorship.sponsor.edit')}</h2>
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="version" value={s.version} />
          <SponsorFields units={loaderData.editUnits} values={values} errors={errors} />
          <button type="submit">{t('sponsorship.sponsor.save')}</button>
        </form>
      ) : null}
    </>
  );
}
