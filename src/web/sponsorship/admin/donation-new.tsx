// Back office: record a donation — sponsor, agreement, receiving unit, kind, value in VND, day, purpose (a plan
// task instance, an event) and, for books, the list of titles (one per line). Idempotent.
import { redirect } from 'react-router';
import { localePath } from '../../../lib/i18n.ts';
import { sponsorshipFormOptions } from '../../../modules/sponsorship/sponsorship.options.server.ts';
import { recordDonation } from '../../../modules/sponsorship/sponsorship.usecases.server.ts';
import { DONATION_KINDS } from '../../../modules/sponsorship/sponsorship.vocab.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, invalid } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { parseDonationForm } from '../forms.server.ts';
import type { Route } from './+types/donation-new.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  const sponsorId = new URL(request.url).searchParams.get('sponsorId') ?? '';
  const options = await sponsorshipFormOptions(
    deps,
    actor,
    /^spn_[a-z2-9]{16}$/.test(sponsorId) ? sponsorId : undefined,
  );
  if (options.units.length === 0) throw new Response(null, { status: 403 });
  return { options, sponsorId };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const p = parseDonationForm(form);
  if (!p.ok) return invalid(p.errors, p.values);
  try {
    const id = await onceForm(deps, actor, 'sponsorship.donation.create', form, (d) =>
      recordDonation(d, actor, p.data),
    );
    return redirect(`${localePath(locale, `/admin/sponsorship/donations/${id}`)}?done=created`, 303);
  } catch (e) {
    return failure(e, p.values, 'dn-books');
  }
}

export default function NewDonation({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const o = loaderData.options;
  const v = (actionData?.values ?? { sponsorId: loaderData.sponsorId }) as Record<string, string>;
  const errors = actionData?.errors;
  const select = (
    id: string,
    name: string,
    label: string,
    items: ReadonlyArray<{ id: string; label: string }>,
    empty?: string,
  ) => (
    <SelectField id={id} label={label} errors={errors} name={name} defaultValue={v[name] ?? ''}>
      {empty !== undefined ? <option value="">{empty}</option> : null}
      {items.map((i) => (
        <option key={i.id} value={i.id}>
          {i.label}
        </option>
      ))}
    </SelectField>
  );
  return (
    <>
      <title>{`${t('sponsorship.donation.new')} — Suốt Đời`}</title>
      <h1>{t('sponsorship.donation.new')}</h1>
      <ErrorSummary errors={errors} />
      <form method="post" className="form" noValidate>
        <FormToken />
        {select(
          'dn-sponsor',
          'sponsorId',
          t('sponsorship.field.sponsor'),
          o.sponsors.map((s) => ({ id: s.id, label: s.name })),
          t('units.field.choose'),
        )}
        {select(
          'dn-agreement',
          'agreementId',
          t('sponsorship.field.agreement'),
          o.agreements.map((a) => ({ id: a.id, label: a.title })),
          t('sponsorship.field.none'),
        )}
        {select(
          'dn-unit',
          'unitId',
          t('sponsorship.field.unit'),
          o.units.map((u) => ({ id: u.id, label: u.name })),
        )}
        {select(
          'dn-kind',
          'kind',
          t('sponsorship.field.donationKind'),
          DONATION_KINDS.map((k) => ({ id: k, label: t(`sponsorship.kind.${k}`) })),
        )}
        <TextArea
          id="dn-description"
          label={t('sponsorship.field.description')}
          errors={errors}
          name="description"
          rows={3}
          defaultValue={v.description ?? ''}
        />
        <TextField
          id="dn-value"
          label={t('sponsorship.field.valueVnd')}
          errors={errors}
          hint={t('sponsorship.field.valueHint')}
          name="valueVnd"
          inputMode="numeric"
          defaultValue={v.valueVnd ?? ''}
        />
        <TextField
          id="dn-received"
          label={t('sponsorship.field.receivedOn')}
          errors={errors}
          name="receivedOn"
          type="date"
          defaultValue={v.receivedOn ?? ''}
        />
        <TextField
          id="dn-purpose"
          label={t('sponsorship.field.purpose')}
          name="purpose"
          defaultValue={v.purpose ?? ''}
        />
        <SelectField
          id="dn-plan"
          label={t('news.field.planInstances')}
          hint={t('news.field.manyHint')}
          name="planInstanceIds"
          multiple
          size={Math.min(6, Math.max(2, o.planInstances.length))}
          defaultValue={(v.planInstanceIds ?? '').split(',').filter(Boolean)}
        >
          {o.planInstances.map((p) => (
            <option key={p.id} value={p.id}>
              {`${p.year} · ${p.label}`}
            </option>
          ))}
        </SelectField>
        {select(
          'dn-event',
          'eventId',
          t('sponsorship.field.event'),
          o.events.map((e) => ({ id: e.id, label: e.title })),
          t('sponsorship.field.none'),
        )}
        <TextArea
          id="dn-books"
          label={t('sponsorship.field.books')}
          errors={errors}
          hint={t('sponsorship.field.booksHint')}
          name="books"
          rows={6}
          defaultValue={v.books ?? ''}
        />
        <button type="submit">{t('sponsorship.donation.create')}</button>
      </form>
    </>
  );
}
