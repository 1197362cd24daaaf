// Back office: record a donation — sponsor, agreement, receiving unit, kind, value in VND, day, purpose (a plan
// task instance, an event) and, for books, the list of titles (one per line). Idempotent.
import { redirect } from 'react-router';
import { localePath } from '../../../lib/i18n.ts';
import { sponsorshipFormOptions } from '../../../modules/sponsorship/sponsorship.options.server.ts';
import { recordDonation } from '../../../modules/sponsorship/sponsorship.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, invalid } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { DonationFields } from '../components/DonationFields.tsx';
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
  return (
    <>
      <title>{`${t('sponsorship.donation.new')} — Suốt Đời`}</title>
      <h1>{t('sponsorship.donation.new')}</h1>
      <ErrorSummary errors={errors} />
      <form method="post" className="form" noValidate>
        <FormToken />
        <DonationFields o={o} v={v} errors={errors} />
        <button type="submit">{t('sponsorship.donation.create')}</button>
      </form>
    </>
  );
}
