// Back office: register a sponsor (organisation or person) with its consent to public thanks and the day it
// was given. Idempotent: a double submit creates one sponsor.
import { redirect } from 'react-router';
import { can } from '../../../app/policies.server.ts';
import { localePath } from '../../../lib/i18n.ts';
import { createSponsor } from '../../../modules/sponsorship/sponsorship.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, invalid } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { SponsorFields } from '../components/SponsorFields.tsx';
import { parseSponsorForm } from '../forms.server.ts';
import type { Route } from './+types/sponsor-new.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  const units = (await deps.repos.units.all(deps.db)).filter((u) =>
    can(actor, 'sponsorship.sponsor.update', { unitId: u.id }),
  );
  if (units.length === 0) throw new Response(null, { status: 403 });
  return { units: units.map((u) => ({ id: u.id, name: u.name })) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const p = parseSponsorForm(form, false);
  if (!p.ok) return invalid(p.errors, p.values);
  try {
    const id = await onceForm(deps, actor, 'sponsorship.sponsor.create', form, (d) =>
      createSponsor(d, actor, p.data as Parameters<typeof createSponsor>[2]),
    );
    return redirect(`${localePath(locale, `/admin/sponsorship/sponsors/${id}`)}?done=created`, 303);
  } catch (e) {
    return failure(e, p.values, 'sp-consent-on');
  }
}

export default function NewSponsor({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <title>{`${t('sponsorship.sponsor.new')} — Suốt Đời`}</title>
      <h1>{t('sponsorship.sponsor.new')}</h1>
      <ErrorSummary errors={actionData?.errors} />
      <form method="post" className="form" noValidate>
        <FormToken />
        <SponsorFields
          units={loaderData.units}
          values={(actionData?.values ?? {}) as Record<string, string>}
          errors={actionData?.errors}
        />
        <button type="submit">{t('sponsorship.sponsor.create')}</button>
      </form>
    </>
  );
}
