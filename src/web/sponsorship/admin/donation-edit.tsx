// Back office: correct a donation (versioned: a stale form is refused with 409 and the input kept) or delete
// one recorded in error. A book donation whose books are already catalogue records keeps its kind and book
// list and cannot be deleted: it is the acquisition record of those copies (see sponsorship.donation-edit).
import { redirect } from 'react-router';
import { localePath } from '../../../lib/i18n.ts';
import {
  DonationDeleteSchema,
  deleteDonation,
  updateDonation,
} from '../../../modules/sponsorship/sponsorship.donation-edit.server.ts';
import { sponsorshipFormOptions } from '../../../modules/sponsorship/sponsorship.options.server.ts';
import { getDonation } from '../../../modules/sponsorship/sponsorship.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { formVersion, versionForForm } from '../../ui/version-forms.ts';
import { DonationFields } from '../components/DonationFields.tsx';
import { bookLines, parseDonationForm } from '../forms.server.ts';
import type { Route } from './+types/donation-edit.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const v = await getDonation(deps, actor, params.donationId);
    if (!v.canEdit) throw new Response(null, { status: 403 });
    const d = v.donation;
    const options = await sponsorshipFormOptions(deps, actor, d.sponsorId);
    // Keep the donation's own links selectable even when they fall outside the form's usual choices.
    for (const pid of d.planInstanceIds)
      if (!options.planInstances.some((p) => p.id === pid))
        options.planInstances.push({ id: pid, year: Number(d.receivedOn.slice(0, 4)), label: pid });
    if (d.eventId && !options.events.some((e) => e.id === d.eventId))
      options.events.push({ id: d.eventId, title: v.eventTitle ?? d.eventId });
    return {
      options,
      id: d.id,
      description: d.description,
      version: d.version,
      catalogued: d.cataloguedAt !== null,
      values: {
        sponsorId: d.sponsorId,
        agreementId: d.agreementId ?? '',
        unitId: d.unitId,
        kind: d.kind,
        description: d.description,
        valueVnd: String(d.valueVnd),
        receivedOn: d.receivedOn,
        purpose: d.purpose,
        planInstanceIds: d.planInstanceIds.join(','),
        eventId: d.eventId ?? '',
        books: bookLines(d.books),
      },
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const version = formVersion(form);
  if (formText(form, 'intent') === 'delete') {
    try {
      const d = await getDonation(deps, actor, params.donationId);
      await deleteDonation(deps, actor, params.donationId, DonationDeleteSchema.parse({ version }));
      return redirect(
        `${localePath(locale, `/admin/sponsorship/sponsors/${d.donation.sponsorId}`)}?done=donationDeleted`,
        303,
      );
    } catch (e) {
      return failure(e, { version: String(version) }, 'dn-delete');
    }
  }
  const p = parseDonationForm(form);
  const values = { ...p.values, version: String(version) };
  if (!p.ok) return invalid(p.errors, values);
  try {
    await updateDonation(deps, actor, params.donationId, { ...p.data, version });
    return redirect(
      `${localePath(locale, `/admin/sponsorship/donations/${params.donationId}`)}?done=updated`,
      303,
    );
  } catch (e) {
    return failure(e, values, 'dn-description');
  }
}

export default function EditDonation({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const d = loaderData;
  const v = (actionData?.values && 'sponsorId' in actionData.values ? actionData.values : d.values) as Record<
    string,
    string
  >;
  const errors = actionData?.errors;
  const version = versionForForm(d.version, actionData);
  return (
    <>
      <title>{`${t('sponsorship.donation.edit')} — ${d.description} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href(`/admin/sponsorship/donations/${d.id}`)}>{d.description}</a>
      </p>
      <h1>{t('sponsorship.donation.edit')}</h1>
      <ErrorSummary errors={errors} />
      <form method="post" className="form" noValidate>
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="version" value={version} />
        <DonationFields o={d.options} v={v} errors={errors} booksLocked={d.catalogued} />
        <button type="submit">{t('sponsorship.donation.save')}</button>
      </form>
      <section aria-labelledby="dn-delete-heading">
        <h2 id="dn-delete-heading">{t('sponsorship.donation.deleteHeading')}</h2>
        {d.catalogued ? (
          <p id="dn-delete">{t('sponsorship.error.cataloguedNoDelete')}</p>
        ) : (
          <form method="post">
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="version" value={version} />
            <p className="hint">{t('sponsorship.donation.deleteHint')}</p>
            <button type="submit" id="dn-delete" className="danger">
              {t('sponsorship.donation.delete')}
            </button>
          </form>
        )}
      </section>
    </>
  );
}
